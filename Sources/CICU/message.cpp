// ICU MessageFormat with named arguments, which only ICU's C++ API offers.
#include "CICU.h"

#include <unicode/fmtable.h>
#include <unicode/msgfmt.h>
#include <unicode/unistr.h>
#include <cstring>
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

#include <unicode/messagepattern.h>
#include <string>

// Describes a MessageFormat pattern for checks, as UTF-8 lines:
//   "arg NAME" for every argument, and "plural NAME KEY KEY ..." for every plural or
//   selectordinal argument with its selector keywords. Returns the bytes needed.
extern "C" int32_t tolk_message_describe(const uint16_t *pattern, int32_t patternLength, char *out, int32_t capacity,
                                        int32_t *errorOffset, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UParseError parseError;
    *errorOffset = -1;
    icu::UnicodeString source(reinterpret_cast<const UChar *>(pattern), patternLength);
    icu::MessagePattern parsed(source, &parseError, error);
    if (U_FAILURE(error)) {
        *errorOffset = parseError.offset;
        *status = static_cast<int32_t>(error);
        return 0;
    }
    struct Argument {
        UMessagePatternArgType type;
        std::string name;
        std::string keywords;
    };
    std::vector<Argument> stack;
    std::string result;
    for (int32_t i = 0; i < parsed.countParts(); i++) {
        const icu::MessagePattern::Part &part = parsed.getPart(i);
        UMessagePatternPartType type = part.getType();
        if (type == UMSGPAT_PART_TYPE_ARG_START) {
            stack.push_back(Argument{part.getArgType(), "", ""});
        } else if ((type == UMSGPAT_PART_TYPE_ARG_NAME || type == UMSGPAT_PART_TYPE_ARG_NUMBER) && !stack.empty()) {
            std::string name;
            parsed.getSubstring(part).toUTF8String(name);
            stack.back().name = name;
            result += "arg " + name + "\n";
        } else if (type == UMSGPAT_PART_TYPE_ARG_SELECTOR && !stack.empty()) {
            std::string keyword;
            parsed.getSubstring(part).toUTF8String(keyword);
            stack.back().keywords += " " + keyword;
        } else if (type == UMSGPAT_PART_TYPE_ARG_LIMIT && !stack.empty()) {
            Argument argument = stack.back();
            stack.pop_back();
            if (argument.type == UMSGPAT_ARG_TYPE_PLURAL || argument.type == UMSGPAT_ARG_TYPE_SELECTORDINAL) {
                result += "plural " + argument.name + argument.keywords + "\n";
            }
        }
    }
    *status = 0;
    int32_t length = static_cast<int32_t>(result.size());
    if (length < capacity) {
        memcpy(out, result.data(), result.size());
        out[length] = '\0';
    }
    return length;
}
