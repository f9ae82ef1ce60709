import Foundation
import Testing
@testable import TolkKit

/// XLIFF 1.2 for the tools that read no XLIFF 2, the 2.0 header, memory matches and review
/// states, held against the OASIS 1.2 strict schema and Translate Toolkit's reader.
@Suite("XLIFF 1.2 and review states")
struct XLIFF12Tests {
    static let schema = Fixture.url("xliff12/xliff-core-1.2-strict.xsd")
    static let core20 = Fixture.shared.appendingPathComponent("conformance/xliff21/schemas/xliff_core_2.0.xsd")

    func read(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func export(_ folder: URL, _ version: XLIFFExport.Version, to name: String, language: String = "de") throws -> String {
        let path = folder.appendingPathComponent(name).path
        try XLIFFExport(project: Project(root: folder), language: language, version: version).write(to: path)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    func importing(_ folder: URL, _ name: String) throws -> XLIFFImport.Result {
        try XLIFFImport(project: Project(root: folder)).run(file: folder.appendingPathComponent(name).path)
    }

    /// Translate Toolkit's units of an XLIFF 1.2 file: id, source, target, fuzzy, translated.
    func translateToolkit(_ file: URL) throws -> [[String]] {
        let script = """
            import json, sys
            from translate.storage import xliff
            store = xliff.xlifffile.parsefile(sys.argv[1])
            print(json.dumps([[u.getid(), u.source or "", u.target or "", str(u.isfuzzy()), str(u.istranslated())]
                              for u in store.units if not u.isheader()]))
            """
        return try JSONDecoder().decode([[String]].self, from: Data(try MemoryTests.python(["-c", script, file.path]).utf8))
    }

    @Test("the shipped site's German as XLIFF 1.2: valid against the strict schema, read by Translate Toolkit unit for unit, imported back byte for byte")
    func shippedSite() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let xliff = try export(folder, .v12, to: "de12.xlf")
        _ = try GNUGettext.run("xmllint", ["--noout", "--schema", Self.schema.path, folder.appendingPathComponent("de12.xlf").path])
        #expect(xliff.contains(#"<file original="Locales/en/de.po" source-language="en" target-language="de" datatype="html" tool-id="tolk">"#))
        #expect(xliff.contains(#"<g id="1" ctype="x-html-abbr" equiv-text="&lt;abbr title=&quot;Human Learning Systems&quot;>">HLS</g>"#))
        #expect(xliff.contains(#"<trans-unit id="u7281b05fcbf552bd" resname="tolk-index" approved="yes" xml:space="preserve">"#))
        let catalog = try POParser(path: "de.po").parse(read(folder, "Locales/en/de.po"))
        let units = try translateToolkit(folder.appendingPathComponent("de12.xlf"))
        #expect(units.count == catalog.activeMessages.count)
        for (entry, unit) in zip(catalog.activeMessages, units) {
            // Translate Toolkit names a unit by its file and id.
            #expect(unit[0].hasSuffix(XLIFFWriter.unitID(context: entry.context, id: entry.id)))
            // Translate Toolkit gives the text of <g> and leaves <x/> out.
            let text: (String) -> String = { MessageText.parse($0).map { if case let .text(t) = $0 { return t }; return "" }.joined() }
            #expect(unit[1] == text(entry.id) && unit[2] == text(entry.translation), "\(entry.id)")
            #expect(unit[3] == "False" && unit[4] == "True")
        }
        let before = try read(folder, "Locales/en/de.po")
        let result = try importing(folder, "de12.xlf")
        #expect(result.updated == 0 && result.unchanged == 59 && result.refused == 0 && result.unknown == 0 && !result.written)
        #expect(try read(folder, "Locales/en/de.po") == before)
    }

    @Test("the W3C pages' catalogue as XLIFF 1.2: valid, and imported back byte for byte", .needsShared("corpus/w3c-i18n"))
    func w3cCatalogue() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = Fixture.shared.appendingPathComponent("corpus/w3c-i18n")
        let input = folder.appendingPathComponent("Input")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let enumerator = FileManager.default.enumerator(atPath: corpus.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".en.html") else { continue }
            try FileManager.default.copyItem(at: corpus.appendingPathComponent(path), to: input.appendingPathComponent(path.replacingOccurrences(of: "/", with: "_")))
        }
        _ = try CatalogUpdate(project: Project(root: folder)).run(newLanguages: ["de"])
        // Every entry translated to itself, half of them reviewed, as a project after a review round.
        let path = folder.appendingPathComponent("Locales/en/de.po")
        var catalog = try POParser(path: "de.po").parse(String(contentsOf: path, encoding: .utf8))
        for index in catalog.entries.indices where !catalog.entries[index].isHeader && catalog.entries[index].pluralID == nil {
            catalog.entries[index].translations = [catalog.entries[index].id]
            if index % 2 == 0 { catalog.entries[index] = ReviewState.reviewed.applied(to: catalog.entries[index]) }
        }
        try POWriter().write(catalog).write(to: path, atomically: true, encoding: .utf8)
        let before = try String(contentsOf: path, encoding: .utf8)
        let xliff = try export(folder, .v12, to: "w3c.xlf")
        _ = try GNUGettext.run("xmllint", ["--noout", "--schema", Self.schema.path, folder.appendingPathComponent("w3c.xlf").path])
        #expect(xliff.components(separatedBy: "<trans-unit ").count - 1 > 5_000)
        // Translate Toolkit reads every unit, with its translation and state.
        let units = try translateToolkit(folder.appendingPathComponent("w3c.xlf"))
        #expect(units.count == xliff.components(separatedBy: "<trans-unit ").count - 1)
        #expect(units.allSatisfy { $0[3] == "False" && $0[4] == "True" && $0[1] == $0[2] })
        let result = try importing(folder, "w3c.xlf")
        #expect(result.refused == 0 && result.unknown == 0 && result.updated == 0 && !result.written)
        #expect(try String(contentsOf: path, encoding: .utf8) == before)
    }

    @Test("a reviewed and a final unit come back reviewed and final, and stay so through export, import, msgmerge and export again, in both versions")
    func reviewStates() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        var xliff = try export(folder, .v21, to: "de.xlf")
        let reviewedUnit = "u05c689ce558d1acc", finalUnit = "uf7d7fc16486831fb"
        for (unit, state) in [(reviewedUnit, "reviewed"), (finalUnit, "final")] {
            let start = try #require(xliff.range(of: "<unit id=\"\(unit)\""))
            let segment = try #require(xliff.range(of: "state=\"translated\"", range: start.upperBound..<xliff.endIndex))
            xliff.replaceSubrange(segment, with: "state=\"\(state)\"")
        }
        try xliff.write(to: folder.appendingPathComponent("reviewed.xlf"), atomically: true, encoding: .utf8)
        #expect(try importing(folder, "reviewed.xlf").updated == 2)
        let catalogue = try read(folder, "Locales/en/de.po")
        #expect(catalogue.contains("# review: reviewed\n#: Input/hls-week-2022.html:6\n"))
        #expect(catalogue.contains("# review: final\n"))
        // gettext's tools keep it (they drop flags they do not know, so it is a comment).
        let merged = try GNUGettext.run("msgmerge", ["-q", folder.appendingPathComponent("Locales/en/de.po").path,
                                                     folder.appendingPathComponent("Locales/en/template.pot").path])
        #expect(merged.contains("# review: reviewed") && merged.contains("# review: final"))
        _ = try GNUGettext.run("msgfmt", ["--check", "-o", "/dev/null", folder.appendingPathComponent("Locales/en/de.po").path])
        _ = try CatalogUpdate(project: Project(root: folder)).run()
        let again = try export(folder, .v21, to: "again.xlf")
        #expect(again.components(separatedBy: "state=\"reviewed\"").count - 1 == 1 && again.components(separatedBy: "state=\"final\"").count - 1 == 1)
        let old = try export(folder, .v12, to: "again12.xlf")
        #expect(old.contains("state=\"signed-off\"") && old.contains("state=\"final\""))
        // And through XLIFF 1.2 as well: imported unchanged, still reviewed.
        #expect(try importing(folder, "again12.xlf").updated == 0)
        #expect(try read(folder, "Locales/en/de.po").contains("# review: reviewed"))
        // tolk stats shows them.
        let stats = try TranslationStats.compute(Project(root: folder))
        #expect(stats.rows.first { $0.language == "de" && $0.page == nil }?.counts.reviewed == 2)
        // A new translation from a tool that says "translated" is no longer reviewed.
        let demoted = again.replacingOccurrences(of: "state=\"reviewed\"", with: "state=\"translated\"")
        try demoted.write(to: folder.appendingPathComponent("demoted.xlf"), atomically: true, encoding: .utf8)
        #expect(try importing(folder, "demoted.xlf").updated == 1)
        #expect(!(try read(folder, "Locales/en/de.po").contains("# review: reviewed")))
    }

    @Test("--xliff-version 2.0 writes the same document with a 2.0 header: valid against the core schema, imported back byte for byte", .needsShared("conformance/xliff21"))
    func version20() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let v20 = try export(folder, .v20, to: "de20.xlf")
        let v21 = try export(folder, .v21, to: "de21.xlf")
        #expect(v20.contains(#"version="2.0" srcLang="en" trgLang="de""#))
        #expect(v20 == v21.replacingOccurrences(of: #"version="2.1""#, with: #"version="2.0""#))
        _ = try GNUGettext.run("xmllint", ["--noout", "--schema", Self.core20.path, folder.appendingPathComponent("de20.xlf").path])
        let before = try read(folder, "Locales/en/de.po")
        #expect(try importing(folder, "de20.xlf").unchanged == 59)
        #expect(try read(folder, "Locales/en/de.po") == before)
    }

    @Test("XLIFF 1.2 as Translate Toolkit's po2xliff writes it (1.1 namespace, its own ids, no msgctxt) imports every unit")
    func translateToolkitFile() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tt.xlf")
        _ = try MemoryTests.python(["-m", "translate.convert.po2xliff", folder.appendingPathComponent("Locales/en/de.po").path, file.path])
        var text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("urn:oasis:names:tc:xliff:document:1.1"))
        // The translator changes one target in the tool.
        text = text.replacingOccurrences(of: "<target state=\"translated\">Weiterlesen</target>", with: "<target state=\"translated\">Mehr lesen</target>")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try importing(folder, "tt.xlf")
        #expect(result.updated == 1 && result.unchanged == 58 && result.unknown == 0 && result.refused == 0)
        let catalog = try POParser(path: "de.po").parse(read(folder, "Locales/en/de.po"))
        #expect(catalog.activeMessages.first { $0.context == "tolk-index" && $0.id == "Read more" }?.translation == "Mehr lesen")
    }

    @Test("with a translation memory, units carry their best matches (<alt-trans> in 1.2, <mtc:matches> in 2.x), and import takes only targets")
    func memoryMatches() throws {
        let folder = try MemoryTests.projectWithWorkshops()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try MemoryImport(project: Project(root: folder)).run(file: Fixture.url("tmx/agency.tmx").path)
        _ = try CatalogUpdate(project: Project(root: folder)).run()
        let xliff = try export(folder, .v12, to: "de12.xlf")
        _ = try GNUGettext.run("xmllint", ["--noout", "--schema", Self.schema.path, folder.appendingPathComponent("de12.xlf").path])
        #expect(xliff.contains(#"<alt-trans match-quality="86" origin="Locales/memory/agency.tmx:6 (tuid 4711)">"#))
        #expect(xliff.contains("<target>Melden Sie sich <g id=\"1\" ctype=\"link\""))
        let before = try read(folder, "Locales/en/de.po")
        let result = try importing(folder, "de12.xlf")
        #expect(result.updated == 0 && result.unknown == 0)
        #expect(try read(folder, "Locales/en/de.po") == before)
        let v21 = try export(folder, .v21, to: "de21.xlf")
        #expect(v21.contains(##"<mtc:match id="m1" ref="#s1" matchQuality="86" origin="Locales/memory/agency.tmx:6 (tuid 4711)">"##))
        #expect(v21.contains("<target>Melden Sie sich <pc id=\"1\">hier</pc> für den Workshop an.</target>"))
        if FileManager.default.fileExists(atPath: Self.core20.path) {
            _ = try GNUGettext.run("xmllint", ["--noout", "--schema", Self.core20.path, folder.appendingPathComponent("de21.xlf").path])
        }
        let again = try importing(folder, "de21.xlf")
        #expect(again.updated == 0 && again.unknown == 0 && again.refused == 0)
        #expect(try read(folder, "Locales/en/de.po") == before)
    }

    @Test("bad XLIFF 1.2 gets the file, the line and the problem, and nothing changes", arguments: [
        ("<xliff version=\"1.0\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file/></xliff>", ":1:", "Tolk reads 1.2 and 2.x"),
        ("<xliff version=\"1.2\" xmlns=\"urn:example:other\">\n<file/></xliff>", ":1:", "is not XLIFF 1.2's"),
        ("<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file original=\"Locales/en/de.po\" source-language=\"en\" target-language=\"fr\" datatype=\"html\"><body/></file></xliff>",
         ":2:", "the catalogue for de"),
        ("<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file source-language=\"en\" target-language=\"de\" datatype=\"html\"><body>\n<trans-unit><source>x</source></trans-unit></body></file></xliff>",
         ":3:", "without its id"),
    ])
    func badFiles(text: String, line: String, problem: String) throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CatalogUpdate(project: Project(root: folder)).run(newLanguages: ["fr"])
        let before = try read(folder, "Locales/en/de.po")
        try text.write(to: folder.appendingPathComponent("bad.xlf"), atomically: true, encoding: .utf8)
        do {
            _ = try importing(folder, "bad.xlf")
            Issue.record("accepted: \(problem)")
        } catch let error as TolkError {
            #expect(error.description.contains("bad.xlf" + line) && error.description.contains(problem), "\(error.description)")
        }
        #expect(try read(folder, "Locales/en/de.po") == before)
    }

    @Test("a 1.2 unit no catalogue entry has is reported, never added")
    func unknownUnit() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let xliff = try export(folder, .v12, to: "de12.xlf")
        let stale = xliff.replacingOccurrences(of: "<source>Register for free</source>", with: "<source>Register for a fee</source>")
        try stale.write(to: folder.appendingPathComponent("stale.xlf"), atomically: true, encoding: .utf8)
        let before = try read(folder, "Locales/en/de.po")
        let result = try importing(folder, "stale.xlf")
        #expect(result.unknown == 1 && result.unchanged == 58)
        #expect(result.diagnostics.contains { $0.rule == "unknown-unit" && $0.line != nil })
        #expect(try read(folder, "Locales/en/de.po") == before)
    }
}
