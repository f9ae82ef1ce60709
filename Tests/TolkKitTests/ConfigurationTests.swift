import Foundation
import Testing
@testable import TolkKit

/// `tolk.toml`: read with TOMLKit, every key checked, errors with file, line and key.
@Suite("Project file")
struct ConfigurationTests {
    @Test("a full tolk.toml reads into its settings; languages without a section get the defaults")
    func reads() throws {
        let configuration = try SiteConfiguration(text: """
            # The site
            [site]
            base-url = "https://events.example.org"
            default-language = "en"
            time-zone = "Europe/London"

            [languages.en]
            locale = "en-GB"

            [languages.de]
            locale = "de-DE"
            time-zone = "Europe/Berlin"
            min-completion = 90.5
            """)
        #expect(configuration.baseURL == "https://events.example.org/")
        #expect(configuration.defaultLanguage == "en" && configuration.timeZone == "Europe/London")
        #expect(configuration.locale(for: "en") == "en-GB" && configuration.locale(for: "fr") == "fr")
        #expect(configuration.minimumCompletion(for: "de") == 90.5)
        #expect(configuration.minimumCompletion(for: "fr") == SiteConfiguration.defaultMinimumCompletion)
        #expect(configuration.languages["de"]?.timeZone == "Europe/Berlin")
        #expect(try SiteConfiguration(text: "") == SiteConfiguration())
    }

    @Test("a wrong key, value or syntax is an error naming the file, the line, the key and what is allowed", arguments: [
        ("[site]\nbase-url = \"https://x.org/\"\nbase-url = \"y\"\n", "tolk.toml:3: not valid TOML"),
        ("[site]\nbase = \"https://x.org/\"\n", "tolk.toml:2: site.base: unknown key; allowed in [site]: base-url, default-language, time-zone"),
        ("[site]\nbase-url = \"events.example.org\"\n", "tolk.toml:2: site.base-url: must be an absolute http(s) address"),
        ("[site]\nbase-url = \"https://x.org/\\\">\"\n", "tolk.toml:2: site.base-url: holds '\"', which a URL cannot hold unencoded"),
        ("[site]\nbase-url = \"https://x.org/a b/\"\n", "tolk.toml:2: site.base-url: holds U+0020, which a URL cannot hold unencoded"),
        ("[site]\nbase-url = \"https://x.org/" + String(repeating: "a", count: 600) + "\"\n", "tolk.toml:2: site.base-url: is 614 characters long; a site address has at most 512"),
        ("[site]\nbase-url = \"https://user:secret@x.org/\"\n", "tolk.toml:2: site.base-url: holds a user name or password"),
        ("[site]\nbase-url = \"https://x.org/?lang=en\"\n", "tolk.toml:2: site.base-url: has a query or fragment"),
        ("[site]\nbase-url = \"javascript:alert(1)//x.org/\"\n", "tolk.toml:2: site.base-url: must be an absolute http(s) address"),
        ("[site]\nbase-url = \"https:///path/\"\n", "tolk.toml:2: site.base-url: must be an absolute http(s) address"),
        ("[site]\ntime-zone = \"Europe/Londres\"\n", "tolk.toml:2: site.time-zone: must be an IANA time zone"),
        ("[languages.de]\n\nlocale = \"fr-FR\"\n", "tolk.toml:3: languages.de.locale: must be a locale of de ICU knows"),
        ("[languages.de]\nmin-completion = 120\n", "tolk.toml:2: languages.de.min-completion: must be a number from 0 to 100"),
        ("[languages.de]\nmin-completion = \"80\"\n", "tolk.toml:2: languages.de.min-completion: must be a number from 0 to 100"),
        ("[languages.qq]\nlocale = \"en\"\n", "tolk.toml:1: languages.qq: 'qq' is not a language code"),
        ("[output]\nfolder = \"public\"\n", "tolk.toml:1: output: unknown section; allowed: [site], [languages.LL]"),
    ])
    func refuses(_ text: String, _ expected: String) {
        do {
            _ = try SiteConfiguration(text: text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect("\(error)".hasPrefix(expected), "\(error)")
        }
    }

    @Test("settings for a language with no catalogue say how to start one; the build stops before writing anything")
    func languageWithoutCatalogue() throws {
        let folder = try temporaryProject(from: Fixture.url("build"))
        defer { try? FileManager.default.removeItem(at: folder) }
        try "[languages.fr]\nlocale = \"fr-CA\"\n".write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
        #expect(throws: TolkError.configuration(path: "tolk.toml", line: 1, key: "languages.fr",
            problem: "there is no catalogue for fr in Locales/; start one with `tolk extract --locale fr`, or remove the section")) {
            try SiteBuild(project: Project(root: folder)).run()
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output").path))
    }

    @Test("a language below its min-completion is not published: no pages, no links, no index, no sitemap URL; the build says so")
    func unpublishedLanguage() throws {
        let folder = try temporaryProject(from: Fixture.url("build"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = Project(root: folder)
        _ = try CatalogUpdate(project: project).run(newLanguages: ["fr"])
        // The fixture's German is 72% translated: published here by its own threshold.
        try "[languages.de]\nmin-completion = 70\n".write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
        let result = try SiteBuild(project: project).run()
        #expect(result.pages.contains { $0.language == "de" && $0.written })
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/fr").path))
        #expect(!result.pages.contains { $0.language == "fr" })
        let note = try #require(result.diagnostics.first { $0.rule == "language-not-published" })
        #expect(note.description == "Locales/en/fr.po: note: fr is not published: 0% of its messages are translated, below its min-completion of 80%")
        for file in try FileManager.default.subpathsOfDirectory(atPath: folder.appendingPathComponent("Output").path) where file.hasSuffix(".html") || file.hasSuffix(".xml") {
            let text = try String(contentsOf: folder.appendingPathComponent("Output/\(file)"), encoding: .utf8)
            #expect(!text.contains("hreflang=\"fr\"") && !text.contains("fr/"), "\(file) points at French")
        }
        // Published once translated far enough (here: the threshold lowered in tolk.toml).
        try "[languages.de]\nmin-completion = 70\n[languages.fr]\nmin-completion = 0\n"
            .write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
        let again = try SiteBuild(project: project).run()
        #expect(again.pages.contains { $0.language == "fr" && $0.written })
        #expect(try String(contentsOf: folder.appendingPathComponent("Output/en/event.html"), encoding: .utf8).contains("hreflang=\"fr\""))
    }
}
