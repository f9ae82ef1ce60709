#include "CICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/upluralrules.h>

struct TolkBreakIterator {
    UBreakIterator *iterator;
};

TolkBreakIterator *tolk_break_open(int32_t kind, const char *locale, const uint16_t *text,
                                   int32_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
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
    TolkBreakIterator *wrapper = (TolkBreakIterator *)malloc(sizeof(TolkBreakIterator));
    if (wrapper == NULL) {
        ubrk_close(iterator);
        *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    wrapper->iterator = iterator;
    return wrapper;
}

void tolk_break_close(TolkBreakIterator *iterator) {
    if (iterator != NULL) {
        ubrk_close(iterator->iterator);
        free(iterator);
    }
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
