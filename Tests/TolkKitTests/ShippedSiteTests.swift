import Foundation
import Testing
@testable import TolkKit

/// The shipped event pages, built as `swift run tolk build` builds them.
@Suite("Shipped site")
struct ShippedSiteTests {
    /// Builds a temporary copy of the repository's Input/ and Locales/.
    static func build() throws -> (URL, SiteBuild.Result) {
        let folder = try temporaryProject(from: Fixture.repositoryRoot, copying: ["Input", "Locales", SiteConfiguration.fileName])
        return (folder, try SiteBuild(project: Project(root: folder)).run())
    }

    @Test("every page is built in English and German with nothing falling back")
    func complete() throws {
        let (folder, result) = try Self.build()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.pages.count == 8)
        #expect(result.pages.allSatisfy { $0.written && $0.fallbacks == 0 }, "\(result.pages.filter { $0.fallbacks > 0 })")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.extraFiles == ["Output/de/index.html", "Output/en/index.html", "Output/index.html", "Output/sitemap.xml"])
        let german = try String(contentsOf: folder.appendingPathComponent("Output/de/index.html"), encoding: .utf8)
        #expect(german.contains("<p>4 Veranstaltungen</p>"))
        #expect(german.contains("<h1>Veranstaltungen</h1>"))
        #expect(german.components(separatedBy: " lang=\"en\"").count - 1 == 1, "only the link to the English index is in English")
    }

    @Test("Locales/its-rules.xml keeps every class=\"brand\" name out of both catalogues and out of same-as-source; without it they are offered")
    func brandRule() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot, copying: ["Input", "Locales", SiteConfiguration.fileName])
        defer { try? FileManager.default.removeItem(at: folder) }
        // The brand names the pages mark.
        var brands = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Input").path) where name.hasSuffix(".html") {
            let html = try String(contentsOf: folder.appendingPathComponent("Input/\(name)"), encoding: .utf8)
            let pattern = try NSRegularExpression(pattern: #"class="brand">([^<]+)<"#)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                brands.insert(String(html[Range(match.range(at: 1), in: html)!]))
            }
        }
        #expect(brands.count >= 8, "\(brands)")
        // With the rules file, extract changes no catalogue and no msgid holds a brand name as text.
        let shipped = try ["Locales/en/de.po", "Locales/de/en.po", "Locales/en/template.pot", "Locales/de/template.pot"].map {
            try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
        _ = try CatalogUpdate(project: Project(root: folder)).run()
        let catalogues = try ["Locales/en/de.po", "Locales/de/en.po", "Locales/en/template.pot", "Locales/de/template.pot"].map {
            try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
        #expect(catalogues == shipped)
        let check = try CatalogCheck(project: Project(root: folder)).run()
        #expect(!check.findings.contains { $0.rule == SameAsSourceRule.id })
        // Every marked name is a placeholder the translator cannot change, named in a comment.
        var withRules: [SourceSegment] = []
        try Project(root: folder).forEachPage { withRules += $0.segments }
        for brand in brands {
            #expect(withRules.contains { $0.comments.contains { $0.hasSuffix("stays as is (translate=\"no\"): \(brand)") } }, "\(brand)")
        }
        // Without the rules file, the marked names are text for translators: in more messages than before.
        try FileManager.default.removeItem(at: folder.appendingPathComponent(ITSContext.projectRulesPath))
        var without: [SourceSegment] = []
        try Project(root: folder).forEachPage { without += $0.segments }
        for brand in brands {
            #expect(without.filter { $0.text.contains(brand) }.count > withRules.filter { $0.text.contains(brand) }.count, "\(brand)")
        }
    }

    @Test("the German page written in German comes back as written, plus its language links")
    func germanSourcePage() throws {
        let (folder, _) = try Self.build()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try String(contentsOf: folder.appendingPathComponent("Input/berlin.html"), encoding: .utf8)
        let built = try String(contentsOf: folder.appendingPathComponent("Output/de/berlin.html"), encoding: .utf8)
        let links = built.split(separator: "\n").filter { $0.contains("rel=\"alternate\"") || $0.contains("rel=\"canonical\"") }.map { "\n" + $0 }.joined()
        #expect(links == """

              <link rel="canonical" href="https://events.example.org/de/berlin.html">
              <link rel="alternate" hreflang="de" href="https://events.example.org/de/berlin.html">
              <link rel="alternate" hreflang="en" href="https://events.example.org/en/berlin.html">
              <link rel="alternate" hreflang="x-default" href="https://events.example.org/en/berlin.html">
            """)
        let switcher = #"<nav data-tolk-languages aria-label="Sprachen"><ul class="languages"><li><a href="../de/berlin.html" hreflang="de" lang="de" aria-current="page">Deutsch</a></li><li><a href="../en/berlin.html" hreflang="en" lang="en">English</a></li></ul></nav>"#
        #expect(built == source.replacingOccurrences(of: "  </style>\n</head>", with: "  </style>" + links + "\n</head>")
            .replacingOccurrences(of: #"<nav data-tolk-languages aria-label="Sprachen"></nav>"#, with: switcher),
                "only the language links and the switcher are added")
    }

    @Test("tolk.toml's en-GB gives the English pages British formats and og:locale en_GB; the sitemap uses the base URL")
    func britishEnglish() throws {
        let (folder, _) = try Self.build()
        defer { try? FileManager.default.removeItem(at: folder) }
        let english = try String(contentsOf: folder.appendingPathComponent("Output/en/berlin.html"), encoding: .utf8)
        #expect(english.contains(">Thursday, 13 October 2022, 09:30</time>"))
        #expect(english.contains("<meta property=\"og:locale\" content=\"en_GB\">"))
        #expect(!english.contains("October 13"))
        let german = try String(contentsOf: folder.appendingPathComponent("Output/de/hls-week-2022.html"), encoding: .utf8)
        #expect(german.contains("content=\"de_DE\""))
        let sitemap = try String(contentsOf: folder.appendingPathComponent("Output/sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>https://events.example.org/en/berlin.html</loc>"))
    }

    @Test("times name their zone in the page's language, and German readers also get Berlin time, after the <time> element it does not describe")
    func timeZones() throws {
        let (folder, _) = try Self.build()
        defer { try? FileManager.default.removeItem(at: folder) }
        let german = try String(contentsOf: folder.appendingPathComponent("Output/de/relational-leadership.html"), encoding: .utf8)
        #expect(german.contains(">Dienstag, 11. Oktober 2022, 10:00</time>–<time datetime=\"2022-10-11T12:00+01:00\">12:00 Uhr BST</time> (11:00–13:00 Uhr MESZ)"), "an abbreviation after 'Uhr', as German writes it, on both zones")
        let index = try String(contentsOf: folder.appendingPathComponent("Output/de/index.html"), encoding: .utf8)
        #expect(index.contains("11:00 Uhr BST</time> (10:30–12:00 Uhr MESZ)"), "the Berlin session in Berlin time")
        // A <time>'s text is the time its datetime says: no second zone inside any element.
        #expect(!german.contains("MESZ)</time>") && !index.contains("MESZ)</time>"))
        let english = try String(contentsOf: folder.appendingPathComponent("Output/en/index.html"), encoding: .utf8)
        #expect(english.contains(">12:00 BST</time>") && !english.contains("CEST"), "English readers get British time only")
    }

    @Test("a time written without an offset is a wall time: shown as written, with no zone")
    func floatingTime() {
        var dates = DateRenderer(sourceLocale: "en", locale: "de-DE")
        dates.siteZone = "Europe/London"
        dates.audienceZone = "Europe/Berlin"
        #expect(dates.render("2022-10-11T10:00", original: "10:00") == "10:00")
        #expect(dates.render("2022-10-11T10:00+01:00", original: "10:00") == "10:00 BST")
        #expect(dates.inAudienceZone("2022-10-11T10:00+01:00", original: "10:00") == " (11:00 MESZ)")
        #expect(dates.inAudienceZone("2022-10-11T10:00", original: "10:00") == "", "a wall time has no other zone")
        #expect(dates.render("2022-10-11", original: "11 October") == "11. Oktober")
    }

    /// Every relative address (`src`, `href`, `srcset`) in every built page, with the page it is in.
    static func relativeReferences(under output: URL) throws -> [(page: String, address: String)] {
        var found: [(String, String)] = []
        for file in try FileManager.default.subpathsOfDirectory(atPath: output.path).sorted() where file.hasSuffix(".html") {
            let document = HTMLParser.parse(try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8))
            func walk(_ element: HTMLElement) {
                for attribute in element.attributes where ["src", "href", "srcset"].contains(attribute.name) {
                    let addresses = attribute.name == "srcset"
                        ? attribute.value.split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) } : [attribute.value]
                    for address in addresses where !address.contains(":") && !address.hasPrefix("#") && !address.hasPrefix("/") {
                        found.append((file, address))
                    }
                }
                element.children.forEach { if case let .element(child) = $0 { walk(child) } }
            }
            walk(document.root)
        }
        return found
    }

    @Test("a crawl of Output/ finds every relative address resolving: images, styles and scripts are there in every language")
    func noBrokenReferences() throws {
        let (folder, result) = try Self.build()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(!result.diagnostics.contains { $0.rule == "missing-file" }, "\(result.diagnostics)")
        let output = folder.appendingPathComponent("Output")
        let references = try Self.relativeReferences(under: output)
        #expect(references.contains { $0.page == "de/hls-week-2022.html" && $0.address == "images/hls-week.jpg" })
        #expect(references.contains { $0.page == "en/relational-leadership.html" && $0.address == "scripts/register.js" })
        for (page, address) in references {
            let target = output.appendingPathComponent(page).deletingLastPathComponent()
                .appendingPathComponent(address.split(separator: "#").first.map(String.init) ?? address).standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: target.path), "\(page): \(address) leads nowhere")
        }
        // One copy of the bytes: the German image is the English one under a second name.
        let english = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("en/images/hls-week.jpg").path)
        let german = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("de/images/hls-week.jpg").path)
        #expect(english[.systemFileNumber] as? Int == german[.systemFileNumber] as? Int)
    }

    @Test("a page referring to a file that is not under Input/ is built with a warning naming the page, the line and the address")
    func missingFile() throws {
        let folder = try temporaryProject(from: Fixture.url("build"))
        defer { try? FileManager.default.removeItem(at: folder) }
        try "<!DOCTYPE html><html lang=\"en\"><head><title>T</title>\n<link rel=\"stylesheet\" href=\"css/site.css\"></head>\n<body><p>Hi.</p>\n<img src=\"img/a%20b.png\" alt=\"\" srcset=\"img/a%20b.png 1x, img/big.png 2x\"></body></html>\n"
            .write(to: folder.appendingPathComponent("Input/page.html"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Input/img"), withIntermediateDirectories: true)
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: folder.appendingPathComponent("Input/img/a b.png"))
        let result = try SiteBuild(project: Project(root: folder)).run()
        let missing = result.diagnostics.filter { $0.rule == "missing-file" && $0.file == "Input/page.html" }.map(\.description)
        #expect(missing == [
            "Input/page.html:2: warning: 'css/site.css' is not under Input/, so the published page will show it broken",
            "Input/page.html:4: warning: 'img/big.png' is not under Input/, so the published page will show it broken",
        ])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/en/img/a b.png").path))
        // Adding the file ends the warning, though the page itself did not change.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Input/css"), withIntermediateDirectories: true)
        try "p { color: teal; }".write(to: folder.appendingPathComponent("Input/css/site.css"), atomically: true, encoding: .utf8)
        let again = try SiteBuild(project: Project(root: folder)).run()
        #expect(again.diagnostics.filter { $0.rule == "missing-file" && $0.file == "Input/page.html" }.count == 1)
        #expect(again.changedFiles.contains("Output/en/css/site.css"))
        // A build with nothing changed says it again (the build cache keeps what it found); a page's new address is found.
        let unchanged = try SiteBuild(project: Project(root: folder)).run()
        #expect(unchanged.rebuiltPages == 0)
        #expect(unchanged.diagnostics.filter { $0.rule == "missing-file" }.map(\.description)
            == again.diagnostics.filter { $0.rule == "missing-file" }.map(\.description))
        let page = folder.appendingPathComponent("Input/page.html")
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "<p>Hi.</p>", with: "<p>Hi. <a href=\"gone.pdf\">Slides</a></p>")
            .write(to: page, atomically: true, encoding: .utf8)
        let edited = try SiteBuild(project: Project(root: folder)).run()
        #expect(edited.diagnostics.filter { $0.rule == "missing-file" && $0.file == "Input/page.html" }.map(\.line) == [3, 4])
        // Pages in other folders keep theirs when only this folder is looked at again; one
        // address both folders name is one warning, at its first page, counting the other.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Input/talks"), withIntermediateDirectories: true)
        try "<!DOCTYPE html><html lang=\"en\"><head><title>T</title></head>\n<body><p><a href=\"../gone.pdf\">Slides</a> <img src=\"map.png\" alt=\"\"></p></body></html>\n"
            .write(to: folder.appendingPathComponent("Input/talks/one.html"), atomically: true, encoding: .utf8)
        let both = try SiteBuild(project: Project(root: folder)).run().diagnostics.filter { $0.rule == "missing-file" }.map(\.description)
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "<p>Hi. ", with: "<p>Hello. ")
            .write(to: page, atomically: true, encoding: .utf8)
        let after = try SiteBuild(project: Project(root: folder)).run()
        #expect(after.rebuiltPages == 1)
        #expect(after.diagnostics.filter { $0.rule == "missing-file" }.map(\.description) == both)
        #expect(both.contains { $0.hasPrefix("Input/page.html:3:") && $0.contains("'gone.pdf'") && $0.contains("(1 other page refers to it too)") })
        #expect(both.contains { $0.hasPrefix("Input/talks/one.html:2:") && $0.contains("'map.png'") })
    }

    @Test("a range of days is ICU's day interval, the day's full stop kept with its date: '10.–14. Oktober 2022', never a dangling 'Montag, 10. – Freitag, 14.'", arguments: [
        ("de-DE", "10.", "–", "14. Oktober 2022"),
        ("en-GB", "10", "–", "14 October 2022"),
        ("fr-FR", "10", "–", "14 octobre 2022"),
        ("es-ES", "10", "–", "14 de octubre de 2022"),
    ])
    func dayRange(locale: String, first: String, separator: String, second: String) {
        let dates = DateRenderer(sourceLocale: "en", locale: locale)
        // The index writes ranges in full, weekdays asked for; the page wrote "Monday, 10".
        for skeleton in [nil, "EEEEyMMMMd"] {
            let range = dates.renderRange(("2022-10-10", "Monday, 10"), ("2022-10-14", "Friday, 14 October 2022"), skeleton: skeleton)
            #expect(range?.first == first && range?.separator == separator && range?.second == second,
                    "\(locale): \(range.map { $0.first + "|" + $0.separator + "|" + $0.second } ?? "nil")")
        }
    }

    @Test("a time range keeps its day's weekday")
    func timeRange() {
        let english = DateRenderer(sourceLocale: "en", locale: "en-GB").renderRange(("2022-10-11T10:00+01:00", "10:00"), ("2022-10-11T12:00+01:00", "12:00"))
        #expect(english.map { $0.first + $0.separator + $0.second } == "10:00–12:00")
        let german = DateRenderer(sourceLocale: "en", locale: "de-DE")
            .renderRange(("2022-10-11T10:00+01:00", ""), ("2022-10-11T12:00+01:00", ""), skeleton: "EEEEyMMMMdjm")
        #expect(german.map { $0.first + $0.separator + $0.second }?.hasPrefix("Dienstag, 11. Oktober 2022") == true, "\(String(describing: german))")
    }
}
