// The locale of the country a time zone is in, for the zone's own abbreviation.
#include "CICU.h"

#include <unicode/timezone.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>
#include <cstring>

extern "C" int32_t tolk_zone_locale(const char *zone, char *out, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    char region[8] = {0};
    icu::TimeZone::getRegion(icu::UnicodeString::fromUTF8(zone), region, sizeof(region), error);
    // "001" is the world (Etc/UTC): no country, no abbreviation of its own.
    if (U_FAILURE(error) || region[0] == '\0' || (region[0] >= '0' && region[0] <= '9')) return 0;
    char und[16];
    snprintf(und, sizeof(und), "und_%s", region);
    char likely[ULOC_FULLNAME_CAPACITY];
    uloc_addLikelySubtags(und, likely, sizeof(likely), &error);
    if (U_FAILURE(error)) return 0;
    int32_t length = uloc_toLanguageTag(likely, out, capacity, true, &error);
    return U_FAILURE(error) ? 0 : length;
}
