import Foundation
import Testing
@testable import TolkKit

/// A team's SRX 2.0 segmentation rules: read, mapped to languages, applied in order, and
/// refused with file and line when they cannot be.
@Suite("SRX segmentation rules")
struct SRXTests {
    static func rules(_ body: String, cascade: Bool = true, version: String = "2.0",
                      namespace: String = "http://www.lisa.org/srx20") throws -> SRXRules {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <srx xmlns="\(namespace)" version="\(version)">
              <header segmentsubflows="yes" cascade="\(cascade ? "yes" : "no")"/>
              <body>
            \(body)
              </body>
            </srx>
            """
        return try SRXRules(data: Data(text.utf8), path: "Locales/segmentation.srx")
    }

    static func cut(_ text: String, _ rules: SRXRules, _ language: String = "en") throws -> [String] {
        try Segmenter(locale: language, srx: rules.rules(for: language)).sentences(in: text)
    }

    static let map = """
        <maprules><languagemap languagepattern=".*" languagerulename="All"/></maprules>
        """

    @Test("the first rule that matches at a position decides: a no-break rule before a break rule keeps the text whole, after it not")
    func ruleOrder() throws {
        let noBreakFirst = try Self.rules("""
            <languagerules><languagerule languagerulename="All">
              <rule break="no"><beforebreak>\\bDr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
              <rule break="yes"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
            </languagerule></languagerules>
            """ + Self.map)
        #expect(try Self.cut("Ask Dr. Okafor. She knows.", noBreakFirst) == ["Ask Dr. Okafor.", "She knows."])
        let breakFirst = try Self.rules("""
            <languagerules><languagerule languagerulename="All">
              <rule break="yes"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
              <rule break="no"><beforebreak>\\bDr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
            </languagerule></languagerules>
            """ + Self.map)
        #expect(try Self.cut("Ask Dr. Okafor. She knows.", breakFirst) == ["Ask Dr.", "Okafor.", "She knows."])
        // Where no rule matches there is no break, whatever ICU would say.
        #expect(try Self.cut("One! Two? Three.", noBreakFirst) == ["One! Two? Three."])
    }

    @Test("language maps pick the rules by language code; cascade joins every matching map's rules, in map order")
    func mapsAndCascade() throws {
        let body = """
            <languagerules>
              <languagerule languagerulename="English"><rule break="no"><beforebreak>\\bNo\\.</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule>
              <languagerule languagerulename="Default"><rule break="yes"><beforebreak>[.?!]</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule>
            </languagerules>
            <maprules>
              <languagemap languagepattern="en.*" languagerulename="English"/>
              <languagemap languagepattern=".*" languagerulename="Default"/>
            </maprules>
            """
        let cascading = try Self.rules(body)
        #expect(try Self.cut("Room No. 5 is open. Come in.", cascading) == ["Room No. 5 is open.", "Come in."])
        #expect(try Self.cut("Zimmer No. 5 ist offen. Kommen Sie.", cascading, "de") == ["Zimmer No.", "5 ist offen.", "Kommen Sie."])
        #expect(try cascading.rules(for: "en-GB").count == 2)
        // Without cascade, English gets its own rules only: the no-break rule, and so no break at all.
        let first = try Self.rules(body, cascade: false)
        #expect(try first.rules(for: "en").count == 1)
        #expect(try Self.cut("Room No. 5 is open. Come in.", first) == ["Room No. 5 is open. Come in."])
    }

    @Test("an SRX file a real tool ships (GlobalSight's) reads and cuts as its rules say")
    func realFile() throws {
        let rules = try SRXRules(fileAt: Fixture.url("srx/globalsight.srx").path)
        #expect(try Self.cut("We met Mr. Holmes in the U.K. yesterday. He bought tea etc. and left. Then it rained.", rules)
            == ["We met Mr. Holmes in the U.K. yesterday.", "He bought tea etc. and left.", "Then it rained."])
        #expect(try Self.cut("3. Enter the room. Sit down.", rules, "fr") == ["3. Enter the room.", "Sit down."])
        // Its Japanese rule writes code points as \xff61, which SRX's Java and ICU both read as
        // "\xff" then "61": no ideographic full stop is in the class, so nothing breaks.
        #expect(try Self.cut("これはペンです。それは本です。", rules, "ja") == ["これはペンです。それは本です。"])
    }

    @Test("bad SRX is refused with the file, the line and the problem", arguments: [
        ("<languagerules><languagerule languagerulename=\"All\"><rule><beforebreak>(</beforebreak></rule></languagerule></languagerules>" + map,
         "Locales/segmentation.srx:5: ICU cannot compile the pattern /(/ before, // after (see README: SRX patterns)"),
        ("<languagerules/><maprules><languagemap languagepattern=\".*\" languagerulename=\"None\"/></maprules>",
         "Locales/segmentation.srx:5: <languagemap> names 'None', which no <languagerule> is"),
        ("<languagerules><languagerule languagerulename=\"All\"><rule/></languagerule></languagerules>" + map,
         "Locales/segmentation.srx:5: a <rule> needs a <beforebreak> or an <afterbreak> pattern"),
        ("<languagerules><languagerule languagerulename=\"All\"/><languagerule languagerulename=\"All\"/></languagerules>" + map,
         "Locales/segmentation.srx:5: a second <languagerule> named 'All'"),
    ])
    func badFiles(_ example: (body: String, message: String)) {
        #expect(throws: TolkError.self) { try Self.rules(example.body) }
        do {
            _ = try Self.rules(example.body)
        } catch {
            #expect("\(error)" == example.message)
        }
    }

    @Test("a wrong version, a wrong namespace, a file that is not XML, a language no map matches")
    func badDocuments() throws {
        #expect(throws: TolkError.segmentationRules(path: "Locales/segmentation.srx", line: 2,
                                                    problem: "version=\"1.0\": Tolk reads SRX 2.0 (version=\"2.0\")")) {
            try Self.rules(Self.map, version: "1.0")
        }
        #expect(throws: TolkError.self) { try Self.rules(Self.map, namespace: "urn:other") }
        #expect(throws: TolkError.self) { try SRXRules(data: Data("<srx version=\"2.0\"><body>".utf8), path: "x.srx") }
        let english = try Self.rules("""
            <languagerules><languagerule languagerulename="English"/></languagerules>
            <maprules><languagemap languagepattern="en.*" languagerulename="English"/></maprules>
            """)
        #expect(throws: TolkError.segmentationRules(path: "Locales/segmentation.srx", line: 6,
            problem: "no <languagemap> matches 'de', so Tolk has no rules for it; add one (languagepattern=\".*\" matches every language)")) {
            try english.rules(for: "de")
        }
    }

    @Test("Locales/segmentation.srx changes what extract offers, exactly as its rules say; a bad one stops extract and writes nothing")
    func extractUsesTheProjectRules() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Input"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Locales"), withIntermediateDirectories: true)
        try "<!DOCTYPE html><html lang=\"en\"><head><title>Day</title></head><body><p>Doors open: 9 a.m. Talks follow. Lunch is at one.</p></body></html>\n"
            .write(to: folder.appendingPathComponent("Input/day.html"), atomically: true, encoding: .utf8)
        let project = Project(root: folder)
        _ = try CatalogUpdate(project: project).run(newLanguages: ["de"])
        let template = folder.appendingPathComponent("Locales/en/template.pot")
        func msgids() throws -> [String] {
            try POParser(path: "template.pot").parse(fileAt: template.path).entries.filter { !$0.isHeader && $0.context == nil }.map(\.id)
        }
        #expect(try msgids() == ["Day", "Doors open: 9 a.m.", "Talks follow.", "Lunch is at one."])
        try Data(contentsOf: Fixture.url("srx/team.srx")).write(to: folder.appendingPathComponent("Locales/segmentation.srx"))
        _ = try CatalogUpdate(project: project).run()
        // team.srx: English breaks after a colon, never after "Event No."; every language after [.?!] before a capital.
        #expect(try msgids() == ["Day", "Doors open:", "9 a.m.", "Talks follow.", "Lunch is at one."])
        let before = try Data(contentsOf: template)
        try "<srx version=\"2.0\"><body><maprules><languagemap languagepattern=\"en\" languagerulename=\"X\"/></maprules></body></srx>"
            .write(to: folder.appendingPathComponent("Locales/segmentation.srx"), atomically: true, encoding: .utf8)
        #expect(throws: TolkError.segmentationRules(path: "Locales/segmentation.srx", line: 1,
                                                    problem: "<languagemap> names 'X', which no <languagerule> is")) {
            try CatalogUpdate(project: project).run()
        }
        #expect(try Data(contentsOf: template) == before)
    }
}

/// A change of segmentation rules on the shipped site: every sentence translated before
/// keeps a translation, and going back restores the catalogue's figures exactly.
@Suite("Changing segmentation rules", .serialized)
struct RulesChangeTests {
    /// Per catalogue: words of the active msgids with a translation the build uses, with a
    /// fuzzy one, and with none (the index's own words aside).
    static func figures(_ folder: URL) throws -> (translated: Int, fuzzy: Int, empty: Int) {
        var figures = (translated: 0, fuzzy: 0, empty: 0)
        for path in ["Locales/en/de.po", "Locales/de/en.po"] {
            let catalog = try POParser(path: path).parse(fileAt: folder.appendingPathComponent(path).path)
            for entry in catalog.activeMessages where entry.context != IndexMessage.context {
                let words = MessageText.plainText(entry.id).split(whereSeparator: \.isWhitespace).count
                if !entry.isTranslated { figures.empty += words } else if entry.isFuzzy { figures.fuzzy += words } else { figures.translated += words }
            }
            _ = try GNUGettext.run("msgfmt", ["--check", "-o", "/dev/null", folder.appendingPathComponent(path).path])
        }
        return figures
    }

    static func srx(_ rules: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <srx xmlns="http://www.lisa.org/srx20" version="2.0"><header segmentsubflows="yes" cascade="yes"/><body>
        <languagerules><languagerule languagerulename="All">\(rules)</languagerule></languagerules>
        <maprules><languagemap languagepattern=".*" languagerulename="All"/></maprules></body></srx>
        """
    }

    @Test("sentences split (a break after every comma) or joined (no break inside a paragraph) keep every translated word, fuzzy; back to Tolk's rules, the figures are as before")
    func nothingLost() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot, copying: ["Input", "Locales", SiteConfiguration.fileName])
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = Project(root: folder)
        _ = try CatalogUpdate(project: project).run()
        let before = try Self.figures(folder)
        #expect(before.fuzzy == 0 && before.empty == 0 && before.translated > 500, "\(before)")
        let rules = folder.appendingPathComponent(Project.segmentationRulesPath)
        for change in [
            // Split: the sentences of Tolk's rules, and a break after each comma as well.
            "<rule break=\"yes\"><beforebreak>[.?!,]</beforebreak><afterbreak>\\s</afterbreak></rule>",
            // Joined: a paragraph is one segment.
            "<rule break=\"no\"><beforebreak>.</beforebreak><afterbreak>.</afterbreak></rule>",
        ] {
            try Self.srx(change).write(to: rules, atomically: true, encoding: .utf8)
            _ = try CatalogUpdate(project: project).run()
            let after = try Self.figures(folder)
            #expect(after.empty == 0, "every sentence has a translation, fuzzy for a person to confirm: \(after)")
            #expect(after.translated + after.fuzzy >= before.translated - 40, "\(after) against \(before)")
            try FileManager.default.removeItem(at: rules)
            _ = try CatalogUpdate(project: project).run()
            #expect(try Self.figures(folder) == before, "back to Tolk's rules")
        }
    }
}

extension SRXTests {
    @Test("tolk.toml's segmentation-rules names the SRX file; a path outside the project is refused with its line")
    func namedInConfiguration() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Input"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try "<!DOCTYPE html><html lang=\"en\"><head><title>Day</title></head><body><p>Doors open: at nine. Talks follow.</p></body></html>\n"
            .write(to: folder.appendingPathComponent("Input/day.html"), atomically: true, encoding: .utf8)
        try Data(contentsOf: Fixture.url("srx/team.srx")).write(to: folder.appendingPathComponent("rules/team.srx"))
        try "[site]\nsegmentation-rules = \"rules/team.srx\"\n".write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
        let project = Project(root: folder)
        #expect(try project.segmentationRules()?.path == "rules/team.srx")
        var sentences: [String] = []
        try project.forEachPage { page in sentences += page.segments.map(\.text) }
        #expect(sentences == ["Day", "Doors open:", "at nine.", "Talks follow."])
        try "[site]\nsegmentation-rules = \"../team.srx\"\n".write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
        #expect(throws: TolkError.configuration(path: "tolk.toml", line: 2, key: "site.segmentation-rules",
            problem: "must be the path of an SRX file inside the project, such as \"Locales/segmentation.srx\"")) {
            try project.segmentationRules()
        }
    }
}

extension RulesChangeTests {
    @Test("joined translations carry the placeholders as the new msgid numbers them; a piece of an old msgid is offered its translation")
    func joinedPlaceholders() {
        var old = POCatalog(entries: [POEntry(context: nil, id: "Meet <1>the team</1>."), POEntry(context: nil, id: "Read <1>more</1>, then go.")])
        old.entries[0].translations = ["Treffen Sie <1>das Team</1>."]
        old.entries[1].translations = ["Lesen Sie <1>mehr</1>, dann gehen Sie."]
        let joined = CatalogMerger().merge(existing: old, template: [POEntry(context: nil, id: "Meet <1>the team</1>. Read <2>more</2>, then go.")])
        let entry = joined.entries.first { !$0.isObsolete }
        #expect(entry?.translation == "Treffen Sie <1>das Team</1>. Lesen Sie <2>mehr</2>, dann gehen Sie.")
        #expect(entry?.isFuzzy == true && entry?.previousID == "Meet <1>the team</1>.")
        #expect(joined.entries.filter(\.isObsolete).count == 2, "the old entries stay, with their translations")
        let split = CatalogMerger().merge(existing: old, template: [POEntry(context: nil, id: "then go.")])
        #expect(split.entries.first { !$0.isObsolete }?.translation == "Lesen Sie <1>mehr</1>, dann gehen Sie.")
        #expect(split.entries.first { !$0.isObsolete }?.isFuzzy == true)
    }
}
