import Foundation
import Testing
@testable import TolkKit

/// What a CAT tool or a hostile file sends back can be refused, but it never leaves a
/// catalogue gettext cannot read, nor reaches a page as a control character.
@Suite("Import safety")
struct ImportSafetyTests {
    static let page = """
        <!DOCTYPE html><html lang="en"><head><title>Notes</title></head><body>
        <p>Hello world.</p>
        <p>We meet at nine.</p>
        <p>Bring a friend.</p>
        <pre>
        line one
        line two
        </pre>
        </body></html>

        """

    /// A project with `page` and a German catalogue, exported to `de.xlf`.
    static func exported() throws -> (folder: URL, xliff: String) {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Input"), withIntermediateDirectories: true)
        try page.write(to: folder.appendingPathComponent("Input/notes.html"), atomically: true, encoding: .utf8)
        try "[languages.de]\nmin-completion = 0\n".write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
        let project = Project(root: folder)
        _ = try CatalogUpdate(project: project).run(newLanguages: ["de"])
        let path = folder.appendingPathComponent("de.xlf").path
        try XLIFFExport(project: project, language: "de").write(to: path)
        return (folder, try String(contentsOfFile: path, encoding: .utf8))
    }

    /// `xliff` with `target` given to the segment whose source is `source`, marked translated.
    static func translate(_ xliff: String, _ source: String, _ target: String) throws -> String {
        let element = "<source>\(source)</source>"
        let found = try #require(xliff.range(of: element), "no source \(source)")
        var result = xliff
        result.replaceSubrange(found, with: element + "<target>\(target)</target>")
        let segment = try #require(result[..<found.lowerBound].range(of: "state=\"initial\"", options: .backwards))
        result.replaceSubrange(segment, with: "state=\"translated\"")
        return result
    }

    static func importing(_ xliff: String, into folder: URL) throws -> XLIFFImport.Result {
        let file = folder.appendingPathComponent("back.xlf")
        try xliff.write(to: file, atomically: true, encoding: .utf8)
        return try XLIFFImport(project: Project(root: folder)).run(file: file.path)
    }

    @Test("a target holding a NUL, a control character or no character at all is refused with its line; the rest imports",
          arguments: ["<cp hex=\"0000\"/>", "<cp hex=\"D800\"/>", "<cp hex=\"110000\"/>", "<cp hex=\"000C\"/>",
                      "<cp hex=\"FFFF\"/>", "\u{85}", "<cp hex=\"FFFFFFFFFF\"/>"])
    func hostileCodePoints(_ code: String) throws {
        let (folder, exported) = try Self.exported()
        defer { try? FileManager.default.removeItem(at: folder) }
        var xliff = try Self.translate(exported, "Hello world.", "Hallo\(code) Welt.")
        xliff = try Self.translate(xliff, "We meet at nine.", "Wir treffen uns um neun.")
        let hallo = try #require(xliff.range(of: "Hallo"))
        let line = xliff[..<hallo.lowerBound].filter { $0 == "\n" }.count + 1
        let result = try Self.importing(xliff, into: folder)
        #expect(result.refused == 1 && result.updated == 1)
        let refusal = try #require(result.diagnostics.first { $0.rule == "translation-refused" })
        #expect(refusal.line == line)
        #expect(refusal.message.contains("which no page may hold") || refusal.message.contains("is not a Unicode character"))
        let catalogue = try String(contentsOf: folder.appendingPathComponent("Locales/en/de.po"), encoding: .utf8)
        #expect(!catalogue.contains("Hallo"))
        #expect(catalogue.contains("msgstr \"Wir treffen uns um neun.\""))
        _ = try GNUGettext.run("msgfmt", ["--check", "-o", "/dev/null", folder.appendingPathComponent("Locales/en/de.po").path])
    }

    @Test("a CAT tool's trimmed or padded line breaks are mended as gettext requires, and msgfmt --check passes")
    func catStyleLineBreaks() throws {
        let (folder, exported) = try Self.exported()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The <pre> msgid starts and ends with a line break; tools trim both.
        var xliff = try Self.translate(exported, "\nline one\nline two\n", "Zeile eins\nZeile zwei")
        xliff = try Self.translate(xliff, "Hello world.", "Hallo Welt.\n")
        xliff = try Self.translate(xliff, "Bring a friend.", "\n\nBringt jemanden mit.")
        let result = try Self.importing(xliff, into: folder)
        #expect(result.refused == 0 && result.updated == 3)
        let path = folder.appendingPathComponent("Locales/en/de.po")
        let catalog = try POParser(path: "de.po").parse(fileAt: path.path)
        let translations = Dictionary(catalog.activeMessages.map { ($0.id, $0.translation) }, uniquingKeysWith: { first, _ in first })
        #expect(translations["\nline one\nline two\n"] == "\nZeile eins\nZeile zwei\n")
        #expect(translations["Hello world."] == "Hallo Welt.")
        #expect(translations["Bring a friend."] == "Bringt jemanden mit.")
        _ = try GNUGettext.run("msgfmt", ["--check", "-o", "/dev/null", path.path])
        _ = try SiteBuild(project: Project(root: folder)).run()
        let built = try String(contentsOf: folder.appendingPathComponent("Output/de/notes.html"), encoding: .utf8)
        #expect(built.contains(">\nZeile eins\nZeile zwei\n</pre>"))
    }

    @Test("a catalogue's \\0 and other control escapes are never published; the check reports them as errors")
    func controlEscapesInCatalogue() throws {
        let (folder, _) = try Self.exported()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("Locales/en/de.po")
        var text = try String(contentsOf: path, encoding: .utf8)
        for (id, translation) in [("Hello world.", #"Hallo\0 Welt."#), ("We meet at nine.", #"Wir \033[31mtreffen uns um neun."#),
                                  ("Bring a friend.", "Bringt jemanden mit.")] {
            text = text.replacingOccurrences(of: "msgid \"\(id)\"\nmsgstr \"\"", with: "msgid \"\(id)\"\nmsgstr \"\(translation)\"")
        }
        try text.write(to: path, atomically: true, encoding: .utf8)
        let build = try SiteBuild(project: Project(root: folder)).run()
        let built = try Data(contentsOf: folder.appendingPathComponent("Output/de/notes.html"))
        #expect(!built.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })
        let page = String(decoding: built, as: UTF8.self)
        #expect(page.contains(">Hello world.</p>") && page.contains(">We meet at nine.</p>") && page.contains("Bringt jemanden mit."))
        #expect(build.diagnostics.filter { $0.rule == "translation-refused" }.count == 2)
        let findings = try CatalogCheck(project: Project(root: folder)).run().findings.filter { $0.rule == "invisible-character" }
        #expect(findings.map(\.severity) == [.error, .error])
        #expect(findings.map(\.message).allSatisfy { $0.contains("which no page may hold") })
        #expect(findings.contains { $0.message.contains("U+0000") } && findings.contains { $0.message.contains("U+001B") })
    }

    @Test("the same unit in two <file> elements is refused with both lines; the other units import")
    func duplicateUnits() throws {
        let (folder, exported) = try Self.exported()
        defer { try? FileManager.default.removeItem(at: folder) }
        var xliff = try Self.translate(exported, "Hello world.", "Hallo Welt.")
        xliff = try Self.translate(xliff, "We meet at nine.", "Wir treffen uns um neun.")
        // A second <file> holding the "Hello world." unit again, translated differently.
        let hello = try #require(xliff.range(of: "Hallo Welt."))
        let unitStart = try #require(xliff[..<hello.lowerBound].range(of: "<unit ", options: .backwards))
        let unitEnd = try #require(xliff[hello.upperBound...].range(of: "</unit>"))
        let unit = xliff[unitStart.lowerBound..<unitEnd.upperBound].replacingOccurrences(of: "Hallo Welt.", with: "Servus Welt.")
        let fileEnd = try #require(xliff.range(of: "</file>"))
        xliff.insert(contentsOf: "\n<file id=\"again\">\n" + unit + "\n</file>", at: fileEnd.upperBound)
        let again = try #require(xliff.range(of: "<file id=\"again\">"))
        let secondLine = xliff[..<again.upperBound].filter { $0 == "\n" }.count + 2
        let firstLine = xliff[..<unitStart.lowerBound].filter { $0 == "\n" }.count + 1
        let result = try Self.importing(xliff, into: folder)
        #expect(result.refused == 1 && result.updated == 1)
        let refusal = try #require(result.diagnostics.first { $0.rule == "translation-refused" })
        #expect(refusal.line == secondLine)
        #expect(refusal.message.contains("is also at line \(firstLine)") && refusal.message.contains("neither is imported"))
        let catalogue = try String(contentsOf: folder.appendingPathComponent("Locales/en/de.po"), encoding: .utf8)
        #expect(!catalogue.contains("Hallo Welt.") && !catalogue.contains("Servus Welt."))
        #expect(catalogue.contains("msgstr \"Wir treffen uns um neun.\""))
    }
}
