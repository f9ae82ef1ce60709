// libxml2 for Tolk. Debian builds libxml2 with ICU, and its encoding.h then pulls
// in ICU's headers, which clash with Foundation's private copy of ICU in any Swift
// module that imports both. Tolk never touches the ICU converter fields of
// xmlCharEncodingHandler (only pointers to it), so hiding them is safe.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

// xmlFree is a global function pointer, which Swift 6 treats as shared mutable state.
static inline void tolk_xml_free(void *pointer) { xmlFree(pointer); }
