import Foundation
import Testing
@testable import TolkKit

/// `tolk build` on a fixture project whose catalogue holds good, reordered, broken and
/// hostile translations.
@Suite("Build")
struct BuildTests {
    /// Builds a temporary copy of `Fixtures/build` and returns the folder and the result.
    func buildFixture(minimumCompletion: Double? = nil, baseURL: String? = nil) throws -> (URL, SiteBuild.Result) {
        let folder = try temporaryProject(from: Fixture.url("build"))
        return (folder, try SiteBuild(project: Project(root: folder), minimumCompletion: minimumCompletion, baseURL: baseURL).run())
    }

    func read(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    /// The line of `html` holding `marker`.
    func line(_ html: String, _ marker: String) -> String {
        html.split(separator: "\n").first { $0.contains(marker) }.map { String($0).trimmingHTMLWhitespace() } ?? "<no line with \(marker)>"
    }

    @Test("translations replace the source text; the source's tags come back with all their attributes")
    func translatedUnits() throws {
        let (folder, _) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try read(folder, "Output/de/event.html")
        #expect(line(page, "<h1>") == "<h1>Frühjahrsworkshop</h1>")
        #expect(line(page, "das Team") == #"<p>Lernen Sie <a href="https://example.org/team" title="Unser &quot;Team&quot; &amp; mehr" data-x='single "quoted"'>das Team</a> kennen und <strong>lernen</strong> Sie schnell.</p>"#)
        #expect(line(page, "<img") == #"<img src="photo.jpg" alt="Ein Foto des Raums">"#)
        #expect(line(page, "<title>") == "<title>Frühjahrsworkshop</title>")
        #expect(line(page, "og:title") == #"<meta property="og:title" content="Frühjahrsworkshop">"#)
    }

    @Test("translators may reorder placeholders")
    func reordered() throws {
        let (folder, _) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(line(try read(folder, "Output/de/event.html"), "Wörter") == "<p><strong>Wörter</strong> <em>umstellen</em>.</p>")
    }

    @Test("a translation with broken placeholders is refused, named, and the unit falls back marked lang=en")
    func refused() throws {
        let (folder, result) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(line(try read(folder, "Output/de/event.html"), "Broken one") == #"<p lang="en">Broken one <b>here</b>.</p>"#)
        #expect(result.diagnostics.map(\.description).contains("Locales/en/de.po:27: warning: translation not used (placeholders are badly nested: <1> is never closed); Input/event.html:17 stays in en"))
        let refused = try #require(result.diagnostics.first { $0.rule == "translation-refused" })
        #expect(refused.severity == .warning && refused.file == "Locales/en/de.po" && refused.line == 27)
        #expect(refused.sourceFile == "Input/event.html" && refused.sourceLine == 17 && refused.msgid != nil)
    }

    @Test("typed markup in a translation is text, never markup")
    func hostile() throws {
        let (folder, _) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try read(folder, "Output/de/event.html")
        #expect(line(page, "Feindlicher") == "<p>Feindlicher <i>Text</i>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; &amp;amp; &lt;3/&gt;.</p>")
        let document = HTMLParser.parse(page)
        var scripts = 0, images = 0
        func count(_ element: HTMLElement) {
            if element.name == "script" { scripts += 1 }
            if element.name == "img" { images += 1 }
            element.children.forEach { if case let .element(child) = $0 { count(child) } }
        }
        count(document.root)
        #expect(scripts == 1 && images == 1, "only the source's own script and image")
    }

    @Test("untranslated and fuzzy text keeps its source, marked with its language")
    func fallbackMarking() throws {
        let (folder, result) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try read(folder, "Output/de/event.html")
        #expect(line(page, "Nobody") == #"<p lang="en">Nobody translated this &amp; that.</p>"#)
        #expect(line(page, "First sentence") == #"<p><span lang="en">First sentence stays.</span> Der zweite Satz ist übersetzt.</p>"#)
        let report = try #require(result.pages.first { $0.output == "Output/de/event.html" })
        #expect(report.segments == 13 && report.translated == 10)
    }

    @Test("everything else is copied byte for byte: comments, scripts, entities, quoting")
    func untouchedBytes() throws {
        let (folder, _) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try read(folder, "Output/de/event.html")
        #expect(page.contains("  <!-- Keep this comment &amp; its entity exactly. -->\n  <script>if (a < b && c > d) { document.title = \"x\"; }</script>\n"))
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n  <meta charset=\"utf-8\">\n"))
        // The page's own language comes back as written, plus its language links.
        let english = try read(folder, "Output/en/event.html")
        let source = try read(folder, "Input/event.html")
        let links = """

              <link rel="alternate" hreflang="de" href="../de/event.html">
              <link rel="alternate" hreflang="en" href="../en/event.html">
              <link rel="alternate" hreflang="x-default" href="../en/event.html">
            """
        #expect(english == source.replacingOccurrences(of: "</script>\n</head>", with: "</script>" + links + "\n</head>"))
    }

    @Test("dates are rendered by ICU in the page's language, ranges by the interval formatter")
    func dates() throws {
        let (folder, _) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(line(try read(folder, "Output/de/event.html"), "class=\"when\"")
            == #"<p class="when"><time datetime="2023-04-18T09:00+02:00">Dienstag, 18. April 2023, 09:00</time>–<time datetime="2023-04-18T11:30+02:00">11:30 Uhr</time></p>"#)
        let renderer = DateRenderer(sourceLocale: "en", locale: "de")
        #expect(renderer.render("2022-10-13", original: "Thursday, 13 October") == "Donnerstag, 13. Oktober")
        #expect(renderer.render("2016-10", original: "October 2016") == "Oktober 2016")
        #expect(renderer.render("2022-10-12", original: "12 October") == "12. Oktober")
        let range = renderer.renderRange(("2022-10-11T10:00+01:00", "Tuesday, 11 October 2022, 10:00"), ("2022-10-11T12:00+01:00", "12:00"))
        #expect(range.map { $0.first + $0.separator + $0.second } == "Dienstag, 11. Oktober 2022, 10:00–12:00 Uhr")
        // The event's own offset is kept: 10:00 at +01:00 is shown as 10:00, not converted.
        let english = DateRenderer(sourceLocale: "de", locale: "en")
        #expect(english.render("2022-10-13T09:30+01:00", original: "9:30") == "9:30\u{202F}AM")
    }

    @Test("html lang, og:locale and hreflang alternates follow the language")
    func languageMetadata() throws {
        let (folder, _) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try read(folder, "Output/de/event.html")
        #expect(page.contains("<html lang=\"de\">"))
        #expect(line(page, "og:locale") == #"<meta property="og:locale" content="de_DE">"#)
        #expect(line(page, "hreflang=\"en\"") == #"<link rel="alternate" hreflang="en" href="../en/event.html">"#)
        #expect(line(page, "x-default") == #"<link rel="alternate" hreflang="x-default" href="../en/event.html">"#)
    }

    @Test("the index lists the events with a real ICU plural, in each language")
    func index() throws {
        let (folder, _) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The fixture catalogue has no index messages: German falls back to English, marked.
        let german = try read(folder, "Output/de/index.html")
        #expect(german.contains("<h1 lang=\"en\">Events</h1>"))
        #expect(german.contains("<p lang=\"en\">1 event</p>"))
        #expect(german.contains("<a id=\"event-1\" href=\"event.html\">Frühjahrsworkshop</a><br><time datetime=\"2023-04-18T09:00+02:00\">Dienstag, 18. April 2023, 09:00</time>–<time datetime=\"2023-04-18T11:30+02:00\">11:30 Uhr</time>"))
        // "Read more" is described by its event's title, so that a screen reader tells the links apart.
        #expect(german.contains("<a href=\"event.html\" aria-describedby=\"event-1\" lang=\"en\">Read more</a>"))
        // The shipped catalogue translates them: four events, German plural.
        #expect(ICUFormat.message("{count, plural, one {# Veranstaltung} other {# Veranstaltungen}}", locale: "de",
                                  arguments: ["count": .number(1)]) == .success("1 Veranstaltung"))
        #expect(ICUFormat.message("{count, plural, one {# Veranstaltung} other {# Veranstaltungen}}", locale: "de",
                                  arguments: ["count": .number(4)]) == .success("4 Veranstaltungen"))
    }

    @Test("with a base URL the sitemap lists every page with absolute hreflang alternates, and pages carry canonical and absolute links")
    func sitemap() throws {
        let (folder, _) = try buildFixture(baseURL: "https://events.example.org/")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sitemap = try read(folder, "Output/sitemap.xml")
        #expect(sitemap.contains("""
              <url>
                <loc>https://events.example.org/de/event.html</loc>
                <xhtml:link rel="alternate" hreflang="de" href="https://events.example.org/de/event.html"/>
                <xhtml:link rel="alternate" hreflang="en" href="https://events.example.org/en/event.html"/>
                <xhtml:link rel="alternate" hreflang="x-default" href="https://events.example.org/en/event.html"/>
              </url>
            """))
        // The language chooser, two index pages, the page in two languages.
        #expect(sitemap.components(separatedBy: "<url>").count - 1 == 5)
        let page = try read(folder, "Output/de/event.html")
        #expect(page.contains(#"<link rel="canonical" href="https://events.example.org/de/event.html">"#))
        #expect(page.contains(#"<link rel="alternate" hreflang="en" href="https://events.example.org/en/event.html">"#))
    }

    @Test("without a base URL there is no sitemap (its protocol allows only absolute URLs), and the build says why")
    func noSitemapWithoutAddress() throws {
        let (folder, result) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/sitemap.xml").path))
        #expect(result.diagnostics.contains { $0.rule == "sitemap-not-written" && $0.fix?.contains("base-url") == true })
        #expect(!(try read(folder, "Output/de/event.html")).contains("rel=\"canonical\""))
    }

    @Test("--min-completion skips pages below the share, and says so")
    func minimumCompletion() throws {
        let (folder, result) = try buildFixture(minimumCompletion: 80, baseURL: "https://events.example.org/")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/de/event.html").path))
        #expect(result.diagnostics.map(\.description).contains("Output/de/event.html: note: not written: 76.9% translated, below --min-completion 80%"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/en/event.html").path))
        // Nothing links to the page that was not written: not the English page, not the sitemap.
        let english = try read(folder, "Output/en/event.html")
        #expect(!english.contains("hreflang=\"de\""), "the English page links to a German page that was not written")
        #expect(!english.contains("<link rel=\"alternate\""), "one version left: no language links at all")
        let sitemap = try read(folder, "Output/sitemap.xml")
        #expect(!sitemap.contains("de/event.html"))
    }

    @Test("a malformed catalogue stops the build before anything is written")
    func malformedCatalogue() throws {
        let folder = try temporaryProject(from: Fixture.url("build"))
        defer { try? FileManager.default.removeItem(at: folder) }
        try "msgid \"x\"\nmsgstr \"y\n".write(to: folder.appendingPathComponent("Locales/en/fr.po"), atomically: true, encoding: .utf8)
        #expect(throws: TolkError.malformedCatalog(path: "Locales/en/fr.po", line: 2, problem: "string is not terminated (missing closing quote)")) {
            try SiteBuild(project: Project(root: folder)).run()
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output").path))
    }

    @Test("an Output that cannot be written is named in the error")
    func unwritableOutput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Fixture.url("build/Input"), to: folder.appendingPathComponent("Input"))
        try "not a folder".write(to: folder.appendingPathComponent("Output"), atomically: true, encoding: .utf8)
        #expect {
            try SiteBuild(project: Project(root: folder)).run()
        } throws: { error in
            guard case let TolkError.unwritableFile(path, _) = error else { return false }
            return path == "Output/en/event.html"
        }
    }

    @Test("a broken page is still built, from libxml2's repair, with a warning naming the line")
    func brokenPage() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Input"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixture.url("html/broken.html"), to: folder.appendingPathComponent("Input/broken.html"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Locales/en"), withIntermediateDirectories: true)
        try "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgid \"Still <1>extracted</1> after the errors.\"\nmsgstr \"Trotz der Fehler <1>extrahiert</1>.\"\n"
            .write(to: folder.appendingPathComponent("Locales/en/de.po"), atomically: true, encoding: .utf8)
        let result = try SiteBuild(project: Project(root: folder), baseURL: "https://events.example.org").run()
        #expect(result.diagnostics.map(\.description).contains("Input/broken.html:6: warning: Unexpected end tag : span (repaired)"))
        let page = try read(folder, "Output/de/broken.html")
        #expect(page.contains("<p>Trotz der Fehler <b>extrahiert</b>.</p>"))
        #expect(page.contains("<p lang=\"en\">A stray closing tag follows.</span></p>"), "the stray tag stays as written")
        let sitemap = try read(folder, "Output/sitemap.xml")
        #expect(sitemap.contains("<loc>https://events.example.org/de/broken.html</loc>"))
    }

    @Test("a second build reuses the cache; a changed page or translation rebuilds only what depends on it")
    func incremental() throws {
        let (folder, first) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(first.rebuiltPages == 1)
        let project = Project(root: folder)
        let page = try read(folder, "Output/de/event.html")

        let second = try SiteBuild(project: project).run()
        #expect(second.rebuiltPages == 0)
        #expect(second.pages == first.pages, "reports come back from the cache")
        #expect(second.diagnostics == first.diagnostics, "and so do the warnings")
        #expect(try read(folder, "Output/de/event.html") == page)

        // A translation the page uses changes: the page is rebuilt with it.
        let catalog = folder.appendingPathComponent("Locales/en/de.po")
        try String(contentsOf: catalog, encoding: .utf8).replacingOccurrences(of: "Nächste Veranstaltung", with: "Weiter")
            .write(to: catalog, atomically: true, encoding: .utf8)
        #expect(try SiteBuild(project: project).run().rebuiltPages == 1)
        #expect(line(try read(folder, "Output/de/event.html"), "next.html") == #"<p><a href="next.html">Weiter</a></p>"#)

        // A new time on the same bytes (a checkout, a copy, a restored CI cache) changes
        // nothing; an output edited by hand, even to the same size, is written again.
        let later = Date().addingTimeInterval(60)
        for file in ["Input/event.html", "Locales/en/de.po", "Output/de/event.html", "Output/de/index.html"] {
            try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: folder.appendingPathComponent(file).path)
        }
        #expect(CatalogSnapshot.load(key: "en~de", in: folder, catalogPath: folder.appendingPathComponent("Locales/en/de.po").path)
            != nil, "the catalogue's copy is still good: its hash, taken while the catalogue was parsed, matches")
        let cacheFile = folder.appendingPathComponent(".tolk/build-cache").path
        let saved = try FileManager.default.attributesOfItem(atPath: cacheFile)[.modificationDate] as? Date
        #expect(try SiteBuild(project: project).run().rebuiltPages == 0)
        let resaved = try FileManager.default.attributesOfItem(atPath: cacheFile)[.modificationDate] as? Date
        #expect(resaved != saved, "the new times are recorded, so the next build need not read the files again")
        let built = try read(folder, "Output/de/event.html")
        try built.replacingOccurrences(of: "Weiter", with: "WEITER").write(to: folder.appendingPathComponent("Output/de/event.html"),
                                                                            atomically: true, encoding: .utf8)
        #expect(try SiteBuild(project: project).run().rebuiltPages == 1)
        #expect(try read(folder, "Output/de/event.html") == built)

        // An output deleted by hand is written again.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Output/de/event.html"))
        #expect(try SiteBuild(project: project).run().rebuiltPages == 1)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/de/event.html").path))

        // The index is written again when it was deleted, or when a title it shows changed.
        let index = try read(folder, "Output/de/index.html")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Output/de/index.html"))
        let again = try SiteBuild(project: project).run()
        #expect(again.extraFiles.contains("Output/de/index.html") && again.diagnostics == first.diagnostics)
        #expect(try read(folder, "Output/de/index.html") == index)
        let source = folder.appendingPathComponent("Input/event.html")
        let html = try String(contentsOf: source, encoding: .utf8)
        let title = try #require(html.firstRange(of: #/<h1>[^<]*</h1>/#))
        try html.replacingCharacters(in: title, with: "<h1>A renamed event</h1>").write(to: source, atomically: true, encoding: .utf8)
        _ = try SiteBuild(project: project).run()
        #expect(try read(folder, "Output/en/index.html").contains(">A renamed event</a>"))

        // The cache is safe to delete, and --full ignores it.
        #expect(try SiteBuild(project: project, incremental: false).run().rebuiltPages == 1)
        try FileManager.default.removeItem(at: folder.appendingPathComponent(".tolk"))
        #expect(try SiteBuild(project: project).run().rebuiltPages == 1)
    }

    @Test("a damaged or truncated build cache is ignored: the next build is a full one, with the same pages")
    func damagedCache() throws {
        let (folder, _) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = Project(root: folder)
        let page = try read(folder, "Output/de/event.html")
        let cache = folder.appendingPathComponent(".tolk/build-cache")
        let copy = folder.appendingPathComponent(".tolk/catalog-en~de")
        let whole = try Data(contentsOf: cache)
        let catalogCopy = try Data(contentsOf: copy)
        // Files an earlier Tolk kept in .tolk/ are cleared away by the next save.
        for old in ["page-keys", "catalog-de.json"] {
            try Data("{}".utf8).write(to: folder.appendingPathComponent(".tolk/\(old)"))
        }
        for damage in [whole.prefix(whole.count / 2), Data("not a cache".utf8), Data(repeating: 0xFF, count: 64), Data()] {
            try damage.write(to: cache)
            try catalogCopy.prefix(catalogCopy.count - 3).write(to: copy)
            try FileManager.default.removeItem(at: folder.appendingPathComponent("Output/de/event.html"))
            #expect(try SiteBuild(project: project).run().rebuiltPages == 1)
            #expect(try read(folder, "Output/de/event.html") == page)
            #expect(try SiteBuild(project: project).run().rebuiltPages == 0, "and the rewritten cache is used again")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".tolk").path).sorted()
            == ["build-cache", "catalog-en~de", "manifest"])
    }

    @Test("after a page-only rebuild, a catalogue change still rebuilds only the pages using that entry")
    func incrementalKeepsPageKeys() throws {
        let (folder, _) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = Project(root: folder)
        let other = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Other page</title></head>\n<body><p>Only here.</p></body>\n</html>\n"
        try other.write(to: folder.appendingPathComponent("Input/other.html"), atomically: true, encoding: .utf8)
        #expect(try SiteBuild(project: project).run().rebuiltPages == 1, "only the new page")
        let catalog = folder.appendingPathComponent("Locales/en/de.po")
        try (String(contentsOf: catalog, encoding: .utf8) + "\nmsgid \"Only here.\"\nmsgstr \"Nur hier.\"\n")
            .write(to: catalog, atomically: true, encoding: .utf8)
        #expect(try SiteBuild(project: project).run().rebuiltPages == 1, "only the page that uses the entry")
        #expect(try read(folder, "Output/de/other.html").contains("<p>Nur hier.</p>"))
    }

    @Test("a right-to-left language gets dir=rtl; an existing og:locale is replaced, not repeated")
    func directionAndExistingLocale() throws {
        let html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta property=\"og:locale\" content=\"en_GB\">\n</head>\n<body><p>Hello.</p></body>\n</html>\n"
        let page = try PageExtraction.extract(path: "Input/a.html", text: html)
        let table = TranslationTable(catalog: POCatalog(entries: [POEntry(id: "Hello.", translations: ["مرحبا."])]), path: "Locales/ar.po")
        let built = String(decoding: PageBuilder(page: page, source: Array(html.utf8), language: "ar", table: table, alternates: []).build().bytes, as: UTF8.self)
        #expect(built.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(built.contains("<meta property=\"og:locale\" content=\"ar_EG\">"))
        #expect(built.components(separatedBy: "og:locale").count == 2)
        #expect(built.contains("<p>مرحبا.</p>"))
    }

    @Test("with both index.html and events.html among the pages, the generated index takes neither: each file is the author's, listed once")
    func indexNameTakenTwice() throws {
        let folder = try temporaryProject(from: Fixture.url("build"), copying: ["Input"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let event = try String(contentsOf: folder.appendingPathComponent("Input/event.html"), encoding: .utf8)
        try event.write(to: folder.appendingPathComponent("Input/index.html"), atomically: true, encoding: .utf8)
        try event.replacingOccurrences(of: "Spring Workshop", with: "All our events")
            .write(to: folder.appendingPathComponent("Input/events.html"), atomically: true, encoding: .utf8)
        let result = try SiteBuild(project: Project(root: folder), baseURL: "https://events.example.org/").run()
        #expect(result.extraFiles.contains("Output/en/event-index.html"))
        #expect(try read(folder, "Output/en/events.html").contains("All our events"), "the author's events page is not overwritten")
        let sitemap = try read(folder, "Output/sitemap.xml")
        #expect(sitemap.components(separatedBy: "<loc>https://events.example.org/en/events.html</loc>").count - 1 == 1)
        #expect(result.diagnostics.contains { $0.rule == "index-renamed" && $0.message.hasSuffix("written as event-index.html") })
        // Built again: nothing is rebuilt or rewritten.
        let again = try SiteBuild(project: Project(root: folder), baseURL: "https://events.example.org/").run()
        #expect(again.rebuiltPages == 0 && again.changedFiles.isEmpty)
    }

    @Test("when a page is called index.html, the event index becomes events.html, and the build says so")
    func indexNameTaken() throws {
        let folder = try temporaryProject(from: Fixture.url("build"), copying: ["Input"])
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.moveItem(at: folder.appendingPathComponent("Input/event.html"), to: folder.appendingPathComponent("Input/index.html"))
        let result = try SiteBuild(project: Project(root: folder)).run()
        #expect(result.extraFiles == ["Output/en/events.html", "Output/index.html"])
        #expect(result.diagnostics.map(\.description).contains("Input/index.html: note: a page is called index.html, so the event index is written as events.html"))
        #expect(try read(folder, "Output/en/index.html").contains("<h1>Spring Workshop</h1>"))
    }
}
