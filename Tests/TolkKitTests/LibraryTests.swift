import Foundation
import Testing
import TolkKit

/// The getting-started article's example (TolkKit.docc/GettingStarted.md), through the
/// public API only (no @testable import): if it stops compiling or its output changes,
/// the article is wrong.
@Suite("Library")
struct LibraryTests {
    @Test("the getting-started example: extract, catalogue, check and build one page in memory")
    func gettingStarted() throws {
        let html = """
            <!DOCTYPE html><html lang="en"><head><title>Open day</title></head>
            <body><p>Doors open at nine. Meet <a href="team.html">the team</a>.</p></body></html>
            """
        let page = try PageExtraction.extract(path: "Input/open-day.html", text: html)
        #expect(page.segments.map(\.text) == ["Open day", "Doors open at nine.", "Meet <1>the team</1>."])

        var catalog = CatalogMerger.merged(nil, pages: [page], language: "de")
        let german = ["Open day": "Tag der offenen Tür", "Doors open at nine.": "Einlass ist um neun.",
                      "Meet <1>the team</1>.": "Lernen Sie <1>das Team</1> kennen."]
        for index in catalog.entries.indices {
            if let translation = german[catalog.entries[index].id] {
                catalog.entries[index].translations = [translation]
            }
        }
        let poText = POWriter().write(catalog)
        let reread = try POParser(path: "Locales/en/de.po").parse(poText)
        #expect(poText.hasPrefix("# ") || poText.hasPrefix("msgid \"\""))

        let (findings, summary) = CatalogValidator().check(reread, language: "de", path: "Locales/en/de.po", pages: [page])
        #expect(summary.translated == 3 && summary.untranslated == 4)
        // The four untranslated are the event index's own words, which every catalogue holds.
        #expect(findings.filter { $0.severity == .error }.allSatisfy { $0.rule == "untranslated" && $0.sourceFile == nil }, "\(findings)")

        let built = page.built(in: "de", catalog: reread, catalogPath: "Locales/en/de.po")
        #expect(built.html.contains("<html lang=\"de\">"))
        #expect(built.html.contains("<title>Tag der offenen Tür</title>"))
        #expect(built.html.contains("<p>Einlass ist um neun. Lernen Sie <a href=\"team.html\">das Team</a> kennen.</p>"))
        #expect(built.translated == 3 && built.segments == 3 && built.diagnostics.isEmpty)

        // No catalogue: the page as written, nothing counted as translated.
        let untranslated = page.built(in: "de", catalog: nil)
        #expect(untranslated.translated == 0)
        #expect(page.built(in: "en", catalog: nil).html == html)
    }
}

/// The ids a user can filter on are listed once in the code and once in the README.
@Suite("Diagnostic ids")
struct DiagnosticIDTests {
    @Test("the README's table of job problems lists exactly DiagnosticID's ids, and tolk check's table every rule")
    func readmeMatches() throws {
        let readme = try String(contentsOf: Fixture.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Problems Tolk reports").dropFirst().first?
            .components(separatedBy: "\n## ").first)
        let listed = section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            return String(line.dropFirst(3).prefix { $0 != "`" })
        }
        #expect(listed == DiagnosticID.allCases.map(\.rawValue))
        let check = CatalogCheck(project: Project(root: Fixture.repositoryRoot))
        for (id, _) in check.validator.ruleDescriptions {
            #expect(readme.contains("| `\(id)` | "), "tolk check's rule \(id) is not in the README")
        }
        #expect(Set(DiagnosticID.allCases.map(\.rawValue)).isDisjoint(with: check.validator.ruleDescriptions.map(\.id)),
                "a job uses a check rule's id through the rule")
    }
}
