import Foundation
import FuzzSupport
@testable import TolkKit

/// ITS rules on any bytes: read as the project's rules file and, when they are text, as
/// rules inside a page's `<script type="application/its+xml">`; either way applied to a
/// page by libxml2's XPath within its budget. Rules Tolk accepts must give an extraction
/// whose catalogue reads back; nothing may hang (libFuzzer's -timeout catches that).
let page = """
    <!DOCTYPE html><html lang="en"><head><title>Events</title>
    <meta name="description" content="A week of events.">
    </head><body>
    <h1 id="top" class="brand">HLS Week</h1>
    <p title="A note">Hello <span class="brand">Zebulon</span>, see <a href="a.html">the <i>page</i></a>.</p>
    <p lang="de">Willkommen in Berlin.</p>
    <ul><li data-note="n">One item.</li><li translate="no">Kept.</li></ul>
    <p>We meet at <time datetime="2022-10-13T09:30">09:30</time>.<br><code>make</code> it.</p>
    <img src="x.png" alt="A picture of the team">
    </body></html>

    """

func readsBack(_ extraction: PageExtraction) {
    var builder = CatalogTemplate.Builder(language: "de")
    builder.add(extraction)
    let written = POWriter().write(POCatalog(entries: [CatalogTemplate.header(for: "de")] + builder.entries()))
    guard (try? POParser(path: "de.po").parse(written)) != nil else {
        fatalError("a catalogue extracted with these rules does not read back:\n\(written)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    if let rules = try? ITSRules.read(bytes, path: ITSContext.projectRulesPath),
       let extraction = try? PageExtraction.extract(path: "Input/page.html", text: page, its: ITSContext(rules: [rules])) {
        readsBack(extraction)
    }
    if let text = String(data: bytes, encoding: .utf8), !text.lowercased().contains("</script") {
        let inline = page.replacingOccurrences(of: "</head>", with: "<script type=\"application/its+xml\">\(text)</script></head>")
        if let extraction = try? PageExtraction.extract(path: "Input/page.html", text: inline) { readsBack(extraction) }
    }
    return 0
}

// SwiftPM names an executable's entry point after its module.
@_cdecl("FuzzITSRules_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
