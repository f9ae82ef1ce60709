import Foundation
import Testing
@testable import TolkKit

/// The built German pages opened in headless Chromium, checked for what a visitor gets.
@Suite("In a browser")
struct BrowserTests {
    static let chromium = "/usr/bin/chromium"

    /// The page's DOM (a file or an address) after Chromium has loaded it and run its scripts.
    func dom(_ file: URL, arguments extra: [String] = []) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: Self.chromium) else {
            throw GNUGettext.Failure(description: "Chromium is missing at \(Self.chromium): run Scripts/test, which installs it")
        }
        let profile = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(profile.path)"] + extra + ["--dump-dom", file.absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("German pages show German text, lang=de, German dates and working language links", arguments: [
        ("relational-leadership.html", "Human Learning Systems und beziehungsorientierte Führung", "Dienstag, 11. Oktober 2022, 10:00"),
        ("promise-scotland.html", "Wie kann HLS uns helfen, The Promise in Schottland einzulösen?", "Donnerstag, 13. Oktober 2022, 14:00"),
        ("hls-week-2022.html", "Human Learning Systems Week 2022", "Montag, 10. Oktober"),
        ("berlin.html", "Willkommen in Berlin", "Donnerstag, 13. Oktober 2022, 09:30"),
        ("index.html", "Veranstaltungen", "Dienstag, 11. Oktober 2022, 10:00"),
    ])
    func germanPage(_ name: String, _ heading: String, _ date: String) throws {
        let (folder, _) = try ShippedSiteTests.build()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("Output/de/\(name)")
        let dom = try dom(page)
        #expect(dom.contains("<html lang=\"de\""), "\(name): the browser does not see lang=\"de\"")
        let document = HTMLParser.parse(dom)
        let text = document.root.textContent.collapsingHTMLWhitespace()
        #expect(text.contains(heading), "\(name): heading not shown")
        #expect(text.contains(date), "\(name): date not shown in German")
        // Every language link the browser sees leads to a page that exists.
        var links: [String] = []
        func collect(_ element: HTMLElement) {
            if element.name == "link" || element.name == "a", element[attribute: "hreflang"] != nil, let href = element[attribute: "href"] {
                links.append(href)
            }
            element.children.forEach { if case let .element(child) = $0 { collect(child) } }
        }
        collect(document.root)
        #expect(!links.isEmpty)
        for href in links {
            // The site's own absolute addresses (tolk.toml's base-url) are files under Output/.
            let base = "https://events.example.org/"
            let target = href.hasPrefix(base)
                ? folder.appendingPathComponent("Output/" + href.dropFirst(base.count))
                : URL(fileURLWithPath: href, relativeTo: page.deletingLastPathComponent()).standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: target.path), "\(name): language link \(href) leads nowhere")
        }
    }

    @Test("names kept in their language are marked for screen readers: brands in German pages lang=en, English fallbacks in an Arabic page lang=en dir=ltr")
    func languageMarks() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot, copying: ["Input", "Locales", SiteConfiguration.fileName])
        defer { try? FileManager.default.removeItem(at: folder) }
        // An Arabic catalogue with nothing translated yet, published anyway: every text falls back.
        _ = try CatalogUpdate(project: Project(root: folder)).run(newLanguages: ["ar"])
        let settings = folder.appendingPathComponent(SiteConfiguration.fileName)
        try (String(contentsOf: settings, encoding: .utf8) + "\n[languages.ar]\nmin-completion = 0\n").write(to: settings, atomically: true, encoding: .utf8)
        _ = try SiteBuild(project: Project(root: folder)).run()
        func elements(_ page: String) throws -> [HTMLElement] {
            var found: [HTMLElement] = []
            func collect(_ element: HTMLElement) {
                found.append(element)
                element.children.forEach { if case let .element(child) = $0 { collect(child) } }
            }
            collect(HTMLParser.parse(try dom(folder.appendingPathComponent("Output/\(page)"))).root)
            return found
        }
        let german = try elements("de/hls-week-2022.html")
        let brands = german.filter { $0[attribute: "class"] == "brand" }
        #expect(brands.count >= 4 && brands.allSatisfy { $0[attribute: "lang"] == "en" && $0[attribute: "dir"] == nil },
                "\(brands.map { ($0.textContent, $0[attribute: "lang"]) })")
        // The English page of the German session: its German names say so.
        let english = try elements("en/berlin.html").filter { $0[attribute: "class"] == "brand" }
        #expect(!english.isEmpty && english.allSatisfy { $0[attribute: "lang"] == "de" })
        let arabic = try elements("ar/hls-week-2022.html")
        #expect(arabic.first { $0.name == "html" }?[attribute: "dir"] == "rtl")
        let heading = try #require(arabic.first { $0.name == "h1" })
        #expect(heading[attribute: "lang"] == "en" && heading[attribute: "dir"] == "ltr")
        let marked = arabic.filter { $0[attribute: "lang"] == "en" }
        #expect(marked.count > 10 && marked.allSatisfy { $0[attribute: "dir"] == "ltr" }, "\(marked.filter { $0[attribute: "dir"] != "ltr" }.map(\.name))")
    }

    @Test("what a visitor sees: the switcher, British formats in English, German and Berlin times, the image and the stylesheet loaded", arguments: [
        ("en/berlin.html", "Deutsch", "Thursday, 13 October 2022, 09:30", ""),
        ("de/hls-week-2022.html", "English", "Dienstag, 11. Oktober, 10:00", "images/hls-week.jpg"),
    ])
    func visitorView(_ page: String, _ otherLanguage: String, _ date: String, _ image: String) throws {
        let (folder, _) = try ShippedSiteTests.build()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A page beside the built one loads it in a frame and reports what the browser made of
        // it: which images loaded, whether the stylesheet applied, the switcher's links.
        let directory = folder.appendingPathComponent("Output").appendingPathComponent(page).deletingLastPathComponent()
        let probe = directory.appendingPathComponent("probe.html")
        try """
            <!DOCTYPE html><html><body><iframe id="f" src="\(page.split(separator: "/").last!)"></iframe><pre id="r">waiting</pre>
            <script>
            document.getElementById("f").onload = function () {
              var d = this.contentDocument, out = [];
              Array.prototype.forEach.call(d.images, function (i) { out.push("image " + i.getAttribute("src") + " " + (i.complete && i.naturalWidth > 0 ? "loaded" : "broken")); });
              out.push("background " + getComputedStyle(d.body).backgroundColor);
              Array.prototype.forEach.call(d.querySelectorAll("[data-tolk-languages] a"), function (a) {
                out.push("switch " + a.lang + " " + a.textContent + (a.getAttribute("aria-current") ? " current" : ""));
              });
              out.push("text " + d.body.textContent.replace(/\\s+/g, " "));
              document.getElementById("r").textContent = out.join("\\n");
            };
            </script></body></html>
            """.write(to: probe, atomically: true, encoding: .utf8)
        let dom = try dom(probe, arguments: ["--allow-file-access-from-files", "--virtual-time-budget=5000"])
        let report = dom.components(separatedBy: "<pre id=\"r\">").last ?? ""
        #expect(!report.hasPrefix("waiting"), "the probe did not run: \(dom.prefix(300))")
        #expect(report.contains("switch \(page.hasPrefix("de") ? "en" : "de") \(otherLanguage)"), "no link to the other language: \(report)")
        #expect(report.contains(" current"), "the current language is not marked")
        #expect(report.contains("background rgb(253, 251, 247)"), "the stylesheet did not apply: \(report)")
        #expect(report.contains(date), "\(report)")
        if !image.isEmpty { #expect(report.contains("image \(image) loaded"), "\(report)") }
        #expect(!report.split(separator: "\n").contains { $0.hasPrefix("image ") && $0.hasSuffix(" broken") }, "\(report)")
    }
}
