import Foundation
import Testing
@testable import TolkKit

/// The translation memory: leverage on extract, scores, TMX both ways, concordance and
/// the agency analysis.
@Suite("Translation memory")
struct MemoryTests {
    static let tmx = Fixture.url("tmx")
    static let analyzeProject = Fixture.url("analyze")

    /// Runs `python3` with `arguments` (Translate Toolkit is a Python package); fails
    /// clearly when it is missing.
    static func python(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GNUGettext.Failure(description: "python3 \(arguments.joined(separator: " ")) failed (Scripts/test installs Translate Toolkit): "
                          + String(decoding: errorData, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The shipped project with a sentence the agency TMX (`Fixtures/tmx/agency.tmx`) has
    /// in other words: "Register <a>here</a> for the workshops." (its tu 4711: "… workshop.").
    static func projectWithWorkshops() throws -> URL {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        let page = folder.appendingPathComponent("Input/relational-leadership.html")
        var html = try String(contentsOf: page, encoding: .utf8)
        let anchor = try #require(html.range(of: "<p>We warmly invite"))
        html.insert(contentsOf: "<p>Register <a href=\"https://example.org/register\">here</a> for the workshops.</p>\n    ", at: anchor.lowerBound)
        try html.write(to: page, atomically: true, encoding: .utf8)
        return folder
    }

    static func catalogue(_ folder: URL, _ path: String = "Locales/en/de.po") throws -> POCatalog {
        try POParser(path: path).parse(String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8))
    }

    // MARK: Leverage

    @Test("one word edited in a translated sentence: extract offers the old translation, fuzzy, with its score and origin line; a second run changes nothing")
    func editedSentence() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.catalogue(folder)
        let old = try #require(before.entries.first { $0.id.hasPrefix("It grew out of frustration with targets and markets") })
        let page = folder.appendingPathComponent("Input/hls-week-2022.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        try html.replacingOccurrences(of: "targets and markets", with: "targets and quasi-markets").write(to: page, atomically: true, encoding: .utf8)

        let result = try CatalogUpdate(project: Project(root: folder)).run()
        #expect(result.summaries.first { $0.path == "Locales/en/de.po" }?.fromMemory == 1)
        let after = try Self.catalogue(folder)
        let entry = try #require(after.activeMessages.first { $0.id.contains("quasi-markets") })
        #expect(entry.isFuzzy && entry.translation == old.translation)
        #expect(entry.previousID == old.id)
        #expect(entry.extractedComments.contains("Memory: 93% from Locales/en/de.po:\(old.translationLine)"))
        // The old entry moved on with it, as msgmerge's fuzzy match would: no obsolete copy.
        #expect(!after.entries.contains { $0.isObsolete && $0.id == old.id })
        _ = try GNUGettext.run("msgfmt", ["--check", "-o", "/dev/null", folder.appendingPathComponent("Locales/en/de.po").path])

        let again = try CatalogUpdate(project: Project(root: folder)).run()
        #expect(again.summaries.allSatisfy { !$0.changed && $0.fromMemory == 0 })
        // A translator confirms it: the mark stays with the msgid, the entry is translated.
        var confirmed = after
        let index = try #require(confirmed.entries.firstIndex { $0.id == entry.id })
        confirmed.entries[index].isFuzzy = false
        confirmed.entries[index].previousID = nil
        try POWriter().write(confirmed).write(to: folder.appendingPathComponent("Locales/en/de.po"), atomically: true, encoding: .utf8)
        _ = try CatalogUpdate(project: Project(root: folder)).run()
        let kept = try #require(try Self.catalogue(folder).activeMessages.first { $0.id == entry.id })
        #expect(!kept.isFuzzy && kept.extractedComments.contains { $0.hasPrefix("Memory: 93%") })
    }

    @Test("a sentence from another project's TMX fills the entry, its link placed by order and kind; the agency TMX is UTF-16 with a BOM")
    func otherProjectTMX() throws {
        let folder = try Self.projectWithWorkshops()
        defer { try? FileManager.default.removeItem(at: folder) }
        let imported = try MemoryImport(project: Project(root: folder)).run(file: Self.tmx.appendingPathComponent("agency.tmx").path)
        #expect(imported.destination == "Locales/memory/agency.tmx" && imported.action == "added")
        #expect(imported.translationUnits == 4 && imported.singleLanguage == 1 && imported.units == 10)

        _ = try CatalogUpdate(project: Project(root: folder)).run()
        let entry = try #require(try Self.catalogue(folder).activeMessages.first { $0.id == "Register <1>here</1> for the workshops." })
        #expect(entry.isFuzzy)
        #expect(entry.translation == "Melden Sie sich <1>hier</1> für den Workshop an.")
        #expect(entry.extractedComments.contains("Memory: 86% from Locales/memory/agency.tmx:6 (tuid 4711)"))
        #expect(entry.previousID == "Register <1>here</1> for the workshop.")
        // Nothing a translator wrote is touched: every translated entry is as it was.
        let shipped = try Self.catalogue(Fixture.repositoryRoot)
        let now = try Self.catalogue(folder)
        for old in shipped.activeMessages where old.isTranslated && !old.isFuzzy {
            #expect(now.activeMessages.first { $0.key == old.key }?.translations == old.translations)
        }
    }

    @Test("below min-match nothing is filled; an exact match in context is taken as translated only with trust-in-context")
    func settings() throws {
        let folder = try temporaryProject(from: Self.analyzeProject)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The fixture's catalogue with the memory's fills taken out again.
        var catalog = try Self.catalogue(folder)
        for index in catalog.entries.indices where catalog.entries[index].isFuzzy {
            catalog.entries[index] = POEntry(id: catalog.entries[index].id)
        }
        try POWriter().write(catalog).write(to: folder.appendingPathComponent("Locales/en/de.po"), atomically: true, encoding: .utf8)
        try "[memory]\nmin-match = 95\n".write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
        _ = try CatalogUpdate(project: Project(root: folder)).run()
        var filled = try Self.catalogue(folder).activeMessages.filter { $0.isTranslated && $0.id != "Open day" }
        #expect(Set(filled.map(\.id)) == ["Tea is served in the hall.", "Bring a friend.", "Children under 12 enter for free."])
        #expect(filled.allSatisfy { $0.isFuzzy })
        #expect(filled.contains { $0.extractedComments.contains("Memory: 98% from Locales/memory/garden-club.tmx:8 (tuid children), numbers differ") })

        try POWriter().write(catalog).write(to: folder.appendingPathComponent("Locales/en/de.po"), atomically: true, encoding: .utf8)
        try "[memory]\nmin-match = 95\ntrust-in-context = true\n".write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
        _ = try CatalogUpdate(project: Project(root: folder)).run()
        filled = try Self.catalogue(folder).activeMessages.filter { $0.isTranslated && !$0.isFuzzy && $0.id != "Open day" }
        #expect(filled.map(\.id) == ["Bring a friend."])
        #expect(filled.first?.extractedComments == ["Memory: 100% from Locales/memory/garden-club.tmx:11 (tuid friend), context match"])

        try "[memory]\nmin-match = 0\n".write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
        #expect(throws: TolkError.self) { try CatalogUpdate(project: Project(root: folder)).run() }
        do {
            _ = try CatalogUpdate(project: Project(root: folder)).run()
        } catch let error as TolkError {
            #expect(error.description.contains("tolk.toml:2") && error.description.contains("min-match"))
        }
    }

    // MARK: Scores

    @Test("scores: same text 100, spacing 99, case and punctuation cost less than a word, a number costs little and is flagged, placeholders count by kind")
    func scores() {
        func score(_ a: String, _ b: String) -> MatchScore {
            MatchScore.of(MatchTokens(a, locale: "en"), MatchTokens(b, locale: "en"))!
        }
        #expect(score("Tea is served in the hall.", "Tea is served in the hall.").score == 100)
        #expect(score("Tea is served in the hall.", "Tea is served  in the hall.").score == 99)
        let word = score("Tea is served in the hall.", "Tea is served in the barn.").score
        let letterCase = score("Tea is served in the hall.", "Tea is served in the Hall.").score
        let punctuation = score("Tea is served in the hall.", "Tea is served in the hall!").score
        #expect(word == 84 && letterCase == 96 && punctuation == 95)
        let number = score("Children under 12 enter for free.", "Children under 14 enter for free.")
        #expect(number.score == 98 && number.numbersDiffer)
        #expect(!score("Tea is served in the hall.", "Tea is served in the barn.").numbersDiffer)
        // Placeholders are compared by kind, not number.
        #expect(score("Read <1>the notes</1> first.", "Read <2>the notes</2> first.").score == 99)
        #expect(score("Read <1>the notes</1> first.", "Read the notes first.").score < 75)
    }

    @Test("placeholders move by order and kind; one that cannot be placed costs 5 points and is named")
    func placeholderTransfer() {
        let moved = PlaceholderTransfer.transfer("Lesen Sie <2>die Hinweise</2> und <1/>.", from: "Read <2>the notes</2> and <1/>.",
                                                 to: "Read <1>the notes</1> and <2/> first.")
        #expect(moved.text == "Lesen Sie <1>die Hinweise</1> und <2/>." && moved.unmapped == 0)
        let lost = PlaceholderTransfer.transfer("Einlass ab<1/>9:00 Uhr.", from: "Doors open at<1/>9:00.", to: "Doors open at 9:30.")
        #expect(lost.text == "Einlass ab9:00 Uhr." && lost.unmapped == 1)
        let index = MemoryIndex([MemoryUnit(sourceLanguage: "en", targetLanguage: "de", source: "Doors open at<1/>9:00.",
                                            target: "Einlass ab<1/>9:00 Uhr.", origin: MemoryOrigin(file: "m.tmx", line: 3))],
                                from: "en", to: "de")
        let match = index.best(for: "Doors open at 9:30.", minimum: 1)
        #expect(match?.unmappedPlaceholders == 1)
        #expect(match.map { MemoryLeverage.comment(for: $0) } == "Memory: 78% from m.tmx:3, numbers differ, 1 placeholder(s) to place")
    }

    @Test("the index finds what comparing every unit finds, on 2,000 W3C sentences", .needsShared("corpus/w3c-i18n"))
    func indexIsComplete() throws {
        let folder = Fixture.shared.appendingPathComponent("corpus/w3c-i18n/articles")
        var sentences: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".en.html") {
            let page = try PageExtraction.extract(path: name, bytes: [UInt8](Data(contentsOf: folder.appendingPathComponent(name))))
            for unit in page.units { sentences += unit.segments.filter(\.isTranslatable).map(\.text) }
            if sentences.count > 2_400 { break }
        }
        let memory = sentences.prefix(2_000).enumerated().map {
            MemoryUnit(sourceLanguage: "en", targetLanguage: "de", source: $0.element, target: $0.element,
                       origin: MemoryOrigin(file: "m", line: $0.offset))
        }
        let index = MemoryIndex(memory, from: "en", to: "de")
        let queries = sentences.dropFirst(2_000).prefix(200).map { $0 } + sentences.prefix(50).map { $0 + " Again." }
        var found = 0
        for query in queries {
            let tokens = MatchTokens(query, locale: "en")
            let brute = index.units.map { MatchScore.of(tokens, MatchTokens($0.source, locale: "en"))!.score }.max() ?? 0
            let indexed = index.best(for: query, minimum: 75)?.score
            if brute >= 75 { found += 1 }
            #expect(indexed == (brute >= 75 ? brute : nil), "\(query)")
        }
        #expect(found >= 20, "the queries should include matches to find (\(found))")
    }

    // MARK: TMX

    @Test("memory export validates against the TMX 1.4 DTD and Translate Toolkit reads it back unit for unit, with the pages' markup in the codes")
    func exportReadsInTranslateToolkit() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("memory.tmx")
        let result = try MemoryExport(project: Project(root: folder), language: "de").write(to: file.path)
        let dtd = Fixture.shared.appendingPathComponent("conformance/tmx14/tmx14.dtd")
        if FileManager.default.fileExists(atPath: dtd.path) {
            _ = try GNUGettext.run("xmllint", ["--noout", "--dtdvalid", dtd.path, file.path])
        }
        let units = try ProjectMemory(project: Project(root: folder)).units().filter { $0.targetLanguage == "de" }
        #expect(result.units == units.count && result.units > 50)
        let script = """
            import json, sys
            from translate.storage import tmx
            store = tmx.tmxfile.parsefile(sys.argv[1])
            print(json.dumps([[u.getid(), u.source, u.target] for u in store.units]))
            """
        let read = try JSONDecoder().decode([[String]].self, from: Data(try Self.python(["-c", script, file.path]).utf8))
        #expect(read.count == units.count)
        let xml = try String(contentsOf: file, encoding: .utf8)
        #expect(xml.contains("<bpt i=\"1\" x=\"1\">&lt;abbr title=\"Human Learning Systems\"&gt;</bpt>HLS<ept i=\"1\">&lt;/abbr&gt;</ept>"))
        // Translate Toolkit gives the text with the codes' markup in place of each placeholder.
        let withMarkup = try #require(read.first { $0[1].contains("<abbr title=\"Human Learning Systems\">HLS</abbr>") })
        #expect(withMarkup[2].contains("<abbr title=\"Human Learning Systems\">HLS</abbr>"))
        for (unit, row) in zip(units, read) where !unit.source.contains("<") {
            #expect(row[1] == MessageText.plainText(unit.source) && row[2] == MessageText.plainText(unit.target))
        }
        // And Tolk reads its own export back to the same units.
        let back = try TMXDocument.read(Data(contentsOf: file), path: "memory.tmx").units.filter { $0.sourceLanguage == "en" }
        #expect(back.map(\.source) == units.map(\.source) && back.map(\.target) == units.map(\.target))
        #expect(back.map(\.page) == units.map(\.page) && back.map(\.previous) == units.map(\.previous))
    }

    @Test("a TMX written by Translate Toolkit's po2tmx imports with every unit, and its placeholders stay placeholders")
    func po2tmxImports() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("po2tmx.tmx")
        _ = try Self.python(["-m", "translate.convert.po2tmx", "--language=de", "--source-language=en",
                             folder.appendingPathComponent("Locales/en/de.po").path, file.path])
        let translated = try Self.catalogue(folder).activeMessages.filter { $0.isTranslated && !$0.isFuzzy }
        let result = try MemoryImport(project: Project(root: folder)).run(file: file.path)
        #expect(result.translationUnits == translated.count && result.units == 2 * translated.count)
        let units = try TMXDocument.read(Data(contentsOf: file), path: "po2tmx.tmx").units.filter { $0.sourceLanguage == "en" }
        #expect(Set(units.map(\.source)) == Set(translated.map(\.id)))
        let hls = try #require(units.first { $0.source.hasPrefix("Human Learning Systems, or <1>HLS</1>") })
        #expect(MessageText.parse(hls.source).contains(.open(1)))
    }

    @Test("TMX as tools write it: UTF-16 with a BOM, tuv in any order, three languages in one tu, hi, TMX 1.1 with lang and ut in ISO-8859-1")
    func readsRealTMX() throws {
        let agency = try TMXDocument.read(Data(contentsOf: Self.tmx.appendingPathComponent("agency.tmx")), path: "agency.tmx")
        #expect(agency.version == "1.4" && agency.languages == ["de-DE", "en-US", "fr-FR"])
        let toGerman = agency.units.filter { $0.sourceLanguage == "en-US" && $0.targetLanguage == "de-DE" }
        #expect(toGerman.map(\.source) == ["Register <1>here</1> for the workshop.", "The session is led by two practitioners from Glasgow.",
                                           "Doors open at<1/>9:00."])
        #expect(toGerman[0].target == "Melden Sie sich <1>hier</1> für den Workshop an." && toGerman[0].origin.tuid == "4711")
        #expect(toGerman[0].codes[1] == OriginalCode(start: "<a href=\"/register\">", end: "</a>"))
        #expect(agency.units.contains { $0.sourceLanguage == "fr-FR" && $0.targetLanguage == "de-DE" })
        let legacy = try TMXDocument.read(Data(contentsOf: Self.tmx.appendingPathComponent("legacy-1.1.tmx")), path: "legacy-1.1.tmx")
        #expect(legacy.version == "1.1" && legacy.units.count == 2)
        #expect(legacy.units.first { $0.sourceLanguage == "en-US" }?.target == "Willkommen zum Tag der <1/>Sozialpädagogik<2/>.")
    }

    @Test("a TMX Tolk cannot read is refused with its line, and nothing is copied", arguments: [
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [ <!ENTITY secret SYSTEM \"file:///etc/passwd\"> ]>\n<tmx version=\"1.4\"><header/><body/></tmx>",
         ":2:", "declares an entity"),
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\"><seg>&b;</seg></tuv></tu></body></tmx>",
         ":3:", "declares an entity"),
        ("<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"/>", ":2:", "not a TMX document"),
        ("<tmx version=\"2.0\"><header/><body/></tmx>", ":1:", "Tolk reads 1.1 to 1.4b"),
        ("<tmx version=\"1.4\"><header/><body>\n<tu><tuv><seg>x</seg></tuv></tu></body></tmx>", ":2:", "without a language"),
        ("<tmx version=\"1.4\"><header/><body>\n<tu><tuv xml:lang=\"en\"><seg>a<ept i=\"1\">x</ept></seg></tuv></tu></body></tmx>", ":2:", "no <bpt i=\"1\">"),
        ("<tmx version=\"1.4\"><header/><body>\n<tu><tuv xml:lang=\"en\"><seg>a<b>x</b></seg></tuv></tu></body></tmx>", ":2:", "<b> in <seg>"),
        ("<tmx version=\"1.4\"><header/><body>\n<tu><tuv xml:lang=\"en\"><seg>a&#x9B;b</seg></tuv></tu></body></tmx>", ":2:", "U+009B"),
        ("<tmx version=\"1.4\"><header/><body>\n<tu><tuv xml:lang=\"en\"><seg>" + String(repeating: "x", count: 70_000)
            + "</seg></tuv></tu></body></tmx>", ":2:", "a segment of 70000 characters"),
        ("<tmx version=\"1.4\"><header/><body><tu>", ":1:", "not well-formed"),
    ])
    func refusesBadTMX(text: String, line: String, problem: String) throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.tmx")
        try text.write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try MemoryImport(project: Project(root: folder)).run(file: file.path)
            Issue.record("accepted: \(problem)")
        } catch let error as TolkError {
            #expect(error.description.contains("bad.tmx" + line) && error.description.contains(problem), "\(error.description)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Locales/memory").path))
    }

    @Test("import --dry-run copies nothing; the same file again is unchanged; a bad TMX in Locales/memory/ stops extract before anything is written")
    func importAndExtractSafety() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let agency = Self.tmx.appendingPathComponent("agency.tmx").path
        #expect(try MemoryImport(project: Project(root: folder), dryRun: true).run(file: agency).written == false)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Locales/memory").path))
        #expect(try MemoryImport(project: Project(root: folder)).run(file: agency).action == "added")
        #expect(try MemoryImport(project: Project(root: folder)).run(file: agency).action == "unchanged")
        try "<tmx version=\"1.4\"><header/><body>\n<tu><tuv><seg>x</seg></tuv></tu></body></tmx>"
            .write(to: folder.appendingPathComponent("Locales/memory/broken.tmx"), atomically: true, encoding: .utf8)
        let page = folder.appendingPathComponent("Input/berlin.html")
        try (String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "</main>", with: "<p>A new sentence.</p></main>"))
            .write(to: page, atomically: true, encoding: .utf8)
        let before = try String(contentsOf: folder.appendingPathComponent("Locales/en/de.po"), encoding: .utf8)
        #expect(throws: TolkError.self) { try CatalogUpdate(project: Project(root: folder)).run() }
        #expect(try String(contentsOf: folder.appendingPathComponent("Locales/en/de.po"), encoding: .utf8) == before)
    }

    @Test("the TMX files' units are cached in .tolk/memory-cache: the same units from the cache, a changed file read again, a damaged cache ignored")
    func memoryCache() throws {
        let folder = try temporaryProject(from: Self.analyzeProject)
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = ProjectMemory(project: try Project(root: folder))
        let cache = folder.appendingPathComponent(".tolk/memory-cache")
        let first = try memory.tmxUnits()
        #expect(first.count == 12 && FileManager.default.fileExists(atPath: cache.path))
        let written = try Data(contentsOf: cache)
        #expect(try memory.tmxUnits() == first)
        #expect(try Data(contentsOf: cache) == written, "an unchanged memory leaves the cache as it was")
        // The file changes: its units are read again, not taken from the cache.
        let tmx = folder.appendingPathComponent("Locales/memory/garden-club.tmx")
        try String(contentsOf: tmx, encoding: .utf8).replacingOccurrences(of: "Hunde sind willkommen.", with: "Hunde sind gern gesehen.")
            .write(to: tmx, atomically: true, encoding: .utf8)
        #expect(try memory.tmxUnits().contains { $0.target == "Hunde sind gern gesehen." })
        // A damaged cache is read as no cache.
        try Data("not a cache".utf8).write(to: cache)
        #expect(try memory.tmxUnits().count == 12)
    }

    // MARK: Concordance and analysis

    @Test("memory search lists the sources holding a text, then close ones, with translation, score and origin")
    func search() throws {
        let folder = try temporaryProject(from: Self.analyzeProject)
        defer { try? FileManager.default.removeItem(at: folder) }
        let found = try MemorySearch(project: Project(root: folder), language: "de").run("garden opens")
        #expect(found.first?.unit.source == "The garden opens at eleven." && found.first?.unit.target == "Der Garten öffnet um elf.")
        #expect(found.first.map { MemorySearch.holds($0, "Garden OPENS") } == true, "a hit says it holds the text")
        #expect(found.first?.unit.origin == MemoryOrigin(file: "Locales/memory/garden-club.tmx", line: 7, tuid: "garden"))
        let close = try MemorySearch(project: Project(root: folder), language: "de").run("Parking is free for visitors.")
        #expect(close.first?.unit.source == "Parking is free for Visitors!" && close.first?.score == 90)
        #expect(close.first.map { MemorySearch.holds($0, "Parking is free for visitors.") } == false, "a fuzzy match shows its score")
        let json = try MemorySearchReport(found).json()
        #expect(json.contains("\"tuid\" : \"garden\"") && json.contains("\"score\""))
        #expect(try MemorySearch(project: Project(root: folder), language: "de").run("nothing like it").isEmpty)
    }

    @Test("analyze: the bands of a small project, counted by hand, add up to its total, per page and in all")
    func analysis() throws {
        let folder = try temporaryProject(from: Self.analyzeProject)
        defer { try? FileManager.default.removeItem(at: folder) }
        let analysis = try TranslationAnalysis.run(Project(root: folder), language: "de")
        func figures(_ bands: [MatchBand: JobFigures], _ band: MatchBand) -> [Int] {
            let value = bands[band] ?? JobFigures()
            return [value.segments, value.words, value.characters]
        }
        // Counted by hand: Input/a.html then Input/b.html, "Open day" translated.
        let expected: [MatchBand: [Int]] = [
            .context: [1, 3, 13],     // "Bring a friend." on a.html, between the same sentences
            .exact: [3, 15, 55],      // "Tea is served in the hall." twice, "Bring a friend." on b.html
            .repetition: [1, 3, 12],  // "See you there." again on b.html
            .high: [1, 6, 28],        // "Children under 12 …" (the memory says 14): 98
            .good: [1, 5, 25],        // "Parking is free for visitors." (Visitors!): 90
            .fair: [2, 10, 41],       // "The garden opens at nine." and "… ten." (eleven): 81
            .low: [1, 6, 22],         // "Dogs are welcome on a lead." (Dogs are welcome.): 52
            .none: [1, 3, 12],        // "See you there." on a.html
        ]
        for band in MatchBand.allCases {
            #expect(figures(analysis.total, band) == expected[band], "\(band)")
        }
        var sum = JobFigures()
        for figures in analysis.total.values { sum.add(figures) }
        let sums: [Int] = [sum.segments, sum.words, sum.characters]
        #expect(sums == [11, 51, 208])
        #expect(analysis.pages.map(\.path) == ["Input/a.html", "Input/b.html"])
        for band in MatchBand.allCases {
            let pages = analysis.pages.map { figures($0.bands, band) }.reduce([0, 0, 0]) { zip($0, $1).map(+) }
            #expect(pages == expected[band], "pages add up for \(band)")
        }
        let csv = analysis.csv()
        #expect(csv.hasPrefix("language,page,band,segments,words,characters\r\nde,,context,1,3,13\r\n"))
        #expect(csv.contains("de,Input/b.html,repetition,1,3,12\r\n"))
        let json = try JSONSerialization.jsonObject(with: Data(try analysis.json().utf8)) as? [String: Any]
        let total = (json?["total"] as? [String: Any])?["total"] as? [String: Int]
        #expect(total == ["segments": 11, "words": 51, "characters": 208])
        #expect(analysis.table().contains("  total               11        51         208"))
    }
}
