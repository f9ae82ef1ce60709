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
        #expect(built == source.replacingOccurrences(of: "  </style>\n</head>", with: "  </style>" + links + "\n</head>"))
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

    @Test("times name their zone in the page's language, and German readers also get Berlin time")
    func timeZones() throws {
        let (folder, _) = try Self.build()
        defer { try? FileManager.default.removeItem(at: folder) }
        let german = try String(contentsOf: folder.appendingPathComponent("Output/de/relational-leadership.html"), encoding: .utf8)
        #expect(german.contains(">Dienstag, 11. Oktober 2022, 10:00</time>–<time datetime=\"2022-10-11T12:00+01:00\">12:00 Uhr Britische Sommerzeit (11:00–13:00 Uhr MESZ)</time>"))
        let index = try String(contentsOf: folder.appendingPathComponent("Output/de/index.html"), encoding: .utf8)
        #expect(index.contains("11:00 Uhr Britische Sommerzeit (10:30–12:00 Uhr MESZ)"), "the Berlin session in Berlin time")
        let english = try String(contentsOf: folder.appendingPathComponent("Output/en/index.html"), encoding: .utf8)
        #expect(english.contains(">12:00 BST</time>") && !english.contains("CEST"), "English readers get British time only")
    }

    @Test("a time written without an offset is a wall time: shown as written, with no zone")
    func floatingTime() {
        var dates = DateRenderer(sourceLocale: "en", locale: "de-DE")
        dates.siteZone = "Europe/London"
        dates.audienceZone = "Europe/Berlin"
        #expect(dates.render("2022-10-11T10:00", original: "10:00") == "10:00")
        #expect(dates.render("2022-10-11T10:00+01:00", original: "10:00") == "10:00 Britische Sommerzeit (11:00 MESZ)")
        #expect(dates.render("2022-10-11", original: "11 October") == "11. Oktober")
    }
}
