import Foundation
import Testing
@testable import TolkKit

/// XLIFF 2.1 out of a catalogue and back in, held against the OASIS schema and test suite.
@Suite("XLIFF exchange")
struct ExchangeTests {
    static let suite = Fixture.shared.appendingPathComponent("conformance/xliff21")

    func read(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    /// The shipped project, with its German exported to `de.xlf` in it.
    func exported(_ folder: URL) throws -> String {
        let path = folder.appendingPathComponent("de.xlf").path
        try XLIFFExport(project: Project(root: folder), language: "de").write(to: path)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test("the shipped project's German validates against the OASIS core schema, and imports back byte for byte", .needsShared("conformance/xliff21"))
    func roundTrip() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let xliff = try exported(folder)
        #expect(xliff.contains(#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="de">"#))
        #expect(xliff.components(separatedBy: "<unit ").count - 1 == 59)
        // Inline elements with their original tags, not deletable; protected content a <ph>.
        #expect(xliff.contains(#"<data id="d1">&lt;abbr title="Human Learning Systems"&gt;</data>"#))
        #expect(xliff.contains(#"<pc id="1" dataRefStart="d1" dataRefEnd="d1e" canCopy="no" canDelete="no">HLS</pc>"#))
        #expect(xliff.contains(#"<data id="d1">&lt;time datetime="2022-10-10"&gt;10 October&lt;/time&gt;</data>"#))
        #expect(xliff.contains(#"<unit id="u7281b05fcbf552bd" name="tolk-index">"#), "msgctxt is kept, and ids are stable")
        if FileManager.default.fileExists(atPath: Self.suite.path) {
            _ = try GNUGettext.run("xmllint", ["--noout", "--schema", Self.suite.appendingPathComponent("schemas/xliff_core_2.0.xsd").path,
                                               folder.appendingPathComponent("de.xlf").path])
        }
        let before = try read(folder, "Locales/en/de.po")
        let result = try XLIFFImport(project: Project(root: folder)).run(file: folder.appendingPathComponent("de.xlf").path)
        #expect(result.updated == 0 && result.unchanged == 59 && result.refused == 0 && result.unknown == 0 && !result.written)
        #expect(try read(folder, "Locales/en/de.po") == before)
    }

    @Test("a CAT tool's edit (new text, codes reordered) is imported and built with the original tags and attributes")
    func editedRoundTrip() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        var xliff = try exported(folder)
        let old = #"<target>Human Learning Systems, kurz <pc id="1""#
        let start = try #require(xliff.range(of: old))
        let end = try #require(xliff[start.lowerBound...].range(of: "</target>"))
        let pc = { (id: Int, text: String) in
            #"<pc id="\#(id)" dataRefStart="d\#(id)" dataRefEnd="d\#(id)e" canCopy="no" canDelete="no">\#(text)</pc>"#
        }
        xliff.replaceSubrange(start.lowerBound..<end.upperBound, with: "<target>Im Mittelpunkt stehen " + pc(2, "Beziehungen")
            + " &amp; Lernen: so arbeitet Human Learning Systems (" + pc(1, "HLS") + ").</target>")
        try xliff.write(to: folder.appendingPathComponent("de.xlf"), atomically: true, encoding: .utf8)
        let result = try XLIFFImport(project: Project(root: folder)).run(file: folder.appendingPathComponent("de.xlf").path)
        #expect(result.updated == 1 && result.refused == 0 && result.written)
        let catalogue = try POParser(path: "de.po").parse(read(folder, "Locales/en/de.po"))
        #expect(catalogue.activeMessages.contains {
            $0.translation == "Im Mittelpunkt stehen <2>Beziehungen</2> & Lernen: so arbeitet Human Learning Systems (<1>HLS</1>)." && !$0.isFuzzy
        })
        _ = try SiteBuild(project: Project(root: folder)).run()
        let page = try read(folder, "Output/de/hls-week-2022.html")
        #expect(page.contains(#"Im Mittelpunkt stehen <strong>Beziehungen</strong> &amp; Lernen: so arbeitet Human Learning Systems (<abbr title="Human Learning Systems">HLS</abbr>)."#))
    }

    @Test("a target that drops, repeats or invents a code is refused with its unit id; an unknown unit is reported, never added")
    func refusals() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let xliff = try exported(folder)
        let before = try read(folder, "Locales/en/de.po")
        let unit = "u" + String(XLIFFWriter.unitID(context: nil, id: "Human Learning Systems, or <1>HLS</1>, is a way of running public "
            + "services that puts <2>relationships</2>, learning and the complexity of real lives at the centre.").dropFirst())
        #expect(xliff.contains("<unit id=\"\(unit)\">"))
        let ph = #"<ph id="9" dataRef="d1" canCopy="no" canDelete="no"/>"#
        for (edit, expected) in [("dropped", "code '2' may not be deleted"), ("repeated", "inline id '2' is used twice in the target"),
                                 ("invented", "placeholder <9/> is not in the source")] {
            var changed = xliff
            let start = try #require(changed.range(of: #"<target>Human Learning Systems, kurz"#))
            let end = try #require(changed[start.lowerBound...].range(of: "</target>"))
            let pc = { (id: Int) in #"<pc id="\#(id)" dataRefStart="d\#(id)" dataRefEnd="d\#(id)e" canCopy="no" canDelete="no">x</pc>"# }
            let target: String
            switch edit {
            case "dropped": target = "Nur " + pc(1)
            case "repeated": target = pc(1) + pc(2) + pc(2)
            default: target = pc(1) + pc(2) + ph
            }
            changed.replaceSubrange(start.lowerBound..<end.upperBound, with: "<target>" + target + "</target>")
            let file = folder.appendingPathComponent("\(edit).xlf")
            try changed.write(to: file, atomically: true, encoding: .utf8)
            let result = try XLIFFImport(project: Project(root: folder)).run(file: file.path)
            #expect(result.refused == 1 && result.updated == 0 && result.unchanged == 58, "\(edit)")
            let refusal = try #require(result.diagnostics.first { $0.rule == "translation-refused" })
            #expect(refusal.message.contains("unit '\(unit)'") && refusal.message.contains(expected), "\(refusal.message)")
            #expect(try read(folder, "Locales/en/de.po") == before)
        }
        // A unit whose text changed since the export matches no entry.
        let stale = xliff.replacingOccurrences(of: "<unit id=\"\(unit)\">", with: "<unit id=\"u0000000000000001\">")
        try stale.write(to: folder.appendingPathComponent("stale.xlf"), atomically: true, encoding: .utf8)
        let result = try XLIFFImport(project: Project(root: folder)).run(file: folder.appendingPathComponent("stale.xlf").path)
        #expect(result.unknown == 1 && result.unchanged == 58)
        #expect(result.diagnostics.contains { $0.rule == "unknown-unit" && $0.message.contains("u0000000000000001") })
        #expect(try read(folder, "Locales/en/de.po") == before)
    }

    @Test("states map both ways: untranslated has no target, fuzzy is initial with tolk:fuzzy, translated is translated")
    func states() throws {
        let folder = try temporaryProject(from: Fixture.url("build"))
        defer { try? FileManager.default.removeItem(at: folder) }
        var catalog = try POParser(path: "de.po").parse(read(folder, "Locales/en/de.po"))
        let messages = catalog.entries.indices.filter { !catalog.entries[$0].isHeader && !catalog.entries[$0].isObsolete }
        catalog.entries[messages[0]].translations = [""]
        catalog.entries[messages[1]].isFuzzy = true
        // A plural entry, as a translator's tool may make one.
        var plural = POEntry(id: "One seat left", pluralID: "<1/> seats left", translations: ["Ein Platz frei", "<1/> Plätze frei"])
        plural.references = POReferences(["Input/event.html:3"])
        catalog.entries.append(plural)
        try POWriter().write(catalog).write(to: folder.appendingPathComponent("Locales/en/de.po"), atomically: true, encoding: .utf8)
        let before = try read(folder, "Locales/en/de.po")
        let path = folder.appendingPathComponent("de.xlf").path
        let all = try XLIFFExport(project: Project(root: folder), language: "de").write(to: path)
        let xliff = try String(contentsOfFile: path, encoding: .utf8)
        let untranslatedID = XLIFFWriter.unitID(context: catalog.entries[messages[0]].context, id: catalog.entries[messages[0]].id)
        let untranslated = try #require(xliff.components(separatedBy: "<unit id=\"\(untranslatedID)\"").last?.components(separatedBy: "</unit>").first)
        #expect(untranslated.contains(#"state="initial">"#) && !untranslated.contains("<target>"))
        #expect(xliff.contains(#"state="initial" subState="tolk:fuzzy""#))
        #expect(xliff.contains(#"<segment id="f0" state="translated">"#) && xliff.contains(#"<segment id="f1" state="translated">"#))
        // Imported unchanged: the same catalogue.
        #expect(try XLIFFImport(project: Project(root: folder)).run(file: path).updated == 0)
        #expect(try read(folder, "Locales/en/de.po") == before)
        // --untranslated: only what needs work.
        let open = try XLIFFExport(project: Project(root: folder), language: "de", untranslatedOnly: true).run()
        let table = TranslationTable(catalog: catalog, path: "de.po")
        let needWork = catalog.activeMessages.filter { !table.verdict(context: $0.context, id: $0.id).isUsable }.count
        #expect(open.units == needWork && needWork >= 2 && all.units > open.units)
        // A reviewer confirms the fuzzy translation: state translated clears the fuzzy mark.
        try xliff.replacingOccurrences(of: #"state="initial" subState="tolk:fuzzy""#, with: #"state="final""#)
            .write(toFile: path, atomically: true, encoding: .utf8)
        let fuzzy = catalog.activeMessages.filter { $0.isFuzzy && $0.isTranslated }.count
        #expect(fuzzy >= 1 && xliff.components(separatedBy: "tolk:fuzzy").count - 1 == fuzzy)
        #expect(try XLIFFImport(project: Project(root: folder)).run(file: path).updated == fuzzy)
        #expect(try POParser(path: "de.po").parse(read(folder, "Locales/en/de.po")).activeMessages.filter(\.isFuzzy).isEmpty)
    }

    @Test("--dry-run reads, validates and reports, and writes nothing")
    func dryRun() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let xliff = try exported(folder).replacingOccurrences(of: "<target>Veranstaltungen</target>", with: "<target>Termine</target>")
        try xliff.write(to: folder.appendingPathComponent("de.xlf"), atomically: true, encoding: .utf8)
        let before = try read(folder, "Locales/en/de.po")
        let result = try XLIFFImport(project: Project(root: folder), dryRun: true).run(file: folder.appendingPathComponent("de.xlf").path)
        #expect(result.updated == 1 && !result.written)
        #expect(try read(folder, "Locales/en/de.po") == before)
    }

    @Test("the OASIS XLIFF 2.1 core test suite: every valid document is read, every invalid one refused with its problem", .needsShared("conformance/xliff21"))
    func conformance() throws {
        let core = Self.suite.appendingPathComponent("test-suite/core")
        try #require(FileManager.default.fileExists(atPath: core.path), "the OASIS suite has no test-suite/core")
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let importer = XLIFFImport(project: Project(root: folder), dryRun: true)
        func documents(_ name: String) throws -> [URL] {
            try FileManager.default.contentsOfDirectory(at: core.appendingPathComponent(name), includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "xlf" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        }
        var readValid = 0, refusedInvalid = 0
        let valid = try documents("valid"), invalid = try documents("invalid")
        for document in valid {
            do {
                _ = try importer.run(file: document.path)
                readValid += 1
            } catch {
                Issue.record("\(document.lastPathComponent) is valid but was refused: \(error)")
            }
        }
        for document in invalid {
            do {
                // A target that breaks the rules for inline codes refuses its unit (and the command exits 1).
                let result = try importer.run(file: document.path)
                if result.refused > 0, let refusal = result.diagnostics.first(where: { $0.rule == "translation-refused" }) {
                    #expect(refusal.file == document.path && refusal.line > 0)
                    refusedInvalid += 1
                } else {
                    Issue.record("\(document.lastPathComponent) is invalid but was read")
                }
            } catch let error as TolkError {
                guard case let .exchange(path, _, problem) = error else { Issue.record("\(error)"); continue }
                #expect(path == document.path && problem.hasPrefix("not "), "\(problem)")
                refusedInvalid += 1
            }
        }
        print("XLIFF 2.1 core suite: \(readValid)/\(valid.count) valid documents read, \(refusedInvalid)/\(invalid.count) invalid documents refused")
        #expect(valid.count == 25 && invalid.count == 119)
        #expect(readValid == valid.count && refusedInvalid == invalid.count)
    }
}
