#ifndef TOLK_CICU_H
#define TOLK_CICU_H

// Tolk's window onto ICU. Only plain C types cross this header: ICU's own
// headers stay inside shim.c, because ICU renames every function with its
// version (ubrk_open is ubrk_open_72) and because Foundation carries a
// private ICU whose types would clash with the system's.
//
// Status codes are ICU's UErrorCode values: > 0 is an error, <= 0 success.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct TolkBreakIterator TolkBreakIterator;

enum {
    TOLK_BREAK_CHARACTER = 0,
    TOLK_BREAK_WORD = 1,
    TOLK_BREAK_LINE = 2,
    TOLK_BREAK_SENTENCE = 3
};

/// Opens a break iterator over `text` (UTF-16, not copied: it must outlive the iterator).
/// Iterators are kept per thread and reused for the next text once closed.
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

/// The locale's CLDR cardinal plural rules as text ("one: i = 1 and v = 0 @integer 1; ..."),
/// UTF-8. Returns the length; status 15 when `capacity` is too small.
int32_t tolk_plural_rules(const char *_Nonnull locale, char *_Nonnull out, int32_t capacity, int32_t *_Nonnull status);

/// The plural category ICU selects for `number` in the locale ("one", "few", ...).
int32_t tolk_plural_select(const char *_Nonnull locale, double number, char *_Nonnull out, int32_t capacity);

/// Formats a date with the locale's best pattern for `skeleton` (e.g. "EEEEdMMMMy"),
/// in the time zone `zone` ("GMT+01:00", "UTC"). Returns the length written to `out`.
int32_t tolk_format_date(const char *_Nonnull locale, const uint16_t *_Nonnull skeleton, int32_t skeletonLength,
                         double millis, const uint16_t *_Nonnull zone, int32_t zoneLength,
                         uint16_t *_Nonnull out, int32_t capacity, int32_t *_Nonnull status);

/// Formats a date interval with ICU's interval formatter. `spans` receives the start and
/// limit of the parts that belong to the first and the second date (-1 where ICU gives none).
int32_t tolk_format_interval(const char *_Nonnull locale, const uint16_t *_Nonnull skeleton, int32_t skeletonLength,
                             double from, double to, const uint16_t *_Nonnull zone, int32_t zoneLength,
                             uint16_t *_Nonnull out, int32_t capacity, int32_t *_Nonnull spans,
                             int32_t *_Nonnull status);

/// Formats an ICU MessageFormat pattern with named arguments: `numbers[i]` when
/// `strings[i]` is NULL, else the string. On a syntax error, `errorOffset` is where.
int32_t tolk_format_message(const char *_Nonnull locale, const uint16_t *_Nonnull pattern, int32_t patternLength,
                            const char *_Nonnull const *_Nullable names, const double *_Nullable numbers,
                            const uint16_t *_Nullable const *_Nullable strings, const int32_t *_Nullable stringLengths,
                            int32_t count, uint16_t *_Nonnull out, int32_t capacity,
                            int32_t *_Nonnull errorOffset, int32_t *_Nonnull status);

/// Describes a MessageFormat pattern as UTF-8 lines "arg NAME" and "plural NAME KEY...".
/// Returns the length needed; on a syntax error, status > 0 and `errorOffset` is where.
int32_t tolk_message_describe(const uint16_t *_Nonnull pattern, int32_t patternLength, char *_Nonnull out,
                              int32_t capacity, int32_t *_Nonnull errorOffset, int32_t *_Nonnull status);

/// Parses a number in the locale's format at the start of `text` (ICU's lenient parse).
/// Returns the UTF-16 units consumed (0 when there is no number there).
int32_t tolk_parse_number(const char *_Nonnull locale, const uint16_t *_Nonnull text, int32_t length,
                          double *_Nonnull value);

/// NFC check: 1 when `text` is in Normalization Form C.
int32_t tolk_is_nfc(const uint16_t *_Nonnull text, int32_t length);

/// The locale's quotation marks (start, end, alternate start, alternate end), UTF-16,
/// each at most 4 units, written into `out` (16 units).
int32_t tolk_quotation_marks(const char *_Nonnull locale, uint16_t *_Nonnull out);

/// Likely region of a language, as ICU's likely-subtags data says ("de" -> "DE").
int32_t tolk_likely_region(const char *_Nonnull locale, char *_Nonnull buffer, int32_t capacity);

/// The BCP 47 tag of a locale given as a tag or an ICU/gettext ID ("pt_BR" -> "pt-BR",
/// "zh_Hant" -> "zh-Hant"). Returns the length, 0 when ICU cannot read it.
int32_t tolk_language_tag(const char *_Nonnull locale, char *_Nonnull buffer, int32_t capacity);

/// The script a locale is written in, explicit or likely ("zh_TW" -> "Hant", "de" -> "Latn").
int32_t tolk_likely_script(const char *_Nonnull locale, char *_Nonnull buffer, int32_t capacity);

/// The locale's language name in the language itself ("Deutsch"), in UTF-16.
int32_t tolk_display_name(const char *_Nonnull locale, uint16_t *_Nonnull out, int32_t capacity);

/// Columns a code point takes on a terminal, as gettext's line wrapping counts them:
/// 2 for East Asian wide and fullwidth, 0 for combining marks and most format
/// characters, -1 for C0 and C1 controls, 1 otherwise.
int32_t tolk_column_width(int32_t codePoint);

/// 1 when gettext's Unicode 14 data has no character at this code point.
int32_t tolk_unassigned_for_gettext(int32_t codePoint);

/// The line-break class of a code point as gettext's wrapping sees it (an index into the
/// pair table of linebreak.c).
int32_t tolk_line_break_class(int32_t codePoint);

/// Where gettext would wrap a PO string line: `breaks[i]` is set to 1 for a line break
/// before `text[i]` (Unicode scalars), 0 otherwise. `prohibited[i]` forbids a break
/// before `text[i]` (may be NULL). Lines are `width` columns; the first starts at
/// `startColumn`.
void tolk_po_line_breaks(const uint32_t *_Nonnull text, int32_t count, int32_t width, int32_t startColumn,
                         const uint8_t *_Nullable prohibited, uint8_t *_Nonnull breaks);

/// Decodes `bytes` in the charset named `charset` (any name or alias ICU knows) into
/// UTF-16. Returns the length; with too small a capacity, status is
/// U_BUFFER_OVERFLOW_ERROR (15) and the length is what is needed. An unknown charset
/// gives U_FILE_ACCESS_ERROR (4); a byte the charset lacks, U_ILLEGAL_CHAR_FOUND (12)
/// or U_INVALID_CHAR_FOUND (10).
int32_t tolk_decode(const char *_Nonnull charset, const char *_Nonnull bytes, int32_t length, uint16_t *_Nullable out,
                    int32_t capacity, int32_t *_Nonnull status);

/// Why a code point is invisible, from ICU's properties: 1 Bidi_Control, 2
/// Default_Ignorable_Code_Point, 3 a control character (Cc); 0 when it is none of these.
int32_t tolk_invisible_kind(int32_t codePoint);

/// 1 when the locale's exemplar characters (standard, auxiliary or punctuation) hold the
/// code point: Persian's exemplars hold the zero-width non-joiner its words need.
int32_t tolk_exemplars_contain(const char *_Nonnull locale, int32_t codePoint);

/// 1 when the locale's script is written right to left.
int32_t tolk_is_right_to_left(const char *_Nonnull locale);

// The BCP 47 tag of the likely locale of the country `zone` is in ("en-GB" for
// Europe/London); 0 when it is in none.
int32_t tolk_zone_locale(const char *_Nonnull zone, char *_Nonnull out, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
