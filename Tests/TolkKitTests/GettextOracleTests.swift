import Foundation
import Testing
@testable import TolkKit

/// GNU gettext as the oracle: every catalogue gettext reads, Tolk reads, and what Tolk
/// writes back is what `msgcat` writes. The one documented difference: gettext 0.21 does
/// not know the `icu-message-format` flag and drops it; Tolk keeps it.
@Suite("PO files: gettext as the oracle")
struct GettextOracleTests {
    static let syntaxFolder = Fixture.url("po/gettext-syntax")

    /// The catalogues of the oracle corpus: gettext syntax cases and a real translator's catalogue.
    static var corpus: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: syntaxFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".po") }.sorted().map { syntaxFolder.appendingPathComponent($0).path }
    }

    /// Tolk's output with the `icu-message-format` flag taken out, as msgcat would.
    static func withoutPlatformFlags(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> Substring? in
            guard line.hasPrefix("#, ") || line.hasPrefix("#~, ") else { return line }
            let prefix = line.hasPrefix("#~") ? "#~, " : "#, "
            let flags = line.dropFirst(prefix.count).split(separator: ", ")
                .filter { $0 != "icu-message-format" && !$0.hasPrefix("placeholders:") }
            return flags.isEmpty ? nil : Substring(prefix + flags.joined(separator: ", "))
        }.joined(separator: "\n")
    }

    @Test("a real translator's catalogue Tolk reads and writes back is what msgcat writes", .needsShared("corpus/gettext"))
    func translatorCatalogueMatchesMsgcat() throws {
        try readWriteMatchesMsgcat(POFileTests.corpusPath)
    }

    @Test("a catalogue Tolk reads and writes back is what msgcat writes", arguments: corpus)
    func readWriteMatchesMsgcat(_ path: String) throws {
        let catalog = try POParser(path: path).parse(fileAt: path)
        let expected = try GNUGettext.run("msgcat", ["--to-code=UTF-8", path])
        expectSameLines(Self.withoutPlatformFlags(POWriter().write(catalog)), expected)
    }

    @Test("what the syntax cases mean: continuation lines, escapes, keywords on their own lines")
    func syntaxMeaning() throws {
        func read(_ name: String) throws -> POCatalog {
            let path = Self.syntaxFolder.appendingPathComponent(name).path
            return try POParser(path: path).parse(fileAt: path)
        }
        let continuation = try read("continuation.po")
        #expect(continuation.entries[1].previousID == "It grew out of frustration with targets and markets, which too often make services fragmented and wasteful.")
        #expect(continuation.entries[2].previousContext == "old")
        #expect(continuation.entries[3].previousPluralID == "Many events")
        #expect(continuation.entries[4].isObsolete && continuation.entries[4].previousID?.hasSuffix("previous msgid.") == true)
        let escapes = try read("escapes.po")
        #expect(escapes.entries.map(\.id) == ["", "Alpha", "Käse", "Tab\there, bell\u{07}, apostrophe'", "Split ä across strings"])
        #expect(escapes.entries[2].translation == "Käse")
        let layout = try read("layout.po")
        #expect(layout.entries[1].id == "Beta" && layout.entries[1].translation == "Beta")
        #expect(layout.entries[2].context == "ctx" && layout.entries[2].isFuzzy && layout.entries[2].flags == ["no-wrap"])
        #expect(layout.entries[3].translations == ["Datei", "Dateien"])
    }

    @Test("lines wrap where msgcat wraps them, for text of every line-breaking class")
    func wrappingOfEveryClass() throws {
        // Deterministic pseudo-random strings over characters of every class the
        // line-breaking rules treat differently: spaces, punctuation, quotes, numbers,
        // CJK, combining marks, emoji and their modifiers, Hangul, Hebrew, zero-width ones.
        let pool: [Unicode.Scalar] = Array(" a bZ 12/<>-.,;:!?()[]{}'\"%$#&*+=_~|\\".unicodeScalars)
            + [0xAB, 0xBB, 0x201E, 0x201C, 0x2014, 0x2013, 0xA0, 0x3001, 0x3002, 0x65E5, 0x672C, 0x30A2, 0x301,
               0x200B, 0xE4, 0x2026, 0x20AC, 0x2019, 0x928, 0x93F, 0xE01, 0x5D0, 0x5BE, 0x627, 0xFF01, 0x2060,
               0xFEFF, 0xAD, 0x1F600, 0x1F3FB, 0x200D, 0x1F1E9, 0x1F1EA, 0x2028, 0x85, 0xAC00, 0x1100, 0x1161,
               0x3008, 0x2010, 0xFF08, 0x1DCD, 0x9, 0xD].map { Unicode.Scalar(UInt32($0))! }
        var state: UInt64 = 0x2545F4914F6CDD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var entries = [CatalogTemplate.header(for: "de")]
        var seen = Set<[UInt32]>()
        for index in 0..<1500 {
            var text = String.UnicodeScalarView()
            for _ in 0..<(20 + next(180)) {
                text.append(next(3) == 0 ? Unicode.Scalar(UInt8(97 + next(26))) : pool[next(pool.count)])
            }
            guard seen.insert(text.map(\.value)).inserted else { continue }
            var entry = POEntry(id: String(text), translations: ["\(index)"])
            entry.isObsolete = index % 5 == 0
            entries.append(entry)
        }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("stress.po").path
        let text = POWriter().write(POCatalog(entries: entries))
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        expectSameLines(text, try GNUGettext.run("msgcat", [path]))
    }

    @Test("catalogues of all 152 W3C pages are what msgcat writes and msgfmt --check accepts", .needsShared("corpus/w3c-i18n"))
    func w3cCatalogues() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: CorpusTests.folder, to: folder.appendingPathComponent("Input"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Locales/en"), withIntermediateDirectories: true)
        _ = try CatalogUpdate(project: Project(root: folder)).run(newLanguages: ["de", "ja"])
        for file in ["en/de.po", "en/ja.po", "en/template.pot"] {
            let path = folder.appendingPathComponent("Locales/\(file)").path
            let text = try TextFile.read(path)
            #expect(text.components(separatedBy: "\nmsgid ").count > 3000)
            expectSameLines(Self.withoutPlatformFlags(text), try GNUGettext.run("msgcat", [path]))
            _ = try GNUGettext.run("msgfmt", ["--check", "-o", "/dev/null", path])
        }
    }
}
