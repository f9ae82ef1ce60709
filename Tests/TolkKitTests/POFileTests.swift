import Foundation
import Testing
@testable import TolkKit

@Suite("PO files")
struct POFileTests {
    static let corpusPath = Fixture.shared.appendingPathComponent("corpus/gettext/gettext-tools.de.po").path

    @Test("a real translator's catalogue is written exactly as GNU msgcat writes it", .needsShared("corpus/gettext"))
    func gettextCorpusMatchesMsgcat() throws {
        let text = try TextFile.read(Self.corpusPath)
        let catalog = try POParser(path: Self.corpusPath).parse(text)
        #expect(catalog.entries.count == 812)
        #expect(catalog.activeMessages.filter(\.isTranslated).count == 811)
        #expect(catalog.activeMessages.filter { $0.pluralID != nil }.count == 7)
        let expected = try GNUGettext.run("msgcat", [Self.corpusPath])
        expectSameLines(POWriter().write(catalog), expected)
    }
}

/// Compares two texts and reports the first differing line, which is what one needs to see.
func expectSameLines(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual != expected else { return }
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(a.count, b.count) {
        let left = index < a.count ? String(a[index]) : "<end>"
        let right = index < b.count ? String(b[index]) : "<end>"
        if left != right {
            Issue.record("line \(index + 1) differs:\n  got:      \(left)\n  expected: \(right)", sourceLocation: sourceLocation)
            return
        }
    }
}

/// GNU gettext's own tools, the reference Tolk's PO output must match.
enum GNUGettext {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a gettext tool and returns its standard output; fails clearly when gettext is missing.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let path = "/usr/bin/\(tool)"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Failure(description: "\(path) is missing: run Scripts/test, which installs GNU gettext")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        // Warnings go to a file: a full stderr pipe would block the tool while we read stdout.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-gettext-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorData = (try? Data(contentsOf: errorFile)) ?? Data()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) failed: \(String(decoding: errorData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}


@Suite("PO files: bad input")
struct POParserErrorTests {
    @Test("malformed catalogues stop with the line and the problem", arguments: [
        ("msgid \"a\"\nmsgstr \"b\n", 2, "string is not terminated (missing closing quote)"),
        ("msgid \"a\"\n", 1, "msgid without msgstr"),
        ("msgstr \"b\"\n", 1, "msgstr without msgid"),
        ("msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n", 4, "duplicate message definition (first defined on line 1)"),
        ("msgid \"a\"\nmsgtxt \"b\"\n", 2, "unknown keyword 'msgtxt'"),
        ("msgid \"a\\q\"\nmsgstr \"\"\n", 1, "invalid escape sequence '\\q'"),
        ("msgid \"a\"\nmsgstr[0] \"b\"\n", 2, "msgstr[0] without msgid_plural"),
        ("\"orphan\"\n", 1, "a string here belongs to no keyword (expected msgid, msgstr, ...)"),
        ("# only a comment\n", 1, "comments without a message (msgid is missing)"),
        ("msgid \"a\"\nmsgstr\n\nmsgid \"b\"\nmsgstr \"c\"\n", 2, "msgstr has no string (expected \"...\" after it)"),
        ("msgid \"a\\303\"\nmsgstr \"\"\n", 1, "the escapes in this msgid do not spell valid UTF-8"),
        ("#| \"orphan\"\nmsgid \"a\"\nmsgstr \"\"\n", 1, "a '#|' string here belongs to no '#|' keyword (expected '#| msgid' first)"),
        ("#| msgstr \"x\"\nmsgid \"a\"\nmsgstr \"\"\n", 1, "'#|' takes msgctxt, msgid or msgid_plural, not 'msgstr'"),
        ("msgid \"a\\?\"\nmsgstr \"\"\n", 1, "invalid escape sequence '\\?'"),
    ])
    func malformed(_ text: String, _ line: Int, _ problem: String) {
        #expect(throws: TolkError.malformedCatalog(path: "Locales/en/de.po", line: line, problem: problem)) {
            try POParser(path: "Locales/en/de.po").parse(text)
        }
    }

    @Test("catalogues gettext cannot read either, or in a charset ICU does not know, are named with what to do", arguments: [
        (Data([0xFF, 0xFE]) + "msgid \"\"\n".data(using: .utf16LittleEndian)!, 1, "the catalogue is in UTF-16; gettext and Tolk read PO files in UTF-8 (convert it with 'iconv -f UTF-16 -t UTF-8')"),
        (Data("msgid \"a\"\rmsgstr \"b\"\r".utf8), 1, "lines end in a carriage return alone (classic Mac OS line ends), which gettext cannot read either (convert them with tr '\\r' '\\n')"),
        (Data("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=KLINGON-8\\n\"\n".utf8), 3, "the header declares charset=KLINGON-8, which ICU does not know; declare the charset the file is in, or convert it to UTF-8 (msgconv --to-code=UTF-8)"),
        (Data("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=Shift_JIS\\n\"\n\nmsgid \"a\"\nmsgstr \"".utf8) + Data([0x82, 0xA0, 0x81]) + Data("\"\n".utf8), 6, "a byte here is not a character of Shift_JIS, the charset the header declares"),
    ] as [(Data, Int, String?)])
    func unreadableEncodings(_ bytes: Data, _ line: Int, _ problem: String?) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("de.po").path
        FileManager.default.createFile(atPath: file, contents: bytes)
        let expected: TolkError = problem.map { .malformedCatalog(path: "Locales/en/de.po", line: line, problem: $0) }
            ?? .invalidUTF8(path: "Locales/en/de.po", line: line)
        #expect(throws: expected) { try POParser(path: "Locales/en/de.po").parse(fileAt: file) }
    }

    @Test("a quote followed by a combining mark is still a quote")
    func combiningMarkAfterQuote() throws {
        let catalog = try POParser(path: "x.po").parse("msgid \"\u{942}\"\nmsgstr \"\u{301}x\"\n")
        #expect(catalog.entries.first?.id == "\u{942}")
        #expect(catalog.entries.first?.translation == "\u{301}x")
    }

    @Test("a catalogue read from its file a block at a time is the one read from its whole text", .needsShared("corpus/gettext"))
    func streamedReadMatchesWholeText() throws {
        // The gettext corpus, and a catalogue of over 1 MiB so lines cross block boundaries.
        let corpus = try TextFile.read(POFileTests.corpusPath)
        var large = corpus
        for copy in 0..<1500 { large += "\n#: Input/p\(copy).html:\(copy)\nmsgid \"Sentence number \(copy), long enough to wrap.\"\nmsgstr \"Satz \(copy)\"\n" }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in [("corpus.po", corpus), ("large.po", large), ("bom.po", "\u{FEFF}msgid \"a\"\r\nmsgstr \"b\"")] {
            let file = folder.appendingPathComponent(name).path
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let whole = try POParser(path: name).parse(try TextFile.read(file))
            let streamed = try POParser(path: name).parse(fileAt: file)
            #expect(streamed == whole, "\(name)")
        }
        #expect(try POParser(path: "large.po").parse(fileAt: folder.appendingPathComponent("large.po").path).entries.count > 2300)
    }

    @Test("a bad byte far into a large catalogue is named by its line; NUL bytes make it binary")
    func streamedReadErrors() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = Array(String(repeating: "# a translator's line\n", count: 60_000).utf8)
        bytes += [0x23, 0x20, 0xC3, 0x0A]
        let file = folder.appendingPathComponent("de.po").path
        FileManager.default.createFile(atPath: file, contents: Data(bytes))
        #expect(throws: TolkError.invalidUTF8(path: "Locales/en/de.po", line: 60_001)) {
            try POParser(path: "Locales/en/de.po").parse(fileAt: file)
        }
        FileManager.default.createFile(atPath: file, contents: Data([0xDE, 0x12, 0x04, 0x95, 0x00, 0x00]))
        #expect(throws: TolkError.binaryFile(path: "Locales/en/de.po")) {
            try POParser(path: "Locales/en/de.po").parse(fileAt: file)
        }
        #expect(throws: TolkError.unreadableFile(path: "Locales/en/fr.po", reason: "No such file or directory")) {
            try POParser(path: "Locales/en/fr.po").parse(fileAt: folder.appendingPathComponent("fr.po").path)
        }
    }

    @Test("invalid UTF-8 and binary files are refused with the file and line")
    func encoding() throws {
        #expect(throws: TolkError.invalidUTF8(path: "de.po", line: 2)) {
            try TextFile.decode(Data([0x61, 0x0A, 0x62, 0xFF, 0x0A]), path: "de.po")
        }
        #expect(throws: TolkError.binaryFile(path: "page.html")) {
            try TextFile.decode(Data([0x3C, 0x00, 0x3E]), path: "page.html")
        }
    }
}

@Suite("PO files: writing")
struct POWriterTests {
    @Test("what Tolk writes, msgcat leaves byte for byte unchanged and msgfmt --check accepts",
          arguments: ["en/de.po", "de/en.po", "en/template.pot", "de/template.pot"])
    func shippedCatalogues(_ file: String) throws {
        let path = Fixture.repositoryRoot.appendingPathComponent("Locales/\(file)").path
        let text = try TextFile.read(path)
        let catalog = try POParser(path: path).parse(text)
        expectSameLines(POWriter().write(catalog), text)
        // gettext 0.21 does not know Weblate's flags (icu-message-format, placeholders:)
        // and drops them; every other byte must be what msgcat writes.
        expectSameLines(try GNUGettext.run("msgcat", [path]), GettextOracleTests.withoutPlatformFlags(text))
        _ = try GNUGettext.run("msgfmt", ["--check", "-o", "/dev/null", path])
        if file.hasSuffix(".po") {
            #expect(catalog.activeMessages.allSatisfy { $0.isTranslated && !$0.isFuzzy }, "\(file) is not fully translated")
            // A platform that runs msgmerge against the template changes nothing gettext keeps.
            let template = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("template.pot").path
            expectSameLines(try GNUGettext.run("msgmerge", ["--previous", "--quiet", "-o", "-", path, template]),
                            GettextOracleTests.withoutPlatformFlags(text))
        } else {
            #expect(catalog.header?.isFuzzy == true && catalog.activeMessages.allSatisfy { !$0.isTranslated })
        }
    }

    @Test("long lines, newlines, escapes and obsolete entries wrap exactly as msgcat wraps them")
    func wrappingMatchesMsgcat() throws {
        var entries = [CatalogTemplate.header(for: "de")]
        let samples = [
            "A sentence long enough to need wrapping, with \"quotes\", a back\\slash and a tab\there, plus more words.",
            "First line\nSecond line that is also quite long so that it must be wrapped somewhere in the middle\n",
            "Wörter mit Umlauten, „deutschen Anführungszeichen“ und einem sehr langen Kompositum: Donaudampfschifffahrtsgesellschaftskapitän.",
            "Placeholders <1>like this one</1> and <2/> and </3> and messages.po and ISO/IEC 10646 and 9.30 Uhr and 10:00–12:00.",
            "日本語のテキストはとても長いので、行の折り返しが必要になります。日本語のテキストはとても長いので、行の折り返しが必要です。",
        ]
        for (index, sample) in samples.enumerated() {
            var entry = POEntry(id: sample, translations: [sample])
            entry.references = POReferences((1...12).map { "Input/some/long/path/page-\($0).html:\(index * 100 + $0)" })
            entry.extractedComments = ["A note"]
            entry.isObsolete = index == 2
            entries.append(entry)
        }
        let text = POWriter().write(POCatalog(entries: entries))
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sample.po").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        expectSameLines(text, try GNUGettext.run("msgcat", [path]))
    }
}
