import Foundation
import FuzzSupport
@testable import TolkKit

/// Building a page with a fully translated, hostile catalogue. The input is a page; each
/// of its segments is translated to a text made from the segment and from bytes of the
/// input (placeholders reordered, dropped or doubled, markup, controls, bidi overrides),
/// so translations and page vary together.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = String(validating: bytes, as: UTF8.self),
          let page = try? PageExtraction.extract(path: "Input/page.html", text: text) else { return 0 }
    let hostile = ["<script>alert(1)</script>", "\u{202E}", "\u{0}", "&amp;", "<1>", "</1>", "<2/>", "\\", "\"", "]]>", "\u{7}"]
    var entries = [CatalogTemplate.header(for: "de")]
    var seen = Set<POEntry.Key>()
    for (index, segment) in page.segments.enumerated() {
        var entry = POEntry(context: segment.context, id: segment.text)
        guard seen.insert(entry.key).inserted else { continue }
        let pick = bytes.isEmpty ? 0 : Int(bytes[index % bytes.count])
        var translation = String(segment.text.reversed())
        if pick % 3 == 0 { translation = segment.text + hostile[pick % hostile.count] }
        if pick % 5 == 0 { translation = hostile[(pick / 5) % hostile.count] + segment.text }
        if pick % 7 == 0 { translation = segment.text.replacingOccurrences(of: "<1>", with: "<2>") }
        entry.translations = [translation]
        entries.append(entry)
    }
    let table = TranslationTable(catalog: POCatalog(entries: entries), path: "Locales/de.po")
    let output = PageBuilder(page: page, source: bytes, language: "de", table: table,
                             alternates: [("en", "../en/page.html"), ("de", "../de/page.html")]).build()
    _ = PageBuilder(page: page, source: bytes, language: page.language, table: nil, alternates: []).build()
    guard !output.bytes.isEmpty || bytes.isEmpty else { fatalError("the build wrote an empty page") }
    return 0
}

// SwiftPM names an executable's entry point after its module.
@_cdecl("FuzzBuild_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
