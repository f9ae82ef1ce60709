import Foundation
import Testing
@testable import TolkKit

/// `tolk check` on a catalogue with one planted defect per rule (its translator comment
/// says which) next to correct translations that must raise nothing.
@Suite("Check")
struct CheckTests {
    static let project = Project(root: Fixture.url("check"))

    static func result(_ languages: [String] = ["de"], strict: Bool = false) throws -> CatalogCheck.Result {
        try CatalogCheck(project: project, languages: languages, strict: strict).run()
    }

    @Test("every planted defect is reported under its rule; correct entries raise nothing")
    func plantedDefects() throws {
        let result = try Self.result()
        let catalog = try POParser(path: "de.po").parse(Fixture.text("check/Locales/en/de.po"))
        for entry in catalog.entries where !entry.isHeader {
            let planted = entry.translatorComments.first { $0.hasPrefix("planted: ") }.map { String($0.dropFirst(9)) }
            let rules = Set(result.findings.filter { $0.msgid == entry.id && $0.msgctxt == entry.context && $0.line > 0 }.map(\.rule))
            if let planted {
                #expect(rules == [planted], "\(entry.id): expected only \(planted), got \(rules.sorted())")
            } else {
                #expect(rules.isEmpty, "\(entry.id): a correct translation raised \(rules.sorted())")
            }
        }
        let missing = result.findings.filter { $0.rule == "missing-entry" }
        #expect(missing.map(\.msgid) == ["Brand new line."])
        #expect(missing.first?.sourceFile == "Input/event.html" && missing.first?.sourceLine == 25)
        #expect(result.hasErrors)
    }

    @Test("findings carry the catalogue line, the source page and line, and a fix")
    func findingDetails() throws {
        let finding = try #require(try Self.result().findings.first { $0.rule == "punctuation" })
        #expect(finding.file == "Locales/en/de.po" && finding.line == 43)
        #expect(finding.sourceFile == "Input/event.html" && finding.sourceLine == 11)
        #expect(finding.locale == "de" && finding.severity == .warning)
        #expect(finding.msgid == "Is it free?" && finding.msgstr == "Ist es kostenlos.")
        #expect(finding.message == "the source ends with '?', the translation with '.'")
        #expect(finding.fix == "end the translation with ?")
    }

    @Test("the header is checked as msgfmt checks it, and against the file's language", arguments: [
        ("\"Language: de\\n\"", "\"Language: fr\\n\"", Diagnostic.Severity.error,
         "the header says Language: fr, but Locales/en/de.po is the catalogue for de"),
        ("\"Content-Type: text/plain; charset=UTF-8\\n\"", "\"Content-Type: text/plain\\n\"", .error,
         "the header declares no charset; msgfmt rejects the catalogue"),
        ("\"MIME-Version: 1.0\\n\"", "", .warning, "header fields msgfmt --check expects are missing: MIME-Version"),
    ])
    func header(_ original: String, _ replacement: String, _ severity: Diagnostic.Severity, _ message: String) throws {
        let folder = try temporaryProject(from: Fixture.url("check"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalogue = folder.appendingPathComponent("Locales/en/de.po")
        // The fixture's header has just what Tolk needs; give it every field msgfmt expects first.
        let text = try TextFile.read(catalogue.path).replacingOccurrences(of: "msgstr \"\"\n\"Language: de", with: """
            msgstr ""
            "Project-Id-Version: Check fixture\\n"
            "PO-Revision-Date: 2026-11-29 12:00+0000\\n"
            "Last-Translator: A Translator <a@example.org>\\n"
            "Language-Team: German\\n"
            "Language: de
            """)
        #expect(text.contains(original + "\n"))
        try text.replacingOccurrences(of: original + "\n", with: replacement.isEmpty ? "" : replacement + "\n")
            .write(to: catalogue, atomically: true, encoding: .utf8)
        let findings = try CatalogCheck(project: Project(root: folder), languages: ["de"], strict: false).run().findings
            .filter { $0.rule == "header" }
        #expect(findings.map(\.message) == [message])
        #expect(findings.first?.severity == severity)
    }

    @Test("a translation with 4,000 tags gives one markup finding and a report of bounded size")
    func manyTags() throws {
        let tags = String(repeating: "<b>x</b>", count: 4_000) + String(repeating: "&amp;", count: 4_000)
        let entry = POEntry(id: "Hello <1>world</1>.", translations: ["Hallo <1>Welt</1>" + tags + "."])
        let context = EntryContext(entry: entry, language: "de", sourceLanguage: "en", catalogPath: "Locales/en/de.po", glossary: nil)
        let findings = CatalogValidator.standardEntryRules.flatMap { $0.check(context) }
        #expect(findings.filter { $0.rule == MarkupInTranslationRule.id }.map(\.message) == [
            "HTML markup '<b>', '</b>' in the translation; it would show as text",
            "HTML entities '&amp;' in the translation; it would show as text",
        ])
        let report = TextReport(color: false).render(CatalogCheck.Result(findings: findings, summaries: [:], catalogs: []))
        #expect(report.utf8.count < 20_000)
    }

    @Test("ICU checks run after a gettext tool dropped the icu-message-format flag")
    func icuChecksWithoutTheFlag() throws {
        let folder = try temporaryProject(from: Fixture.url("check"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalogue = folder.appendingPathComponent("Locales/en/de.po")
        // What msgcat, msgmerge and Weblate of gettext 0.21 do to a flag they do not know.
        let text = try TextFile.read(catalogue.path).replacingOccurrences(of: "#, icu-message-format\n", with: "")
        try text.write(to: catalogue, atomically: true, encoding: .utf8)
        let rules = try CatalogCheck(project: Project(root: folder), languages: ["de"], strict: false).run().findings
            .filter { $0.msgctxt == "tolk-index" }.map(\.rule)
        #expect(rules.sorted() == ["icu-arguments", "icu-syntax"])
    }

    @Test("plural categories come from CLDR via ICU; Plural-Forms must match the language")
    func plurals() throws {
        let findings = try Self.result(["fr"]).findings.filter { $0.rule != "missing-entry" && $0.rule != "header" }
        #expect(findings.map(\.message) == [
            "Plural-Forms says nplurals=3, but CLDR gives fr 2 plural forms for whole numbers",
            "plural {count} uses 'few', which fr does not have (it has: many, one, other)",
            "plural {count} lacks 'many', which fr needs",
        ])
        #expect(LanguageTag.pluralCategories("de") == ["one", "other"])
    }

    @Test("--strict makes fuzzy entries errors")
    func strict() throws {
        let fuzzy = try #require(try Self.result(strict: true).findings.first { $0.rule == "fuzzy" })
        #expect(fuzzy.severity == .error)
    }

    @Test("the shipped catalogues pass with no findings at all")
    func shipped() throws {
        let result = try CatalogCheck(project: Project(root: Fixture.repositoryRoot)).run()
        #expect(result.findings.isEmpty, "\(result.findings.map { "\($0.rule): \($0.msgid)" })")
        let german = try #require(result.summaries["de"])
        #expect((german.entries, german.translated, german.fuzzy, german.untranslated, german.words) == (59, 59, 0, 0, 612))
        #expect(result.summaries["en"]?.translated == 17)
    }

    @Test("JSON reads back with findings and summaries; SARIF 2.1.0 has rules, levels and locations")
    func reports() throws {
        let result = try Self.result()
        let json = try JSONSerialization.jsonObject(with: Data(JSONReport.render(result).utf8)) as? [String: Any]
        let findings = try #require(json?["findings"] as? [[String: Any]])
        #expect(findings.count == result.findings.count)
        for key in ["rule", "severity", "locale", "file", "line", "msgid", "msgstr", "message"] {
            #expect(findings.allSatisfy { $0[key] != nil }, "every finding has \(key)")
        }
        let summary = try #require((json?["summary"] as? [String: Any])?["de"] as? [String: Int])
        #expect(summary["entries"] == 31 && summary["untranslated"] == 2 && summary["fuzzy"] == 1)
        #expect(summary.keys.sorted() == ["entries", "errors", "fuzzy", "translated", "untranslated", "warnings", "words"])

        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(SARIFReport.render(result).utf8)) as? [String: Any])
        #expect(sarif["version"] as? String == "2.1.0")
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.count == result.rules.count && rules.count == 20)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == result.findings.count)
        for item in results {
            #expect(["error", "warning", "note"].contains(item["level"] as? String ?? ""))
            let location = ((item["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let line = (location?["region"] as? [String: Any])?["startLine"] as? Int
            #expect((line ?? 0) >= 1, "SARIF lines start at 1")
            let ruleIndex = item["ruleIndex"] as? Int ?? -1
            #expect(rules[ruleIndex]["id"] as? String == item["ruleId"] as? String)
        }
    }

    @Test("check and stats modify nothing")
    func readOnly() throws {
        let folder = try temporaryProject(from: Fixture.url("check"))
        defer { try? FileManager.default.removeItem(at: folder) }
        func snapshot() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
                let url = folder.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[name] = try Data(contentsOf: url)
                }
            }
            return files
        }
        let before = try snapshot()
        _ = try CatalogCheck(project: Project(root: folder)).run()
        _ = try TranslationStats.compute(Project(root: folder))
        #expect(try snapshot() == before)
    }

    @Test("a glossary cell may give a word's inflections, any of which is the term: 'Erfahrungsberichte | Erfahrungsberichten'")
    func inflectedTerms() throws {
        let glossary = try Glossary(path: "g.csv", text: "en,de,note\nstories,Erfahrungsberichte | Erfahrungsberichten,\n")
        let term = try #require(glossary.occurrences(in: Glossary.words("webinars and stories", language: "en"), language: "en").first).term
        for (german, holds) in [("Webinare und Erfahrungsberichte", true), ("in Webinaren und Erfahrungsberichten", true),
                                ("Webinare und Geschichten", false)] {
            #expect(glossary.occurs(term, in: Glossary.words(german, language: "de"), language: "de") == holds, "\(german)")
        }
        // Either form in the text is found as the term, so the check reads it back in both.
        #expect(glossary.occurrences(in: Glossary.words("mit Erfahrungsberichten", language: "de"), language: "de").map(\.term) == [term])
    }

    @Test("a malformed glossary stops with its line")
    func malformedGlossary() throws {
        #expect(throws: TolkError.glossary(path: "g.csv", line: 3, problem: "2 fields where the header has 3")) {
            try Glossary(path: "g.csv", text: "en,de,note\nThemPra,ThemPra,org\nbroken,row\n")
        }
        #expect(throws: TolkError.glossary(path: "g.csv", line: 2, problem: "a quoted field is never closed")) {
            try Glossary(path: "g.csv", text: "en,de\n\"open,x\n")
        }
        #expect(throws: TolkError.glossary(path: "g.csv", line: 1, problem: "'english' in the header is not a language code (nor 'note')")) {
            try Glossary(path: "g.csv", text: "english,de\n")
        }
        // A quotation mark in an unquoted field, text after a closing one, a language twice.
        #expect(throws: TolkError.glossary(path: "g.csv", line: 2, problem: "a quotation mark inside a field that is not quoted; quote the whole field and write the mark twice (\"Them\"\"Pra\")")) {
            try Glossary(path: "g.csv", text: "en,de\nThem\"Pra,ThemPra\n")
        }
        #expect(throws: TolkError.glossary(path: "g.csv", line: 3, problem: "text after a field's closing quotation mark; inside a quoted field, write a quotation mark twice (\"\")")) {
            try Glossary(path: "g.csv", text: "en,de\nx,y\n\"Them\"Pra\",ThemPra\n")
        }
        #expect(throws: TolkError.glossary(path: "g.csv", line: 1, problem: "the header names 'EN' twice; each language has one column")) {
            try Glossary(path: "g.csv", text: "en,EN\nThemPra,ThemPra\n")
        }
        let glossary = try Glossary(path: "g.csv", text: "en,de,note\n\"Relational Leadership\",\"beziehungsorientierte Führung\",\"the subject, in full\"\n")
        #expect(glossary.terms.first?.forms == ["en": "Relational Leadership", "de": "beziehungsorientierte Führung"])
        #expect(glossary.terms.first?.note == "the subject, in full")
    }

    @Test("a glossary of 40,000 terms finds the terms of each entry, however far down the file they are")
    func largeGlossary() throws {
        var rows = ["en,de"]
        for number in 0..<40_000 { rows.append("term\(number) word,Begriff\(number) Wort") }
        rows.append("Human Learning Systems,Human Learning Systems")
        rows.append("social pedagogy,Sozialpädagogik")
        let glossary = try Glossary(path: "Locales/glossary.csv", text: rows.joined(separator: "\n") + "\n")
        func findings(_ id: String, _ translation: String) -> [String] {
            var entry = POEntry(id: id)
            entry.translations = [translation]
            let context = EntryContext(entry: entry, language: "de", sourceLanguage: "en", catalogPath: "Locales/en/de.po", glossary: glossary)
            return (TerminologyRule().check(context) + SameAsSourceRule().check(context)).map(\.message)
        }
        #expect(findings("An evening on Social Pedagogy and term39999 word.", "Ein Abend zur Sozialpädagogik und Begriff39999 Wort.") == [])
        #expect(findings("An evening on social pedagogy and term7 word.", "Ein Abend zur Pädagogik und Begriff8 Wort.")
                == ["'term7 word' should be translated as 'Begriff7 Wort'", "'social pedagogy' should be translated as 'Sozialpädagogik'"])
        #expect(findings("Human Learning Systems", "Human Learning Systeme") == ["the name 'Human Learning Systems' must stay unchanged"])
        // A source that is names only may stay as it is; words beside the names may not.
        #expect(findings("Human Learning Systems", "Human Learning Systems") == [])
        #expect(findings("Human Learning Systems week", "Human Learning Systems week").count == 1)
        // "term7" alone is not the term "term7 word".
        #expect(findings("See term7 here.", "Siehe term7 hier.") == [])
    }

    @Test("stats report both shipped languages complete")
    func stats() throws {
        let stats = try TranslationStats.compute(Project(root: Fixture.repositoryRoot))
        let totals = stats.rows.filter { $0.page == nil }
        #expect(totals.map(\.language) == ["de", "en"])
        #expect(totals.allSatisfy { $0.counts.missing == 0 && $0.counts.fuzzy == 0 && $0.counts.percent == 100 })
        #expect(stats.rows.contains { $0.language == "en" && $0.page == "Input/berlin.html" && $0.counts.segments == 17 })
    }
}

/// Numbers compared as values, each side read in its own language.
@Suite("Numbers")
struct NumberReaderTests {
    @Test("the same values written the English and the German way agree", arguments: [
        ("2pm on 13 October", "am 13. Oktober um 14 Uhr"),
        ("1,500.50 pounds", "1.500,50 Pfund"),
        ("from 9.30 to 11.00", "von 9:30 bis 11:00 Uhr"),
        ("10am-12pm", "10–12 Uhr"),
        ("11/10/22", "11.10.22"),
        ("Tuesday 11/10/22 – 10am-12pm", "Dienstag, 11.10.22, 10:00–12:00 Uhr"),
        ("the 3rd part", "der 3. Teil"),
        ("on 2022-10-13", "am 13.10.2022"),
        ("50% of 2,000", "50 % von 2.000"),
        ("October 2016", "Oktober 2016"),
    ])
    func agree(_ english: String, _ german: String) {
        #expect(NumberReader(locale: "en").values(in: english).sorted() == NumberReader(locale: "de").values(in: german).sorted())
    }

    @Test("different values are told apart", arguments: [
        ("2pm", "2 Uhr"),
        ("1,500", "1,500"),
        ("13 October", "14. Oktober"),
        ("9.30", "9:30 Uhr"),
    ])
    func differ(_ english: String, _ german: String) {
        #expect(NumberReader(locale: "en").values(in: english).sorted() != NumberReader(locale: "de").values(in: german).sorted())
    }

    /// A team's own rules: one per entry, one per catalogue, run by the same check.
    struct NoExclamationRule: EntryRule {
        static let id = "house-no-exclamation"
        static let summary = "The house style has no exclamation marks."
        func check(_ context: EntryContext) -> [Diagnostic] {
            context.translationText.contains("!") ? [context.finding(Self.id, .warning, "an exclamation mark", fix: "end with a full stop")] : []
        }
    }

    struct TranslatorNamedRule: CatalogRule {
        static let id = "house-translator"
        static let summary = "The header names the last translator."
        func check(_ context: CatalogContext) -> [Diagnostic] {
            let value = context.catalog.headerField("Last-Translator") ?? ""
            guard value.isEmpty || value.contains("FULL NAME") else { return [] }
            return [Diagnostic(rule: Self.id, severity: .note, file: context.path, line: context.catalog.header?.line ?? 0,
                               message: "no Last-Translator in the header")]
        }
    }

    @Test("a library user runs rules of their own, for entries and for whole catalogues, and the reports list them")
    func ownRules() throws {
        let folder = try temporaryProject(from: Fixture.url("check"))
        defer { try? FileManager.default.removeItem(at: folder) }
        var check = CatalogCheck(project: Project(root: folder), languages: ["de"])
        check.validator.entryRules.append(NoExclamationRule())
        check.validator.catalogRules = check.validator.catalogRules.filter { type(of: $0).id != ObsoleteEntryRule.id } + [TranslatorNamedRule()]
        let result = try check.run()
        #expect(result.rules.contains { $0.id == "house-no-exclamation" } && result.rules.contains { $0.id == "house-translator" })
        #expect(!result.rules.contains { $0.id == "obsolete-entry" } && !result.findings.contains { $0.rule == "obsolete-entry" })
        #expect(result.findings.contains { $0.rule == "house-translator" && $0.file == "Locales/en/de.po" })
        #expect(result.findings.filter { $0.rule == "house-no-exclamation" }.map(\.line) == [62])
        let sarif = try SARIFReport.render(result)
        #expect(sarif.contains("\"house-translator\""))
    }
}
