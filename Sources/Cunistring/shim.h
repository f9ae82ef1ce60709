// GNU libunistring's line breaking: the very code GNU gettext wraps PO lines with,
// so Tolk's catalogues come out exactly as msgcat would write them.
#include <unilbrk.h>
