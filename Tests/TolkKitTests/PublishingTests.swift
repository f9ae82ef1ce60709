import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TolkKit

/// What a build leaves in `Output/`: exactly what it makes now; what it made before and no
/// longer makes is removed, and nothing it did not write is touched.
@Suite("Publishing")
struct PublishingTests {
    func exists(_ folder: URL, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }

    @Test("removing a catalogue or a page removes exactly what Tolk had written for it")
    func staleOutputs() throws {
        let folder = try temporaryProject(from: Fixture.url("build"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = Project(root: folder)
        _ = try CatalogUpdate(project: project).run(newLanguages: ["fr"])
        let settings = folder.appendingPathComponent("tolk.toml")
        try "[languages.de]\nmin-completion = 0\n[languages.fr]\nmin-completion = 0\n".write(to: settings, atomically: true, encoding: .utf8)
        try "<p>A second page.</p>\n".write(to: folder.appendingPathComponent("Input/second.html"), atomically: true, encoding: .utf8)
        _ = try SiteBuild(project: project).run()
        #expect(exists(folder, "Output/fr/event.html") && exists(folder, "Output/fr/second.html") && exists(folder, ".tolk/catalog-en~fr"))
        // A file of the team's own in Output/, and a built page edited by hand.
        try "notes".write(to: folder.appendingPathComponent("Output/fr/notes.txt"), atomically: true, encoding: .utf8)
        try "edited".write(to: folder.appendingPathComponent("Output/de/second.html"), atomically: true, encoding: .utf8)

        try FileManager.default.removeItem(at: folder.appendingPathComponent("Locales/en/fr.po"))
        try "[languages.de]\nmin-completion = 0\n".write(to: settings, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Input/second.html"))
        let result = try SiteBuild(project: project).run()
        #expect(result.removedFiles == ["Output/en/second.html", "Output/fr/event.html", "Output/fr/index.html", "Output/fr/second.html"])
        #expect(!exists(folder, "Output/fr/event.html") && !exists(folder, ".tolk/catalog-en~fr"))
        #expect(exists(folder, "Output/fr/notes.txt"), "a file Tolk did not write stays")
        #expect(exists(folder, "Output/de/second.html"), "a file changed since Tolk wrote it stays")
        #expect(result.diagnostics.contains { $0.rule == "stale-output-kept" && $0.file == "Output/de/second.html" })
        #expect(exists(folder, "Output/de/event.html") && exists(folder, "Output/en/event.html"))

        // Emptied folders go; a third build has nothing to remove.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Output/fr/notes.txt"))
        try "<p>A third page.</p>\n".write(to: folder.appendingPathComponent("Input/third.html"), atomically: true, encoding: .utf8)
        #expect(try SiteBuild(project: project).run().removedFiles.isEmpty)
    }

    @Test("a page moved into a subfolder leaves no empty folder behind when it moves back")
    func emptiedFolders() throws {
        let folder = try temporaryProject(from: Fixture.url("build"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = Project(root: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Input/2022/october"), withIntermediateDirectories: true)
        try "<p>Deep.</p>\n".write(to: folder.appendingPathComponent("Input/2022/october/deep.html"), atomically: true, encoding: .utf8)
        _ = try SiteBuild(project: project).run()
        #expect(exists(folder, "Output/en/2022/october/deep.html"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Input/2022"))
        let result = try SiteBuild(project: project).run()
        #expect(result.removedFiles.contains("Output/en/2022/october/deep.html"))
        #expect(!exists(folder, "Output/en/2022"), "the folders it emptied are gone")
    }

    @Test("a sitemap past its URL limit is split into parts listed by a sitemap index; every file is well-formed XML with absolute URLs")
    func sitemapIndex() throws {
        var events: [EventSummary] = []
        for number in 1...4 {
            var event = EventSummary(relative: "event \(number).html", pageLanguage: "en")
            event.languages = ["de", "en"]
            events.append(event)
        }
        let links = SiteLinks(baseURL: "https://events.example.org/", defaultLanguage: "en")
        var sitemap = Sitemap(events: events, indexName: "index.html", languages: ["de", "en"], links: links)
        #expect(sitemap.files().map(\.path) == ["Output/sitemap.xml"])
        sitemap.maximumURLs = 4
        let files = sitemap.files()
        // 1 chooser + 2 index pages + 8 page versions = 11 URLs: three parts of at most 4.
        #expect(files.map(\.path) == ["Output/sitemap.xml", "Output/sitemap-1.xml", "Output/sitemap-2.xml", "Output/sitemap-3.xml"])
        // libxml2's XML parser (through Foundation) is the oracle for well-formedness.
        let index = try XMLDocument(data: Data(files[0].xml.utf8))
        #expect(index.rootElement()?.name == "sitemapindex")
        #expect(try index.nodes(forXPath: "//*[local-name()='loc']").compactMap(\.stringValue)
                == ["https://events.example.org/sitemap-1.xml", "https://events.example.org/sitemap-2.xml", "https://events.example.org/sitemap-3.xml"])
        var locations: [String] = []
        for part in files.dropFirst() {
            let document = try XMLDocument(data: Data(part.xml.utf8))
            #expect(document.rootElement()?.name == "urlset")
            let urls = try document.nodes(forXPath: "/*/*[local-name()='url']/*[local-name()='loc']").compactMap(\.stringValue)
            #expect(urls.count <= 4)
            locations += urls
        }
        #expect(locations.count == 11 && Set(locations).count == 11)
        #expect(locations.allSatisfy { $0.hasPrefix("https://events.example.org/") && !$0.contains(" ") })
        #expect(locations.contains("https://events.example.org/de/event%201.html"))
    }

    /// What sitemap-verify (PyPI, offline: no reachability checks) says of a sitemap file:
    /// its diagnostics at level error (schema validation against the sitemaps.org XSDs).
    static func sitemapErrors(_ file: URL) throws -> [String] {
        let store = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: store) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sitemap-verify", "check", file.path, "--no-recursive", "--no-check-reachability", "--format", "json",
                             "--no-show-progress", "--store", store.appendingPathComponent("store.sqlite3").path]
        process.currentDirectoryURL = store
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let report = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let diagnostics = report["diagnostics"] as? [[String: Any]] else {
            throw GNUGettext.Failure(description: "sitemap-verify did not run (install it with Scripts/test): \(String(decoding: data, as: UTF8.self).prefix(200))")
        }
        return diagnostics.filter { $0["level"] as? String == "error" }.map { "\($0["code"] ?? ""): \($0["message"] ?? "")" }
    }

    @Test("the sitemap and a sitemap index validate against the sitemaps.org schemas (sitemap-verify as the oracle)")
    func sitemapValidates() throws {
        let (folder, _) = try ShippedSiteTests.build()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sitemap = folder.appendingPathComponent("Output/sitemap.xml")
        #expect(try Self.sitemapErrors(sitemap) == [])

        var events: [EventSummary] = []
        for number in 1...3 {
            var event = EventSummary(relative: "event \(number).html", pageLanguage: "en")
            event.languages = ["de", "en"]
            events.append(event)
        }
        var split = Sitemap(events: events, indexName: "index.html", languages: ["de", "en"],
                            links: SiteLinks(baseURL: "https://events.example.org/", defaultLanguage: "en"))
        split.maximumURLs = 3
        for file in split.files() {
            let url = folder.appendingPathComponent(file.path.replacingOccurrences(of: "Output/", with: "split-"))
            try file.xml.write(to: url, atomically: true, encoding: .utf8)
            #expect(try Self.sitemapErrors(url) == [], "\(file.path)")
        }
        // The oracle can fail: a sitemap with an element the schema does not allow.
        let broken = folder.appendingPathComponent("broken.xml")
        try (try String(contentsOf: sitemap, encoding: .utf8)).replacingOccurrences(of: "<loc>", with: "<where/><loc>", options: [], range: nil)
            .write(to: broken, atomically: true, encoding: .utf8)
        #expect(try !Self.sitemapErrors(broken).isEmpty)
    }
}
