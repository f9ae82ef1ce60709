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
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

// xmlFree is a global function pointer, which Swift 6 treats as shared mutable state.
static inline void tolk_xml_free(void *pointer) { xmlFree(pointer); }

// libxml2 prints some errors (an XPath function it does not know, say) through its
// generic error function, to stderr, besides reporting them structured. Tolk reads the
// structured reports and words them itself; this keeps the raw lines off the terminal.
// The function is per thread, so each entry point that calls libxml2 sets it.
static void tolk_xml_ignore_generic(void *context, const char *message, ...) { (void)context; (void)message; }
static inline void tolk_xml_silence_generic_errors(void) { xmlSetGenericErrorFunc(NULL, tolk_xml_ignore_generic); }
