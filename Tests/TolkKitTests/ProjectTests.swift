import Foundation
import Testing
@testable import TolkKit

/// `tolk extract` on whole projects: the shipped one, a real translator's catalogue, bad input.
@Suite("Project extraction")
struct ProjectTests {
    /// A temporary copy of the shipped project (Input/ and Locales/).
    func copyOfShippedProject() throws -> URL {
        try temporaryProject(from: Fixture.repositoryRoot)
    }

    func read(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("extract on the shipped project changes nothing, and both catalogues are complete")
    func shippedProjectIsUpToDate() throws {
        let folder = try copyOfShippedProject()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try ["Locales/en/de.po", "Locales/de/en.po"].map { try read(folder, $0) }
        let result = try CatalogUpdate(project: Project(root: folder)).run()
        #expect(result.summaries.map(\.path) == ["Locales/de/en.po", "Locales/en/de.po"])
        #expect(result.templates.map(\.path) == ["Locales/de/template.pot", "Locales/en/template.pot"])
        #expect(result.templates.allSatisfy { !$0.changed })
        #expect(result.summaries.allSatisfy { !$0.changed && $0.untranslated == 0 && $0.fuzzy == 0 && $0.obsolete == 0 })
        #expect(result.diagnostics.isEmpty)
        #expect(try ["Locales/en/de.po", "Locales/de/en.po"].map { try read(folder, $0) } == before)
    }

    @Test("de.po holds the English pages, en.po the German page, with references")
    func catalogueLanguages() throws {
        let de = try POParser(path: "de.po").parse(read(Fixture.repositoryRoot, "Locales/en/de.po"))
        let en = try POParser(path: "en.po").parse(read(Fixture.repositoryRoot, "Locales/de/en.po"))
        #expect(de.activeMessages.allSatisfy { $0.references.allSatisfy { !$0.hasPrefix("Input/berlin.html") } })
        #expect(en.activeMessages.allSatisfy { $0.references.allSatisfy { $0.hasPrefix("Input/berlin.html:") } })
        #expect(de.headerField("Language") == "de")
        #expect(de.headerField("Plural-Forms") == "nplurals=2; plural=(n != 1);")
        let shared = try #require(de.activeMessages.first { $0.id == "Back to all events of the week" })
        #expect(shared.references == ["Input/promise-scotland.html:28", "Input/relational-leadership.html:33"])
    }

    @Test("a real translator's catalogue survives an update with every entry, translation and comment", .needsShared("corpus/gettext"))
    func gettextCorpusSurvivesUpdate() throws {
        let folder = try copyOfShippedProject()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = Fixture.shared.appendingPathComponent("corpus/gettext/gettext-tools.de.po")
        let catalogPath = folder.appendingPathComponent("Locales/en/de.po")
        try FileManager.default.removeItem(at: catalogPath)
        try FileManager.default.copyItem(at: corpus, to: catalogPath)
        let old = try POParser(path: "old").parse(TextFile.read(corpus.path))

        _ = try CatalogUpdate(project: Project(root: folder)).run()
        let updated = try POParser(path: "new").parse(read(folder, "Locales/en/de.po"))
        let byKey = Dictionary(updated.entries.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var kept = 0
        for entry in old.entries {
            let now = try #require(byKey[entry.key], "lost: \(entry.id.prefix(60))")
            #expect(now.translations == entry.translations || entry.isHeader)
            #expect(now.translatorComments == entry.translatorComments)
            #expect(now.flags == entry.flags)
            #expect(now.pluralID == entry.pluralID)
            kept += 1
        }
        #expect(kept == 812)
        // As msgmerge does, the header takes the template's POT-Creation-Date and
        // Report-Msgid-Bugs-To; every other field and comment stays.
        let ownFields = { (entry: POEntry?) in entry?.translation.split(separator: "\n")
            .filter { !$0.hasPrefix("POT-Creation-Date:") && !$0.hasPrefix("Report-Msgid-Bugs-To:") } }
        #expect(ownFields(updated.header) == ownFields(old.header))
        #expect(updated.header?.translatorComments == old.header?.translatorComments)
        #expect(updated.activeMessages.count == 59)

        // And once more: nothing changes the second time.
        let second = try CatalogUpdate(project: Project(root: folder)).run()
        #expect(second.summaries.allSatisfy { !$0.changed })
    }

    @Test("--locale starts a new catalogue with the language's header")
    func newCatalogue() throws {
        let folder = try copyOfShippedProject()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CatalogUpdate(project: Project(root: folder)).run(newLanguages: ["fr"])
        let summary = try #require(result.summaries.first { $0.path == "Locales/en/fr.po" })
        #expect(summary.created && summary.messages == 59 && summary.untranslated == 59)
        // A third language gets one catalogue per source language: the German page's too.
        let fromGerman = try #require(result.summaries.first { $0.path == "Locales/de/fr.po" })
        #expect(fromGerman.created && fromGerman.messages == 17)
        let fr = try POParser(path: "fr.po").parse(read(folder, "Locales/en/fr.po"))
        #expect(fr.headerField("Language") == "fr")
        #expect(fr.headerField("Plural-Forms") == "nplurals=2; plural=(n > 1);")
        #expect(fr.headerField("Content-Type") == "text/plain; charset=UTF-8")
        // No clock in the output: the same pages give the same catalogue, whenever.
        #expect(fr.headerField("PO-Revision-Date") == "YEAR-MO-DA HO:MI+ZONE")
        let dated = CatalogTemplate.header(for: "fr", date: Date(timeIntervalSince1970: 1_665_000_000))
        #expect(dated.translation.contains("PO-Revision-Date: 2022-10-05 20:00+0000\n"))
    }

    @Test("bad input stops with file and line, and no catalogue is touched", arguments: [
        ("Input/bad.html", Data([0x3C, 0x70, 0x3E, 0x0A, 0xC3, 0x28, 0x0A]), TolkError.invalidUTF8(path: "Input/bad.html", line: 2)),
        ("Input/image.html", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00]), TolkError.binaryFile(path: "Input/image.html")),
        ("Locales/de/en.po", Data("msgid \"x\"\nmsgstr \"y\"\nmsgid \"x\"\nmsgstr \"z\"\n".utf8),
         TolkError.malformedCatalog(path: "Locales/de/en.po", line: 3, problem: "duplicate message definition (first defined on line 1)")),
        ("Locales/xx-invalid!.po", Data(), TolkError.unknownLanguage(code: "xx-invalid!", source: "Locales/xx-invalid!.po")),
    ])
    func badInput(_ path: String, _ content: Data, _ expected: TolkError) throws {
        let folder = try copyOfShippedProject()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A page change that would rewrite de.po if the run got that far.
        let index = folder.appendingPathComponent("Input/hls-week-2022.html")
        try (read(folder, "Input/hls-week-2022.html")
            .replacingOccurrences(of: "<h2>What happens during the week</h2>", with: "<h2>A new heading</h2>"))
            .write(to: index, atomically: true, encoding: .utf8)
        let before = try read(folder, "Locales/en/de.po")
        try content.write(to: folder.appendingPathComponent(path))
        #expect(throws: expected) { try CatalogUpdate(project: Project(root: folder)).run() }
        #expect(try read(folder, "Locales/en/de.po") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Locales").path)
        #expect(!leftovers.contains { $0.hasSuffix(".tmp") })
    }

    @Test("an unknown language code for a new catalogue is refused")
    func unknownLocale() throws {
        let folder = try copyOfShippedProject()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: TolkError.unknownLanguage(code: "klingon", source: "--locale")) {
            try CatalogUpdate(project: Project(root: folder)).run(newLanguages: ["klingon"])
        }
    }

    @Test("pages are found in subfolders, in byte order; hidden files, other files and linked folders are not pages")
    func pagePaths() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = ["Input/b.html", "Input/A.HTM", "Input/2022/october/talk.xhtml", "Input/.draft.html", "Input/.git/x.html",
                     "Input/notes.txt", "Input/2022/.backup/old.html", "Other/page.html"]
        for file in files {
            let url = folder.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "<p>x</p>".write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("Input/linked.html").path,
                                                   withDestinationPath: folder.appendingPathComponent("Other/page.html").path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("Input/other").path,
                                                   withDestinationPath: folder.appendingPathComponent("Other").path)
        #expect(try Project(root: folder).pagePaths()
            == ["Input/2022/october/talk.xhtml", "Input/A.HTM", "Input/b.html", "Input/linked.html"])
    }

    @Test("a project without Input/ is named in the error")
    func missingInput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: TolkError.missingDirectory(path: Project(root: folder).inputFolder.path)) {
            try CatalogUpdate(project: Project(root: folder)).run()
        }
    }
}
