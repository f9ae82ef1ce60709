import Foundation
import FuzzSupport
@testable import TolkKit

/// Page extraction on any bytes that are UTF-8: parsing, units, segments, msgids and
/// the catalogue they make.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self),
          let page = try? PageExtraction.extract(path: "Input/page.html", text: text) else { return 0 }
    var builder = CatalogTemplate.Builder(language: "de")
    builder.add(page)
    let catalog = POCatalog(entries: [CatalogTemplate.header(for: "de")] + builder.entries())
    let written = POWriter().write(catalog)
    guard (try? POParser(path: "de.po").parse(written)) != nil else {
        fatalError("a catalogue extracted from a page does not read back:\n\(written)")
    }
    return 0
}

// SwiftPM names an executable's entry point after its module.
@_cdecl("FuzzExtract_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
