import Foundation
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

// SwiftPM names an executable's entry point after its module; hand it to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FuzzExtract_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { fuzz($0, $1) }
}
