import Foundation
import Testing
@testable import TolkKit

/// ITS global rules in a project: the project's rules file, rules a page links or holds,
/// what the build makes of them, and rules that are wrong.
@Suite("ITS global rules")
struct ITSRulesTests {
    static let brandRule = """
        <its:rules xmlns:its="http://www.w3.org/2005/11/its" xmlns:h="http://www.w3.org/1999/xhtml" version="2.0">
          <its:translateRule selector="//*[@class='brand']" translate="no"/>
        </its:rules>
        """

    /// A project with `pages` (name → body) in English and, when given, `rules` as its rules file.
    func project(_ pages: [String: String], rules: String? = nil, extra: [String: String] = [:]) throws -> URL {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Locales"), withIntermediateDirectories: true)
        for (name, body) in pages {
            let url = folder.appendingPathComponent("Input/\(name)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Events</title></head>\n<body>\n\(body)\n</body>\n</html>\n"
                .write(to: url, atomically: true, encoding: .utf8)
        }
        if let rules {
            try rules.write(to: folder.appendingPathComponent(ITSContext.projectRulesPath), atomically: true, encoding: .utf8)
        }
        for (path, text) in extra {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// A German catalogue of `translations` (msgid, msgstr), every German page published, and a build.
    @discardableResult
    func build(_ folder: URL, translations: [(String, String)]) throws -> SiteBuild.Result {
        var catalog = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\nLanguage: de\\n\"\n"
        for (id, translation) in translations {
            catalog += "\nmsgid \"\(id)\"\nmsgstr \"\(translation)\"\n"
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Locales/en"), withIntermediateDirectories: true)
        try catalog.write(to: folder.appendingPathComponent("Locales/en/de.po"), atomically: true, encoding: .utf8)
        try "[languages.de]\nmin-completion = 0\n".write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
        return try SiteBuild(project: Project(root: folder)).run()
    }

    func messages(_ folder: URL) throws -> [String] {
        var ids: [String] = []
        try Project(root: folder).forEachPage { ids += $0.segments.map(\.text) }
        return ids
    }

    @Test("a project rules file keeps brand names out of the catalogue and out of same-as-source; without it they are offered")
    func projectRules() throws {
        let pages = ["a.html": "<p>Hosted by <span class=\"brand\">Zebulon Inc.</span> in Leeds.</p>\n<p class=\"brand\">Collaborate CIC</p>",
                     "b.html": "<h2 class=\"brand\">Human Learning Systems</h2>\n<p>Ask <b class=\"brand\">Iriss</b>.</p>"]
        let folder = try project(pages, rules: Self.brandRule)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ids = try messages(folder)
        #expect(ids.contains("Hosted by <1/> in Leeds.") && ids.contains("Ask <1/>."))
        for name in ["Zebulon", "Collaborate CIC", "Human Learning Systems", "Iriss"] {
            #expect(!ids.contains { $0.contains(name) }, "\(name) offered for translation")
        }
        // Without the rules file the names are text to translate, and a translation that
        // leaves them as they are is reported.
        try FileManager.default.removeItem(at: folder.appendingPathComponent(ITSContext.projectRulesPath))
        let without = try messages(folder)
        #expect(without.contains("Collaborate CIC") && without.contains("Hosted by <1>Zebulon Inc.</1> in Leeds."))
        _ = try CatalogUpdate(project: Project(root: folder)).run(newLanguages: ["de"])
        let path = folder.appendingPathComponent("Locales/en/de.po").path
        var catalog = try POParser(path: "de.po").parse(fileAt: path)
        for index in catalog.entries.indices where catalog.entries[index].id == "Collaborate CIC" {
            catalog.entries[index].translations = ["Collaborate CIC"]
        }
        try POWriter().write(catalog).write(toFile: path, atomically: true, encoding: .utf8)
        let before = try CatalogCheck(project: Project(root: folder)).run()
        #expect(before.findings.contains { $0.rule == SameAsSourceRule.id && $0.msgid == "Collaborate CIC" })
        // With it, extract makes the entry obsolete and check has nothing to say of it.
        try Self.brandRule.write(to: folder.appendingPathComponent(ITSContext.projectRulesPath), atomically: true, encoding: .utf8)
        _ = try CatalogUpdate(project: Project(root: folder)).run()
        let after = try CatalogCheck(project: Project(root: folder)).run()
        #expect(!after.findings.contains { $0.rule == SameAsSourceRule.id })
        #expect(try POParser(path: "de.po").parse(fileAt: path).activeMessages.allSatisfy { !$0.id.contains("Collaborate") })
    }

    @Test("rules in the page and in a linked file, later over earlier, local markup over both; attributes selected by a rule")
    func precedence() throws {
        let rules = """
            <its:rules xmlns:its="http://www.w3.org/2005/11/its" xmlns:h="http://www.w3.org/1999/xhtml" version="2.0">
              <its:translateRule selector="//h:p[@id='x']" translate="no"/>
              <its:translateRule selector="//h:img/@data-caption" translate="yes"/>
              <its:translateRule selector="//@title" translate="no"/>
              <its:locNoteRule selector="//h:span[@class='unit']" locNoteType="alert"><its:locNote>Keep the unit</its:locNote></its:locNoteRule>
            </its:rules>
            """
        let page = """
            <link rel="its-rules" href="../rules/site.xml">
            <script type="application/its+xml">
            <its:rules xmlns:its="http://www.w3.org/2005/11/its" version="2.0">
              <its:param name="open">y</its:param>
              <its:translateRule selector="//p[@id=$open]" translate="no"/>
              <its:translateRule selector="//p[@id='x']" translate="yes"/>
            </its:rules>
            </script>
            <p id="x">Translated again by the later rule.</p>
            <p id="y">Kept by the inline rule.</p>
            <p id="z" translate="no">Local <span translate="yes">markup wins</span> here.</p>
            <p title="A tooltip">Weighs 5 <span class="unit">kg</span>.</p>
            <p><img src="a.png" alt="A picture" data-caption="Taken in Leeds"></p>
            """
        let folder = try project(["sub/page.html": page], extra: ["Input/rules/site.xml": rules])
        defer { try? FileManager.default.removeItem(at: folder) }
        var pages: [PageExtraction] = []
        try Project(root: folder).forEachPage(locate: true) { pages.append($0) }
        let segments = pages[0].segments
        let ids = segments.map(\.text)
        #expect(ids.contains("Translated again by the later rule."))
        #expect(!ids.contains { $0.contains("Kept by") })
        #expect(ids.contains { $0.contains("<2>markup wins</2>") })
        #expect(!ids.contains("A tooltip"), "a rule took title out")
        #expect(ids.contains("Taken in Leeds") && ids.contains("A picture"), "a rule made data-caption translatable")
        let weighs = try #require(segments.first { $0.text.hasPrefix("Weighs 5") })
        #expect(weighs.comments.contains("Alert: Keep the unit"))
        #expect(pages[0].diagnostics.isEmpty)

        // The build writes the rule-made attribute's translation where it was.
        try build(folder, translations: [("Taken in Leeds", "In Leeds aufgenommen"),
                                          ("Translated again by the later rule.", "Von der späteren Regel wieder übersetzt.")])
        let built = try String(contentsOf: folder.appendingPathComponent("Output/de/sub/page.html"), encoding: .utf8)
        #expect(built.contains("data-caption=\"In Leeds aufgenommen\""))
        #expect(built.contains("<p id=\"x\">Von der späteren Regel wieder übersetzt.</p>"))
        #expect(built.contains("<p id=\"y\">Kept by the inline rule.</p>"))
        // The rule's note reaches the XLIFF a translator gets, an alert at the highest priority.
        _ = try CatalogUpdate(project: Project(root: folder)).run()
        let xliff = try XLIFFExport(project: Project(root: folder), language: "de").run().xml
        #expect(xliff.contains("<note category=\"developer\" priority=\"1\">Alert: Keep the unit</note>"))
    }

    @Test("local its-within-text, its-loc-note-ref and its-loc-note-type, with no rules at all")
    func localMarkup() throws {
        let folder = try project(["page.html": """
            <p>Read <span its-within-text="no">this part alone</span> and the rest.</p>
            <p>See <span its-within-text="nested">a note of its own</span> here.</p>
            <p its-loc-note-ref="https://example.org/style#units" its-loc-note-type="alert">Weighs 5 kg.</p>
            <p its-loc-note="Keep it short" its-loc-note-type="description">Book now.</p>
            """])
        defer { try? FileManager.default.removeItem(at: folder) }
        var segments: [SourceSegment] = []
        try Project(root: folder).forEachPage { segments += $0.segments }
        let ids = segments.map(\.text)
        #expect(ids.contains("Read") && ids.contains("this part alone") && ids.contains("and the rest."), "\(ids)")
        #expect(ids.contains("See <1/> here.") && ids.contains("a note of its own"))
        #expect(segments.first { $0.text == "Weighs 5 kg." }?.comments == ["Alert: See https://example.org/style#units"])
        #expect(segments.first { $0.text == "Book now." }?.comments == ["Keep it short"])
    }

    @Test("an incremental build sees a changed rules file: the project's, or one a page links")
    func rulesChangeRebuilds() throws {
        let folder = try project(["page.html": "<link rel=\"its-rules\" href=\"rules.xml\">\n<p class=\"brand\">Zebulon</p>\n<p id=\"n\">Hello there.</p>"],
                                 extra: ["Input/rules.xml": "<its:rules xmlns:its=\"http://www.w3.org/2005/11/its\" version=\"2.0\"/>\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output/de/page.html")
        try build(folder, translations: [("Zebulon", "Zebulon AG"), ("Hello there.", "Hallo.")])
        #expect(try String(contentsOf: output, encoding: .utf8).contains("<p class=\"brand\">Zebulon AG</p>"))
        try Self.brandRule.write(to: folder.appendingPathComponent(ITSContext.projectRulesPath), atomically: true, encoding: .utf8)
        _ = try SiteBuild(project: Project(root: folder)).run()
        #expect(try String(contentsOf: output, encoding: .utf8).contains("<p class=\"brand\">Zebulon</p>"))
        // The linked file, with a new size so its stamp changes whatever the clock says.
        try "<its:rules xmlns:its=\"http://www.w3.org/2005/11/its\" version=\"2.0\">\n<its:translateRule selector=\"//p[@id='n']\" translate=\"no\"/>\n</its:rules>\n"
            .write(to: folder.appendingPathComponent("Input/rules.xml"), atomically: true, encoding: .utf8)
        _ = try SiteBuild(project: Project(root: folder)).run()
        #expect(try String(contentsOf: output, encoding: .utf8).contains("<p id=\"n\">Hello there.</p>"))
    }

    @Test("withinText=\"nested\": a unit of its own, a placeholder in the unit around it, both translated in the built page")
    func nested() throws {
        let rules = """
            <its:rules xmlns:its="http://www.w3.org/2005/11/its" xmlns:h="http://www.w3.org/1999/xhtml" version="2.0">
              <its:withinTextRule selector="//h:cite" withinText="nested"/>
            </its:rules>
            """
        let folder = try project(["page.html": "<p>The Appaloosa <cite>Named after the <b>Palouse</b> river.</cite> are horses.</p>\n"
                                                + "<p>Only a note: <cite>Untranslated inside.</cite> here.</p>"], rules: rules)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ids = try messages(folder)
        #expect(ids.contains("Named after the <1>Palouse</1> river."))
        #expect(ids.contains("The Appaloosa <1/> are horses."))
        let result = try build(folder, translations: [("Named after the <1>Palouse</1> river.", "Nach dem Fluss <1>Palouse</1> benannt."),
                                                      ("The Appaloosa <1/> are horses.", "Die Appaloosa <1/> sind Pferde."),
                                                      ("Only a note: <1/> here.", "Nur ein Hinweis: <1/> hier.")])
        #expect(!result.diagnostics.contains { $0.rule == "overlapping-edits" })
        let built = try String(contentsOf: folder.appendingPathComponent("Output/de/page.html"), encoding: .utf8)
        #expect(built.contains("<p>Die Appaloosa <cite>Nach dem Fluss <b>Palouse</b> benannt.</cite> sind Pferde.</p>"))
        // The nested unit with no translation stays English, and says so.
        #expect(built.contains("<p>Nur ein Hinweis: <cite lang=\"en\">Untranslated inside.</cite> hier.</p>"))
    }

    @Test("bad rules: a malformed file or an XPath libxml2 rejects stops with the file and line; a link outside the project or to nothing is a warning")
    func badRules() throws {
        let folder = try project(["page.html": "<p>Hello there.</p>"], rules: "<its:rules xmlns:its=\"http://www.w3.org/2005/11/its\" version=\"2.0\">\n<its:translateRule selector=\"//p\" translate=\"no\">\n</its:rules>\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            try messages(folder)
        } throws: { error in
            (error as? TolkError)?.description.hasPrefix("Locales/its-rules.xml:3: not well-formed XML") == true
        }
        try """
            <its:rules xmlns:its="http://www.w3.org/2005/11/its" version="2.0">
              <its:translateRule selector="//p[" translate="no"/>
            </its:rules>
            """.write(to: folder.appendingPathComponent(ITSContext.projectRulesPath), atomically: true, encoding: .utf8)
        #expect {
            try CatalogUpdate(project: Project(root: folder)).run(newLanguages: ["de"])
        } throws: { error in
            (error as? TolkError)?.description.hasPrefix("Locales/its-rules.xml:2: libxml2 cannot read the XPath \"//p[\"") == true
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Locales/en").path), "something was written")
        try """
            <its:rules xmlns:its="http://www.w3.org/2005/11/its" version="2.0">
              <its:translateRule selector="//p[@id=$missing]" translate="no"/>
            </its:rules>
            """.write(to: folder.appendingPathComponent(ITSContext.projectRulesPath), atomically: true, encoding: .utf8)
        #expect {
            try messages(folder)
        } throws: { error in
            (error as? TolkError)?.description.hasPrefix("Locales/its-rules.xml:2: libxml2 cannot evaluate the XPath \"//p[@id=$missing]\"") == true
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent(ITSContext.projectRulesPath))
        try """
            <!DOCTYPE html>
            <html lang="en"><head>
            <link rel="its-rules" href="../../outside.xml">
            <link rel="its-rules" href="missing.xml">
            <link rel="its-rules" href="https://example.org/rules.xml">
            <link rel="its-rules" href="../rules/linked.xml">
            <script type="application/its+xml">
            <its:rules xmlns:its="http://www.w3.org/2005/11/its" version="2.0">
              <its:translateRule selector="//p[@id='a']" translate="no"/>
            </its:rules>
            </script>
            </head><body><p id="a">Kept.</p><p>Hello there.</p></body></html>
            """.write(to: folder.appendingPathComponent("Input/page.html"), atomically: true, encoding: .utf8)
        // A link to a file inside the project that is a symbolic link to one outside it.
        let outside = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        try Self.brandRule.write(to: outside.appendingPathComponent("rules.xml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("rules/linked.xml").path,
                                                   withDestinationPath: outside.appendingPathComponent("rules.xml").path)
        var pages: [PageExtraction] = []
        try Project(root: folder).forEachPage { pages.append($0) }
        let warnings = pages[0].diagnostics.filter { $0.rule == "its-rules-link" }
        #expect(warnings.map(\.line) == [3, 4, 5, 6])
        #expect(warnings[0].message.contains("outside the project") && warnings[1].message.contains("no file Input/missing.xml")
                && warnings[2].message.contains("never fetches") && warnings[3].message.contains("outside the project"), "\(warnings.map(\.message))")
        #expect(pages[0].segments.map(\.text) == ["Hello there."], "the page's other rules still apply")
        // Malformed rules inside the page: the page and the line in it.
        try "<html><head><script type=\"application/its+xml\">\n<its:rules xmlns:its=\"http://www.w3.org/2005/11/its\" version=\"2.0\">\n<its:oops>\n</its:rules></script></head><body><p>Hi.</p></body></html>"
            .write(to: folder.appendingPathComponent("Input/page.html"), atomically: true, encoding: .utf8)
        #expect {
            try messages(folder)
        } throws: { error in
            (error as? TolkError)?.description.hasPrefix("Input/page.html:4: not well-formed XML") == true
        }
    }

    @Test("a selector that costs too much stops the run with the page or rules file, its line and what to do, instead of hanging it")
    func selectorBudget() throws {
        // 3,000 paragraphs: the cubic selector would need some 10^10 steps there.
        let paragraphs = (1...3000).map { "<p>Paragraph \($0) of the page.</p>" }.joined(separator: "\n")
        let cubic = """
            <script type="application/its+xml">
            <its:rules xmlns:its="http://www.w3.org/2005/11/its" version="2.0">
            <its:translateRule selector="//*[count(//*[count(//*) &gt; 0]) &gt; 0]" translate="no"/>
            </its:rules></script>
            """
        let folder = try project(["big.html": cubic + "\n" + paragraphs])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            try messages(folder)
        } throws: { error in
            let text = (error as? TolkError)?.description ?? "\(error)"
            return text.hasPrefix("Input/big.html:7: the XPath \"//*[count(//*[count(//*) > 0]) > 0]\" costs more than Tolk allows")
                && text.contains("select more narrowly")
        }
        // A quadratic selector in the project's rules on 20,000 elements; the error names the page it ran on.
        try (1...20000).map { "<p>\($0)</p>" }.joined().write(to: folder.appendingPathComponent("Input/big.html"), atomically: true, encoding: .utf8)
        try """
            <its:rules xmlns:its="http://www.w3.org/2005/11/its" version="2.0">
              <its:translateRule selector="//*[count(//*) &gt; 0]" translate="no"/>
            </its:rules>
            """.write(to: folder.appendingPathComponent(ITSContext.projectRulesPath), atomically: true, encoding: .utf8)
        #expect {
            try messages(folder)
        } throws: { error in
            let text = (error as? TolkError)?.description ?? "\(error)"
            return text.hasPrefix("Locales/its-rules.xml:2: the XPath \"//*[count(//*) > 0]\" costs more than Tolk allows")
                && text.hasSuffix("(on Input/big.html)")
        }
        // The same selector on a page of ordinary size is only slow, and applies.
        try "<p>Hello there.</p>".write(to: folder.appendingPathComponent("Input/big.html"), atomically: true, encoding: .utf8)
        #expect(try messages(folder).isEmpty)
    }

    @Test("an entity declaration in a rules file is an error with its line, and libxml2's words become Tolk's")
    func entitiesAndMessages() throws {
        let folder = try project(["page.html": "<p>Hello there.</p>"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent(ITSContext.projectRulesPath)
        // An external entity in a note, and a billion laughs.
        let laughs = (1...9).map { "<!ENTITY lol\($0) \"" + String(repeating: "&lol\($0 - 1);", count: 10) + "\">" }.joined(separator: "\n")
        for declaration in ["<!ENTITY ext SYSTEM \"file:///etc/passwd\">", "<!ENTITY lol0 \"lol\">\n" + laughs] {
            try """
                <?xml version="1.0"?>
                <!DOCTYPE its:rules [
                \(declaration)
                ]>
                <its:rules xmlns:its="http://www.w3.org/2005/11/its" version="2.0">
                  <its:locNoteRule selector="//p" locNoteType="description"><its:locNote>&\(declaration.contains("ext") ? "ext" : "lol9");</its:locNote></its:locNoteRule>
                </its:rules>
                """.write(to: rules, atomically: true, encoding: .utf8)
            #expect {
                try messages(folder)
            } throws: { error in
                (error as? TolkError)?.description.hasPrefix("Locales/its-rules.xml:3: the document declares an entity") == true
            }
        }
        try "<its:rules xmlns:its=\"http://www.w3.org/2005/11/its\" version=\"2.0\">\n<its:translateRule selector=\"foo(//p)\" translate=\"no\"/>\n</its:rules>"
            .write(to: rules, atomically: true, encoding: .utf8)
        #expect {
            try messages(folder)
        } throws: { error in
            (error as? TolkError)?.description == "Locales/its-rules.xml:2: libxml2 cannot evaluate the XPath \"foo(//p)\": it calls a function XPath 1.0 does not have (on Input/page.html)"
        }
        // A 200 KB selector is named by its two ends, not echoed whole.
        let long = "//p[" + String(repeating: "@id='x' or ", count: 20_000) + "foo()]"
        try "<its:rules xmlns:its=\"http://www.w3.org/2005/11/its\" version=\"2.0\">\n<its:translateRule selector=\"\(long)\" translate=\"no\"/>\n</its:rules>"
            .write(to: rules, atomically: true, encoding: .utf8)
        #expect {
            try messages(folder)
        } throws: { error in
            let text = (error as? TolkError)?.description ?? ""
            return text.count < 400 && text.contains("(220,010 characters)") && text.contains("it nests deeper than libxml2 evaluates")
        }
        try ("<its:rules xmlns:its=\"http://www.w3.org/2005/11/its\" version=\"2.0\">" + String(repeating: "<a>", count: 300)
             + String(repeating: "</a>", count: 300) + "</its:rules>").write(to: rules, atomically: true, encoding: .utf8)
        #expect {
            try messages(folder)
        } throws: { error in
            let text = (error as? TolkError)?.description ?? ""
            return text.contains("beyond the limits libxml2 keeps for safety") && !text.contains("XML_PARSE_HUGE")
        }
    }
}
