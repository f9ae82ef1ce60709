import Foundation
import Testing
@testable import TolkKit

/// Pages nobody meant to write: Tolk builds them or says why, and never hangs or crashes.
@Suite("Hostile input")
struct HostileInputTests {
    /// A project with one page and a German catalogue that translates every entry.
    static func build(page html: String, translations: [String: String]) throws -> (folder: URL, page: String) {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Input"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Locales/en"), withIntermediateDirectories: true)
        try html.write(to: folder.appendingPathComponent("Input/page.html"), atomically: true, encoding: .utf8)
        // German is published however little of it is translated: these tests look at what a partial translation gives.
        try "[languages.de]\nmin-completion = 0\n".write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
        let project = Project(root: folder)
        _ = try CatalogUpdate(project: project).run(newLanguages: ["de"])
        let path = folder.appendingPathComponent("Locales/en/de.po")
        var catalog = try POParser(path: "de.po").parse(fileAt: path.path)
        for index in catalog.entries.indices {
            if let translation = translations[catalog.entries[index].id] { catalog.entries[index].translations = [translation] }
        }
        try POWriter().write(catalog).write(to: path, atomically: true, encoding: .utf8)
        _ = try SiteBuild(project: project).run()
        return (folder, try TextFile.read(folder.appendingPathComponent("Output/de/page.html").path))
    }

    /// Where libxml2's repair leaves a unit's place unclear, the build keeps it in the
    /// source language (and says so) rather than guess.
    @Test("a doubled closing quote in a translated attribute builds instead of looping", arguments: [
        ("<!DOCTYPE html><html lang=\"en\"><head><title>T</title></head><body><p title=\"A\"\">One.</p></body></html>\n",
         ["A": "Ä", "One.": "Eins."], "One.</p>"),
        ("<!DOCTYPE html><html lang=\"en\"><head><meta name=\"description\"content=\"S\"\">\"><title>T</title></head><body><p>One.</p></body></html>\n",
         ["S": "Ss", "One.": "Eins."], "content=\"Ss\""),
    ])
    func doubledQuote(_ html: String, _ translations: [String: String], _ expected: String) throws {
        let (folder, page) = try Self.build(page: html, translations: translations)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(page.contains(expected))
    }

    @Test("the attribute scanner moves past stray quotes, equals signs and '>' inside a tag")
    func scannerProgress() {
        for tag in ["<p title=\"A\"\">", "<p =x>", "<p a=\"1\" => ", "<meta name=\"d\"content=\"S\"\">\">", "<p \"\"\"\">", "<p>>"] {
            let bytes = Array(tag.utf8)
            let attributes = TagScanner.attributes(bytes, in: 0..<bytes.count)
            #expect(attributes.count <= bytes.count)
            #expect(attributes.allSatisfy { $0.range.lowerBound >= 0 && $0.range.upperBound <= bytes.count })
        }
    }

    @Test("file names are data: markup, javascript: and ?#% in a page name become encoded, working links")
    func hostileNames() throws {
        let folder = try temporaryProject(from: Fixture.url("build"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let event = try TextFile.read(folder.appendingPathComponent("Input/event.html").path)
        let names = ["x\"><img src=x onerror=\"alert(1)\">.html", "javascript:alert(1).html", "a b?c#d%e.html"]
        for name in names {
            try event.write(to: folder.appendingPathComponent("Input").appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        _ = try SiteBuild(project: Project(root: folder), baseURL: "https://events.example.org/").run()
        let page = try TextFile.read(folder.appendingPathComponent("Output/de").appendingPathComponent(names[0]).path)
        #expect(!page.contains("<img src=x"))
        #expect(page.contains("href=\"https://events.example.org/de/x%22%3E%3Cimg%20src%3Dx%20onerror%3D%22alert%281%29%22%3E.html\""))
        let index = try TextFile.read(folder.appendingPathComponent("Output/de/index.html").path)
        #expect(!index.contains("href=\"javascript:"))
        #expect(index.contains("href=\"javascript%3Aalert%281%29.html\""))
        #expect(index.contains("href=\"a%20b%3Fc%23d%25e.html\""))
        let sitemap = try TextFile.read(folder.appendingPathComponent("Output/sitemap.xml").path)
        #expect(sitemap.contains("<loc>https://events.example.org/de/a%20b%3Fc%23d%25e.html</loc>"))
    }

    @Test("a symbolic link out of the project is refused for pages, catalogues and Output/; one inside is followed")
    func symbolicLinks() throws {
        let folder = try temporaryProject(from: Fixture.url("build"))
        let outside = try temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: outside)
        }
        let project = Project(root: folder)
        let link = folder.appendingPathComponent("Input/passwd.html")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/etc/passwd")
        #expect(throws: TolkError.unsafeLink(path: "Input/passwd.html", problem: "it leads outside the project")) {
            _ = try SiteBuild(project: project).run()
        }
        #expect(throws: TolkError.unsafeLink(path: "Input/passwd.html", problem: "it leads outside the project")) {
            _ = try CatalogUpdate(project: project).run()
        }
        try FileManager.default.removeItem(at: link)
        // A link inside the project is a page like any other.
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("Input/copy.html").path, withDestinationPath: "event.html")
        let output = folder.appendingPathComponent("Output")
        try FileManager.default.createSymbolicLink(atPath: output.path, withDestinationPath: outside.path)
        #expect(throws: TolkError.unsafeLink(path: "Output", problem: "Tolk does not write through links")) {
            _ = try SiteBuild(project: project).run()
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        try FileManager.default.removeItem(at: output)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("de").path, withDestinationPath: outside.path)
        #expect(throws: TolkError.self) { _ = try SiteBuild(project: project).run() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        try FileManager.default.removeItem(at: output.appendingPathComponent("de"))
        let secret = outside.appendingPathComponent("secret.po")
        try "msgid \"secret\"\nmsgstr \"\"\n".write(to: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("Locales/en/fr.po").path, withDestinationPath: secret.path)
        #expect(throws: TolkError.unsafeLink(path: "Locales/en/fr.po", problem: "it leads outside the project")) {
            _ = try CatalogUpdate(project: project).run()
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Locales/en/fr.po"))
        _ = try SiteBuild(project: project).run()
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("de/copy.html").path))
    }

    @Test("the build says when it publishes a translation with control, invisible or bidi characters")
    func invisibleInPublishedTranslation() throws {
        let folder = try temporaryProject(from: Fixture.url("build"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("Locales/en/de.po")
        var catalog = try POParser(path: "de.po").parse(fileAt: path.path)
        let index = try #require(catalog.entries.firstIndex { !$0.isHeader && $0.isTranslated && $0.context == nil && !$0.id.contains("<") })
        catalog.entries[index].translations = [catalog.entries[index].translation + "\u{202E}\r"]
        try POWriter().write(catalog).write(to: path, atomically: true, encoding: .utf8)
        let line = try POParser(path: "de.po").parse(fileAt: path.path).entries[index].line
        let result = try SiteBuild(project: Project(root: folder)).run()
        #expect(result.diagnostics.contains {
            $0.rule == "invisible-character" && $0.file == "Locales/en/de.po" && $0.line > 0
                && $0.message.hasSuffix("holds invisible or control characters (U+202E, U+000D)")
        }, "\(result.diagnostics), entry at line \(line)")
    }

    @Test("text after </html>, which browsers show and libxml2 drops, is named")
    func textAfterEnd() throws {
        let html = "<!DOCTYPE html><html lang=\"en\"><body><p>One.</p></body></html>\n<!-- a comment -->\n<p>After the end.</p>\n"
        let page = try PageExtraction.extract(path: "Input/a.html", text: html)
        #expect(page.diagnostics.map(\.description).contains("Input/a.html:3: warning: text after </html> (or in a second <html>) is not read by Tolk, but browsers show it; move it inside <body>"))
        let clean = try PageExtraction.extract(path: "Input/a.html", text: "<html lang=\"en\"><body><p>One.</p></body></html>\n<!-- only a comment -->\n")
        #expect(clean.diagnostics.isEmpty)
    }

    @Test("a page in UTF-16 is named as UTF-16, not as a binary file")
    func utf16Page() {
        let bytes = Data([0xFF, 0xFE]) + "<html lang=\"en\"><body><p>One.</p></body></html>".data(using: .utf16LittleEndian)!
        #expect(throws: TolkError.utf16File(path: "Input/a.html")) { try TextFile.decode(bytes, path: "Input/a.html") }
        let noMark = "<html lang=\"en\"><body><p>One.</p></body></html>".data(using: .utf16BigEndian)!
        #expect(throws: TolkError.utf16File(path: "Input/a.html")) { try TextFile.decode(noMark, path: "Input/a.html") }
        #expect(throws: TolkError.binaryFile(path: "x.png")) { try TextFile.decode(Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13, 0x49, 0x48]), path: "x.png") }
    }

    @Test("a dangling or looping link among the pages stops the run with its path and what is wrong")
    func brokenLinks() throws {
        let folder = try temporaryProject(from: Fixture.url("build"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = Project(root: folder)
        let dangling = folder.appendingPathComponent("Input/gone.html")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: "nowhere.html")
        #expect(throws: TolkError.unsafeLink(path: "Input/gone.html", problem: "what it points at does not exist")) {
            _ = try project.pagePaths()
        }
        try FileManager.default.removeItem(at: dangling)
        let loop = folder.appendingPathComponent("Input/loop.html")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: "loop.html")
        #expect(throws: TolkError.unsafeLink(path: "Input/loop.html", problem: "it loops")) {
            _ = try project.pagePaths()
        }
    }

    @Test("a device, a named pipe or a folder where a file should be is named as what it is, at once")
    func notRegularFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = folder.appendingPathComponent("pipe.xlf").path
        #expect(mkfifo(pipe, 0o600) == 0)
        for (path, reason) in [("/dev/zero", "it is a device, not a file"), (pipe, "it is a named pipe (FIFO), not a file"),
                               (folder.path, "it is a folder, not a file")] {
            #expect(throws: TolkError.unreadableFile(path: path, reason: reason)) { try TextFile.readData(path) }
            #expect(throws: TolkError.unreadableFile(path: path, reason: reason)) { try TextFile.forEachLine(in: path) { _, _ in } }
        }
    }

    @Test("a refused link is named by its project path when the project's own path is not ASCII")
    func linkNamedUnderNonASCIIRoot() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = parent.appendingPathComponent("Veranstaltungen-Café-과")
        try FileManager.default.copyItem(at: Fixture.url("build"), to: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Output"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("Output/de").path, withDestinationPath: parent.path)
        #expect(throws: TolkError.unsafeLink(path: "Output/de", problem: "Tolk does not write through links")) {
            _ = try SiteBuild(project: Project(root: folder)).run()
        }
    }
}
