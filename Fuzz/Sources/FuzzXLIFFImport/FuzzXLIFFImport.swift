import Foundation
import FuzzSupport
@testable import TolkKit

/// XLIFF import on any bytes, into a small project of its own: reading, schema
/// validation, inline codes, matching units to entries, and writing the catalogue.
/// Whatever it writes must read back, hold nothing a page may not hold, and keep the
/// line breaks gettext requires; each input starts from the same catalogue.
nonisolated(unsafe) let root = URL(fileURLWithPath: "/dev/shm/tolk-fuzz-xliff-\(getpid())")
nonisolated(unsafe) let catalogue = root.appendingPathComponent("Locales/en/de.po")
nonisolated(unsafe) let input = root.appendingPathComponent("in.xlf")
nonisolated(unsafe) var original: [UInt8] = []

let page = """
    <!DOCTYPE html><html lang="en"><head><title>Notes</title></head><body>
    <p>Hello <b>world</b>, see <a href="a.html">the <i>page</i></a>.</p>
    <p>We meet at <time datetime="2022-10-13T09:30">09:30</time> in Leeds.<br>Bring a friend.</p>
    <pre>
    line one
    line two
    </pre>
    <img src="x.png" alt="A picture of the team">
    </body></html>

    """

/// The project, its catalogue and (into `seed`, when given) its export.
func setUp(seed: String? = nil) {
    try? FileManager.default.createDirectory(at: root.appendingPathComponent("Input"), withIntermediateDirectories: true)
    try! page.write(to: root.appendingPathComponent("Input/notes.html"), atomically: true, encoding: .utf8)
    try! "[languages.de]\nmin-completion = 0\n".write(to: root.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
    let project = Project(root: root)
    _ = try! CatalogUpdate(project: project).run(newLanguages: ["de"])
    original = Array(try! Data(contentsOf: catalogue))
    atexit { try? FileManager.default.removeItem(at: root) }
    if let seed { _ = try! XLIFFExport(project: project, language: "de").write(to: seed) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    if original.isEmpty { setUp() }
    FileManager.default.createFile(atPath: input.path, contents: Data(bytes: data, count: size))
    defer { FileManager.default.createFile(atPath: catalogue.path, contents: Data(original)) }
    guard let result = try? XLIFFImport(project: Project(root: root)).run(file: input.path), result.written else { return 0 }
    guard let catalog = try? POParser(path: "de.po").parse(fileAt: catalogue.path) else {
        fatalError("import wrote a catalogue Tolk cannot read:\n\(String(decoding: try! Data(contentsOf: catalogue), as: UTF8.self))")
    }
    for entry in catalog.entries where !entry.isHeader {
        for translation in entry.translations where !translation.isEmpty {
            if let scalar = ForbiddenCharacters.firstForbidden(in: translation) {
                fatalError("import wrote U+\(String(scalar.value, radix: 16)) into \(entry.id.debugDescription)")
            }
            let source = entry.pluralID ?? entry.id
            if translation.hasPrefix("\n") != entry.id.hasPrefix("\n") || translation.hasSuffix("\n") != source.hasSuffix("\n") {
                fatalError("import wrote line breaks msgfmt rejects: \(entry.id.debugDescription) → \(translation.debugDescription)")
            }
        }
    }
    return 0
}

// SwiftPM names an executable's entry point after its module. `--write-seed PATH` writes
// the project's export, the seed the fuzzer mutates, and stops.
@_cdecl("FuzzXLIFFImport_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    if argc == 3, let flag = argv?[1], String(cString: flag) == "--write-seed", let path = argv?[2] {
        setUp(seed: String(cString: path))
        try? FileManager.default.removeItem(at: root)
        return 0
    }
    return runFuzzer(argc, argv) { fuzz($0, $1) }
}
