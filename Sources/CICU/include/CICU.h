#ifndef TOLK_CICU_H
#define TOLK_CICU_H

// Tolk's window onto ICU. Only plain C types cross this header: ICU's own
// headers stay inside shim.c, because ICU renames every function with its
// version (ubrk_open is ubrk_open_72) and because Foundation carries a
// private ICU whose types would clash with the system's.
//
// Status codes are ICU's UErrorCode values: > 0 is an error, <= 0 success.

#include <stdint.h>

typedef struct TolkBreakIterator TolkBreakIterator;

enum {
    TOLK_BREAK_CHARACTER = 0,
    TOLK_BREAK_WORD = 1,
    TOLK_BREAK_LINE = 2,
    TOLK_BREAK_SENTENCE = 3
};

/// Opens a break iterator over `text` (UTF-16, not copied: it must outlive the iterator).
TolkBreakIterator *_Nullable tolk_break_open(int32_t kind, const char *_Nonnull locale,
                                             const uint16_t *_Nonnull text, int32_t length,
                                             int32_t *_Nonnull status);
void tolk_break_close(TolkBreakIterator *_Nullable iterator);
/// The next boundary after the current one, or -1 at the end.
int32_t tolk_break_next(TolkBreakIterator *_Nonnull iterator);
/// The rule status of the boundary last returned (word iterators: 0 = no letters or numbers).
int32_t tolk_break_rule_status(TolkBreakIterator *_Nonnull iterator);

/// Three-letter ISO 639 code of the locale's language; empty when ICU does not know it.
int32_t tolk_locale_iso3_language(const char *_Nonnull locale, char *_Nonnull buffer, int32_t capacity);

/// Space-separated CLDR plural keywords of a locale (cardinal), e.g. "one other".
int32_t tolk_plural_keywords(const char *_Nonnull locale, char *_Nonnull buffer, int32_t capacity,
                             int32_t *_Nonnull status);

#endif
