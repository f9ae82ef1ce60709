import Foundation
import FuzzSupport
@testable import TolkKit

/// The PO reader on any bytes, through a file as the commands read catalogues (charset
/// detection and conversion included). What it accepts, Tolk must write so that it
/// reads back the same.
nonisolated(unsafe) let file = "/dev/shm/tolk-fuzz-po-\(getpid()).po"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FileManager.default.createFile(atPath: file, contents: Data(bytes: data, count: size))
    guard let catalog = try? POParser(path: "de.po").parse(fileAt: file) else { return 0 }
    let written = POWriter().write(catalog)
    guard let again = try? POParser(path: "de.po").parse(written) else {
        fatalError("Tolk wrote a catalogue it cannot read back:\n\(written)")
    }
    guard POWriter().write(again) == written else {
        fatalError("a catalogue Tolk wrote reads back differently:\n\(written)")
    }
    return 0
}

// SwiftPM names an executable's entry point after its module.
@_cdecl("FuzzPO_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
