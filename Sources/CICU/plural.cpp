// CLDR plural rules as text, which only ICU's C++ API offers.
#include "CICU.h"

#include <unicode/locid.h>
#include <unicode/plurrule.h>
#include <unicode/unistr.h>
#include <memory>
#include <string>
#include <cstring>

extern "C" int32_t tolk_plural_rules(const char *locale, char *out, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(icu::Locale(locale), error));
    if (U_FAILURE(error) || !rules) {
        *status = static_cast<int32_t>(U_FAILURE(error) ? error : U_MEMORY_ALLOCATION_ERROR);
        return 0;
    }
    std::string text;
    rules->getRules().toUTF8String(text);
    *status = 0;
    int32_t length = static_cast<int32_t>(text.size());
    if (length < capacity) {
        memcpy(out, text.data(), text.size());
        out[length] = '\0';
    } else {
        *status = 15;  // U_BUFFER_OVERFLOW_ERROR
    }
    return length;
}

extern "C" int32_t tolk_plural_select(const char *locale, double number, char *out, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(icu::Locale(locale), error));
    if (U_FAILURE(error) || !rules) {
        return 0;
    }
    std::string text;
    rules->select(number).toUTF8String(text);
    int32_t length = static_cast<int32_t>(text.size());
    if (length >= capacity) {
        return 0;
    }
    memcpy(out, text.data(), text.size());
    out[length] = '\0';
    return length;
}
