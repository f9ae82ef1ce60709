#include "CICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/udat.h>
#include <unicode/udateintervalformat.h>
#include <unicode/udatpg.h>
#include <unicode/uformattedvalue.h>
#include <unicode/ulocdata.h>
#include <unicode/uset.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/upluralrules.h>

struct TolkBreakIterator {
    UBreakIterator *iterator;
    int32_t kind;
    char locale[48];
    /// Kept in the thread's cache: closing only makes it free for the next text.
    int cached;
    int inUse;
};

/// Opening an ICU break iterator loads and clones its rules, which costs more than
/// breaking a paragraph. Each thread keeps the iterators it opened and points them at
/// new text with ubrk_setText.
enum { TOLK_BREAK_CACHE_SIZE = 8 };
static _Thread_local TolkBreakIterator tolk_break_cache[TOLK_BREAK_CACHE_SIZE];

TolkBreakIterator *tolk_break_open(int32_t kind, const char *locale, const uint16_t *text,
                                   int32_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    TolkBreakIterator *freeSlot = NULL;
    int cacheable = strlen(locale) < sizeof(tolk_break_cache[0].locale);
    for (int index = 0; cacheable && index < TOLK_BREAK_CACHE_SIZE; index++) {
        TolkBreakIterator *slot = &tolk_break_cache[index];
        if (slot->iterator == NULL) {
            if (freeSlot == NULL) {
                freeSlot = slot;
            }
        } else if (!slot->inUse && slot->kind == kind && strcmp(slot->locale, locale) == 0) {
            ubrk_setText(slot->iterator, (const UChar *)text, length, &error);
            *status = (int32_t)error;
            if (U_FAILURE(error)) {
                return NULL;
            }
            slot->inUse = 1;
            return slot;
        }
    }
    UBreakIteratorType type;
    switch (kind) {
    case TOLK_BREAK_CHARACTER: type = UBRK_CHARACTER; break;
    case TOLK_BREAK_WORD: type = UBRK_WORD; break;
    case TOLK_BREAK_LINE: type = UBRK_LINE; break;
    default: type = UBRK_SENTENCE; break;
    }
    UBreakIterator *iterator = ubrk_open(type, locale, (const UChar *)text, length, &error);
    *status = (int32_t)error;
    if (U_FAILURE(error) || iterator == NULL) {
        return NULL;
    }
    TolkBreakIterator *wrapper = freeSlot;
    if (wrapper == NULL) {
        wrapper = (TolkBreakIterator *)calloc(1, sizeof(TolkBreakIterator));
        if (wrapper == NULL) {
            ubrk_close(iterator);
            *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
            return NULL;
        }
    } else {
        wrapper->cached = 1;
        strcpy(wrapper->locale, locale);
    }
    wrapper->iterator = iterator;
    wrapper->kind = kind;
    wrapper->inUse = 1;
    return wrapper;
}

void tolk_break_close(TolkBreakIterator *iterator) {
    if (iterator == NULL) {
        return;
    }
    if (iterator->cached) {
        iterator->inUse = 0;
        return;
    }
    ubrk_close(iterator->iterator);
    free(iterator);
}

int32_t tolk_break_next(TolkBreakIterator *iterator) {
    int32_t next = ubrk_next(iterator->iterator);
    return next == UBRK_DONE ? -1 : next;
}

int32_t tolk_break_rule_status(TolkBreakIterator *iterator) {
    return ubrk_getRuleStatus(iterator->iterator);
}

int32_t tolk_locale_iso3_language(const char *locale, char *buffer, int32_t capacity) {
    const char *iso3 = uloc_getISO3Language(locale);
    if (iso3 == NULL || capacity <= 0) {
        return 0;
    }
    int32_t length = (int32_t)strlen(iso3);
    if (length >= capacity) {
        length = capacity - 1;
    }
    memcpy(buffer, iso3, (size_t)length);
    buffer[length] = '\0';
    return length;
}

int32_t tolk_plural_keywords(const char *locale, char *buffer, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UPluralRules *rules = uplrules_open(locale, &error);
    if (U_FAILURE(error)) {
        *status = (int32_t)error;
        return 0;
    }
    UEnumeration *keywords = uplrules_getKeywords(rules, &error);
    int32_t used = 0;
    if (U_SUCCESS(error)) {
        const char *keyword;
        int32_t length;
        while ((keyword = uenum_next(keywords, &length, &error)) != NULL && U_SUCCESS(error)) {
            if (used + length + 2 > capacity) {
                break;
            }
            if (used > 0) {
                buffer[used++] = ' ';
            }
            memcpy(buffer + used, keyword, (size_t)length);
            used += length;
        }
        uenum_close(keywords);
    }
    if (capacity > 0) {
        buffer[used < capacity ? used : capacity - 1] = '\0';
    }
    uplrules_close(rules);
    *status = (int32_t)error;
    return used;
}

int32_t tolk_format_date(const char *locale, const uint16_t *skeleton, int32_t skeletonLength, double millis,
                         const uint16_t *zone, int32_t zoneLength, uint16_t *out, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UDateTimePatternGenerator *generator = udatpg_open(locale, &error);
    UChar pattern[128];
    int32_t patternLength = 0;
    if (U_SUCCESS(error)) {
        patternLength = udatpg_getBestPattern(generator, (const UChar *)skeleton, skeletonLength, pattern, 128, &error);
        udatpg_close(generator);
    }
    int32_t length = 0;
    if (U_SUCCESS(error)) {
        UDateFormat *format = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, (const UChar *)zone, zoneLength,
                                        pattern, patternLength, &error);
        if (U_SUCCESS(error)) {
            length = udat_format(format, millis, (UChar *)out, capacity, NULL, &error);
            udat_close(format);
        }
    }
    *status = (int32_t)error;
    return length;
}

int32_t tolk_format_interval(const char *locale, const uint16_t *skeleton, int32_t skeletonLength, double from,
                             double to, const uint16_t *zone, int32_t zoneLength, uint16_t *out, int32_t capacity,
                             int32_t *spans, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    for (int i = 0; i < 4; i++) spans[i] = -1;
    UDateIntervalFormat *format = udtitvfmt_open(locale, (const UChar *)skeleton, skeletonLength,
                                                 (const UChar *)zone, zoneLength, &error);
    UFormattedDateInterval *result = udtitvfmt_openResult(&error);
    int32_t length = 0;
    if (U_SUCCESS(error)) {
        udtitvfmt_formatToResult(format, from, to, result, &error);
        const UFormattedValue *value = udtitvfmt_resultAsValue(result, &error);
        const UChar *text = U_SUCCESS(error) ? ufmtval_getString(value, &length, &error) : NULL;
        if (U_SUCCESS(error) && text != NULL) {
            int32_t copy = length < capacity ? length : capacity;
            memcpy(out, text, (size_t)copy * sizeof(UChar));
            UConstrainedFieldPosition *position = ucfpos_open(&error);
            ucfpos_constrainCategory(position, UFIELD_CATEGORY_DATE_INTERVAL_SPAN, &error);
            while (U_SUCCESS(error) && ufmtval_nextPosition(value, position, &error)) {
                int32_t field = ucfpos_getField(position, &error);
                int32_t start = 0, limit = 0;
                ucfpos_getIndexes(position, &start, &limit, &error);
                if (field == 0 || field == 1) {
                    spans[field * 2] = start;
                    spans[field * 2 + 1] = limit;
                }
            }
            ucfpos_close(position);
        }
    }
    udtitvfmt_closeResult(result);
    udtitvfmt_close(format);
    *status = (int32_t)error;
    return length;
}

int32_t tolk_likely_region(const char *locale, char *buffer, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    char maximized[ULOC_FULLNAME_CAPACITY];
    uloc_addLikelySubtags(locale, maximized, ULOC_FULLNAME_CAPACITY, &error);
    if (U_FAILURE(error)) return 0;
    return uloc_getCountry(maximized, buffer, capacity, &error);
}

// An ICU locale ID for `locale`, whether it is written as a BCP 47 tag or as an ICU/gettext ID.
static void tolk_locale_id(const char *locale, char *id, int32_t capacity, UErrorCode *error) {
    if (strchr(locale, '-') != NULL) {
        int32_t parsed = 0;
        uloc_forLanguageTag(locale, id, capacity, &parsed, error);
    } else {
        uloc_canonicalize(locale, id, capacity, error);
    }
}

int32_t tolk_language_tag(const char *locale, char *buffer, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    char id[ULOC_FULLNAME_CAPACITY];
    tolk_locale_id(locale, id, ULOC_FULLNAME_CAPACITY, &error);
    if (U_FAILURE(error)) return 0;
    int32_t length = uloc_toLanguageTag(id, buffer, capacity, 0, &error);
    return U_FAILURE(error) ? 0 : length;
}

int32_t tolk_likely_script(const char *locale, char *buffer, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    char id[ULOC_FULLNAME_CAPACITY];
    char maximized[ULOC_FULLNAME_CAPACITY];
    tolk_locale_id(locale, id, ULOC_FULLNAME_CAPACITY, &error);
    uloc_addLikelySubtags(id, maximized, ULOC_FULLNAME_CAPACITY, &error);
    if (U_FAILURE(error)) return 0;
    int32_t length = uloc_getScript(maximized, buffer, capacity, &error);
    return U_FAILURE(error) ? 0 : length;
}

int32_t tolk_column_width(int32_t c) {
    // The same classes as libunistring's uc_width, which gettext wraps with, read from
    // ICU's character properties as of Unicode 14, the version gettext's data has.
    if (c == 0) {
        return 0;
    }
    if (tolk_unassigned_for_gettext(c)) {
        // Unassigned code points in the CJK blocks are wide, as EastAsianWidth.txt says.
        int wide = (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE10 && c <= 0xFE1F) || (c >= 0xFE30 && c <= 0xFE6F)
            || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x1F200 && c <= 0x1F2FF) || (c >= 0x20000 && c <= 0x3FFFF);
        int ignorable = c == 0xE0001 || (c >= 0xE0020 && c <= 0xE007F) || (c >= 0xE0100 && c <= 0xE01EF);
        return ignorable ? 0 : wide ? 2 : 1;
    }
    int8_t category = u_charType(c);
    if (category == U_CONTROL_CHAR) {
        return c < 0xA0 ? -1 : 0;
    }
    if (c == 0x0CBF || c == 0x0CC6 || c == 0x11A07 || c == 0x11A08 || c == 0x11C3F) {
        return 1;  // vowel signs that gettext's table counts as spacing
    }
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) {
        return 0;
    }
    if ((c >= 0x1160 && c <= 0x11FF) || (c >= 0xD7B0 && c <= 0xD7C6) || (c >= 0xD7CB && c <= 0xD7FB) || c == 0x200B) {
        return 0;  // Hangul medial vowels and final consonants join the syllable before.
    }
    int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    if (width == U_EA_WIDE || width == U_EA_FULLWIDTH) {
        return 2;
    }
    return 1;
}

int32_t tolk_unassigned_for_gettext(int32_t c) {
    if (u_charType(c) == U_UNASSIGNED) {
        return 1;
    }
    UVersionInfo age;
    u_charAge(c, age);
    return age[0] > 14;
}

int32_t tolk_is_right_to_left(const char *locale) {
    return uloc_isRightToLeft(locale) ? 1 : 0;
}

int32_t tolk_display_name(const char *locale, uint16_t *out, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t length = uloc_getDisplayName(locale, locale, (UChar *)out, capacity, &error);
    return U_SUCCESS(error) ? length : 0;
}

int32_t tolk_parse_number(const char *locale, const uint16_t *text, int32_t length, double *value) {
    UErrorCode error = U_ZERO_ERROR;
    UNumberFormat *format = unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, &error);
    if (U_FAILURE(error)) return 0;
    int32_t position = 0;
    *value = unum_parseDouble(format, (const UChar *)text, length, &position, &error);
    unum_close(format);
    return U_SUCCESS(error) ? position : 0;
}

int32_t tolk_is_nfc(const uint16_t *text, int32_t length) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFCInstance(&error);
    if (U_FAILURE(error)) return 1;
    UBool result = unorm2_isNormalized(normalizer, (const UChar *)text, length, &error);
    return U_SUCCESS(error) && !result ? 0 : 1;
}

int32_t tolk_quotation_marks(const char *locale, uint16_t *out) {
    UErrorCode error = U_ZERO_ERROR;
    ULocaleData *data = ulocdata_open(locale, &error);
    if (U_FAILURE(error)) return 0;
    const ULocaleDataDelimiterType types[4] = {ULOCDATA_QUOTATION_START, ULOCDATA_QUOTATION_END,
                                               ULOCDATA_ALT_QUOTATION_START, ULOCDATA_ALT_QUOTATION_END};
    for (int i = 0; i < 4; i++) {
        UChar buffer[4] = {0, 0, 0, 0};
        ulocdata_getDelimiter(data, types[i], buffer, 4, &error);
        memcpy(out + i * 4, buffer, 4 * sizeof(UChar));
    }
    ulocdata_close(data);
    return U_SUCCESS(error) ? 1 : 0;
}

int32_t tolk_decode(const char *charset, const char *bytes, int32_t length, uint16_t *out, int32_t capacity,
                    int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &error);
    if (U_FAILURE(error) || converter == NULL) {
        *status = (int32_t)(U_FAILURE(error) ? error : U_FILE_ACCESS_ERROR);
        return 0;
    }
    // A byte the charset does not have is an error, never a silent substitute.
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &error);
    int32_t written = ucnv_toUChars(converter, (UChar *)out, capacity, bytes, length, &error);
    ucnv_close(converter);
    *status = (int32_t)error;
    return written;
}

int32_t tolk_invisible_kind(int32_t c) {
    if (u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL)) {
        return 1;
    }
    if (u_charType(c) == U_CONTROL_CHAR) {
        return 3;
    }
    if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
        return 2;
    }
    return 0;
}

int32_t tolk_exemplars_contain(const char *locale, int32_t c) {
    UErrorCode error = U_ZERO_ERROR;
    ULocaleData *data = ulocdata_open(locale, &error);
    if (U_FAILURE(error)) {
        return 0;
    }
    int32_t found = 0;
    const ULocaleDataExemplarSetType types[] = {ULOCDATA_ES_STANDARD, ULOCDATA_ES_AUXILIARY, ULOCDATA_ES_PUNCTUATION};
    for (int i = 0; i < 3 && !found; i++) {
        UErrorCode setError = U_ZERO_ERROR;
        USet *set = ulocdata_getExemplarSet(data, NULL, 0, types[i], &setError);
        if (U_SUCCESS(setError) && set != NULL) {
            found = uset_contains(set, c);
            uset_close(set);
        }
    }
    ulocdata_close(data);
    return found;
}
