import Foundation
import FuzzSupport
@testable import TolkKit

/// The translation memory's readers on any bytes: TMX (as `tolk memory import` and every
/// extract with Locales/memory/ read it) and XLIFF 1.2 (as `tolk import` reads it). Either
/// refuses with an error or gives units; a unit read is scored against a sentence, its
/// placeholders transferred, and written back as TMX, which must read again.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    if let contents = try? TMXDocument.read(bytes, path: "memory.tmx") {
        let units = Array(contents.units.prefix(50))
        let index = MemoryIndex(units, from: "en", to: "de")
        _ = index.best(for: "Register <1>here</1> for the workshop.", minimum: 1)
        for unit in units.prefix(5) { _ = index.matches(for: unit.source, minimum: 50, limit: 3) }
        let written = TMXWriter.document(units) { $0.codes }
        if (try? TMXDocument.read(Data(written.xml.utf8), path: "again.tmx")) == nil {
            fatalError("Tolk's own TMX of these units does not read back:\n\(written.xml)")
        }
    }
    if XLIFF12Document.isXLIFF1(bytes), let document = try? XLIFF12Document.read(bytes, path: "file.xlf") {
        for unit in document.units.prefix(20) {
            for segment in unit.segments {
                _ = try? XLIFFDocument.message(from: segment.source, literal: segment.literal)
                if let target = segment.target { _ = try? XLIFFDocument.message(from: target, literal: segment.literal) }
            }
        }
    }
    return 0
}

// SwiftPM names an executable's entry point after its module.
@_cdecl("FuzzTMX_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
