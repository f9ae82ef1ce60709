import Foundation
import Testing
@testable import TolkKit

/// One catalogue per source language, a template beside them, and the move from the
/// earlier layout (`Locales/de.po`).
@Suite("Catalogue layout")
struct CatalogLayoutTests {
    func read(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ folder: URL, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }

    @Test("a project in the earlier layout is moved by the next extract, with every translation, comment and flag")
    func migration() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let shippedGerman = try read(folder, "Locales/en/de.po")
        let shippedEnglish = try read(folder, "Locales/de/en.po")
        // The earlier layout: one catalogue per language, for every other language's pages;
        // with a translator's comment, a flag of their own and an obsolete entry.
        var german = try POParser(path: "de.po").parse(shippedGerman)
        let first = try #require(german.entries.firstIndex { !$0.isHeader })
        german.entries[first].translatorComments = ["Checked by the editor."]
        german.entries[first].flags.append("no-wrap")
        var gone = POEntry(id: "A sentence no page has any more.", translations: ["Ein Satz, den keine Seite mehr hat."])
        gone.isObsolete = true
        german.entries.append(gone)
        // A third language whose catalogue mixes both source languages.
        let englishMessage = german.entries[first].id
        let germanMessage = try #require(try POParser(path: "en.po").parse(shippedEnglish).activeMessages.first).id
        var french = POCatalog(entries: [CatalogTemplate.header(for: "fr")])
        french.entries.append(POEntry(id: englishMessage, translations: ["Traduit de l'anglais"]))
        french.entries.append(POEntry(id: germanMessage, translations: ["Traduit de l'allemand"]))
        for path in ["Locales/en", "Locales/de"] { try FileManager.default.removeItem(at: folder.appendingPathComponent(path)) }
        try POWriter().write(german).write(to: folder.appendingPathComponent("Locales/de.po"), atomically: true, encoding: .utf8)
        try shippedEnglish.write(to: folder.appendingPathComponent("Locales/en.po"), atomically: true, encoding: .utf8)
        try POWriter().write(french).write(to: folder.appendingPathComponent("Locales/fr.po"), atomically: true, encoding: .utf8)
        // Build and check still read the earlier layout before anything moves.
        #expect(try SiteBuild(project: Project(root: folder)).run().pages.filter { $0.language != "fr" }.allSatisfy { $0.fallbacks == 0 })

        let result = try CatalogUpdate(project: Project(root: folder)).run()
        for old in ["de.po", "en.po", "fr.po"] { #expect(!exists(folder, "Locales/\(old)"), "\(old) was not moved") }
        #expect(Set(result.summaries.map(\.path)) == ["Locales/en/de.po", "Locales/de/en.po", "Locales/en/fr.po", "Locales/de/fr.po"])
        let notes = result.diagnostics.filter { $0.rule == "catalogue-moved" }.map(\.description)
        #expect(notes.contains { $0.hasPrefix("Locales/de.po: note: moved to Locales/en/de.po,") })
        #expect(notes.contains { $0.hasPrefix("Locales/fr.po: note: moved to Locales/de/fr.po, Locales/en/fr.po,") })

        // Everything the translator wrote is where it belongs.
        let movedGerman = try POParser(path: "de.po").parse(read(folder, "Locales/en/de.po"))
        let entry = try #require(movedGerman.entries.first { $0.id == englishMessage && !$0.isObsolete })
        #expect(entry.translatorComments == ["Checked by the editor."] && entry.flags.contains("no-wrap"))
        #expect(movedGerman.entries.contains { $0.isObsolete && $0.translation == "Ein Satz, den keine Seite mehr hat." })
        #expect(movedGerman.activeMessages.allSatisfy { $0.isTranslated && !$0.isFuzzy })
        #expect(try read(folder, "Locales/de/en.po") == shippedEnglish, "the English catalogue moves byte for byte")
        let frenchFromEnglish = try POParser(path: "fr.po").parse(read(folder, "Locales/en/fr.po"))
        let frenchFromGerman = try POParser(path: "fr.po").parse(read(folder, "Locales/de/fr.po"))
        #expect(frenchFromEnglish.entries.first { $0.id == englishMessage }?.translation == "Traduit de l'anglais")
        #expect(frenchFromGerman.entries.first { $0.id == germanMessage }?.translation == "Traduit de l'allemand")
        #expect(!frenchFromEnglish.entries.contains { $0.id == germanMessage } && !frenchFromGerman.entries.contains { $0.id == englishMessage })

        // A second run has nothing to move and changes nothing.
        let again = try CatalogUpdate(project: Project(root: folder)).run()
        #expect(again.summaries.allSatisfy { !$0.changed } && !again.diagnostics.contains { $0.rule == "catalogue-moved" })
        #expect(again.templates.allSatisfy { !$0.changed })
    }

    @Test("both layouts for one language stop extract with both paths named, nothing written")
    func bothLayouts() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: folder.appendingPathComponent("Locales/en/de.po"), to: folder.appendingPathComponent("Locales/de.po"))
        let before = try read(folder, "Locales/en/de.po")
        #expect(throws: TolkError.self) { try CatalogUpdate(project: Project(root: folder)).run() }
        #expect(try read(folder, "Locales/en/de.po") == before && exists(folder, "Locales/de.po"))
    }

    @Test("the placeholders flag matches Tolk's placeholders exactly, as Weblate reads it, and not an escaped one")
    func placeholdersFlag() throws {
        // Weblate reads r"…" with a doubled backslash standing for one.
        let flag = CatalogTemplate.placeholdersFlag
        #expect(flag.hasPrefix("placeholders:r\"") && flag.hasSuffix("\""))
        let quoted = String(flag.dropFirst("placeholders:r\"".count).dropLast())
        #expect(quoted.replacingOccurrences(of: "\\\\", with: "\\") == CatalogTemplate.placeholdersPattern)
        #expect(!flag.contains(",") && !flag.contains(" "), "a #, line separates flags with commas")
        let regex = try NSRegularExpression(pattern: CatalogTemplate.placeholdersPattern)
        func matches(_ text: String) -> [String] {
            regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { (text as NSString).substring(with: $0.range) }
        }
        #expect(matches("Read <1>the <2>full</2> programme</1> and <3/> <12/>.") == ["<1>", "<2>", "</2>", "</1>", "<3/>", "<12/>"])
        #expect(matches(#"Type \<1> to see \<2/>, not <b> or <a1> or < 1>."#).isEmpty)

        // Every entry with placeholders carries it, in the template and the catalogue.
        let template = try POParser(path: "template.pot").parse(fileAt: Fixture.repositoryRoot.appendingPathComponent("Locales/en/template.pot").path)
        for entry in template.activeMessages {
            #expect(entry.flags.contains(flag) == !matches(entry.id).isEmpty, "\(entry.id)")
        }
        let catalogue = try POParser(path: "de.po").parse(fileAt: Fixture.repositoryRoot.appendingPathComponent("Locales/en/de.po").path)
        #expect(catalogue.activeMessages.filter { $0.flags.contains(flag) }.count == template.activeMessages.filter { $0.flags.contains(flag) }.count)
    }

    @Test("flags a gettext tool dropped come back with the next extract; check keeps its ICU checks without them")
    func droppedFlags() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("Locales/en/de.po").path
        let shipped = try String(contentsOfFile: path, encoding: .utf8)
        // What msgmerge writes: the same catalogue without the flags it does not know.
        let merged = try GNUGettext.run("msgmerge", ["--previous", "--quiet", "-o", "-", path,
                                                     folder.appendingPathComponent("Locales/en/template.pot").path])
        #expect(!merged.contains("placeholders:") && !merged.contains("icu-message-format"))
        // A translator breaks an ICU message on the platform meanwhile.
        let broken = merged.replacingOccurrences(of: "{count, plural, one {# Veranstaltung}", with: "{count, plural, one {# Veranstaltung")
        #expect(broken != merged)
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try CatalogCheck(project: Project(root: folder), languages: ["de"]).run()
        #expect(check.findings.contains { $0.rule == "icu-syntax" && $0.file == "Locales/en/de.po" })
        try merged.write(toFile: path, atomically: true, encoding: .utf8)
        _ = try CatalogUpdate(project: Project(root: folder)).run()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == shipped)
    }

    @Test("a msgctxt a tool dropped (Translate Toolkit's po2xliff and xliff2po do) comes back with its translation")
    func droppedContext() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("Locales/en/de.po").path
        let shipped = try String(contentsOfFile: path, encoding: .utf8)
        let dropped = shipped.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("msgctxt ") }
            .joined(separator: "\n")
        #expect(dropped != shipped)
        try dropped.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try CatalogCheck(project: Project(root: folder), languages: ["de"]).run()
        #expect(check.findings.contains { $0.rule == "missing-entry" }, "without msgctxt the index messages are missing")
        _ = try CatalogUpdate(project: Project(root: folder)).run()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == shipped)
    }
}
