// ICU MessageFormat with named arguments, which only ICU's C++ API offers.
#include "CICU.h"

#include <unicode/fmtable.h>
#include <unicode/msgfmt.h>
#include <unicode/unistr.h>
#include <vector>

extern "C" int32_t tolk_format_message(const char *locale, const uint16_t *pattern, int32_t patternLength,
                                       const char *const *names, const double *numbers,
                                       const uint16_t *const *strings, const int32_t *stringLengths, int32_t count,
                                       uint16_t *out, int32_t capacity, int32_t *errorOffset, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UParseError parseError;
    *errorOffset = -1;
    icu::UnicodeString source(reinterpret_cast<const UChar *>(pattern), patternLength);
    icu::MessageFormat format(source, icu::Locale(locale), parseError, error);
    if (U_FAILURE(error)) {
        *errorOffset = parseError.offset;
        *status = static_cast<int32_t>(error);
        return 0;
    }
    std::vector<icu::UnicodeString> argumentNames;
    std::vector<icu::Formattable> arguments;
    for (int32_t i = 0; i < count; i++) {
        argumentNames.emplace_back(icu::UnicodeString::fromUTF8(names[i]));
        if (strings != nullptr && strings[i] != nullptr) {
            arguments.emplace_back(icu::UnicodeString(reinterpret_cast<const UChar *>(strings[i]), stringLengths[i]));
        } else {
            arguments.emplace_back(numbers[i]);
        }
    }
    icu::UnicodeString result;
    format.format(argumentNames.data(), arguments.data(), count, result, error);
    *status = static_cast<int32_t>(error);
    if (U_FAILURE(error)) {
        return 0;
    }
    return result.extract(reinterpret_cast<UChar *>(out), capacity, error);
}
