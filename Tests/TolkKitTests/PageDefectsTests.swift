import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TolkKit

/// Page-level defects found on real material (Translate Toolkit's test cases and an
/// adversarial sweep), each held by a test.
@Suite("Page defects")
struct PageDefectsTests {
    @Test("abbr on th and td and summary on table are offered to translators and built")
    func tableAttributes() throws {
        let html = """
            <!DOCTYPE html><html lang="en"><head><title>Hours</title></head><body>
            <table summary="Opening hours by day"><tr><th abbr="Mon">Monday</th><td abbr="morning">9 to 12</td></tr></table>
            </body></html>

            """
        let (folder, page) = try HostileInputTests.build(page: html, translations: [
            "Opening hours by day": "Öffnungszeiten nach Tag", "Mon": "Mo", "Monday": "Montag", "morning": "vormittags",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(page.contains("<table summary=\"Öffnungszeiten nach Tag\">"))
        #expect(page.contains("<th abbr=\"Mo\">Montag</th>"))
        #expect(page.contains("<td abbr=\"vormittags\""))
    }

    @Test("a sentence that ends before a <br> is a segment of its own; a <br> inside a sentence is not a break")
    func lineBreakEndsSentence() throws {
        let html = "<!DOCTYPE html><html lang=\"en\"><head><title>Food</title></head><body>"
            + "<p>Bring a dish. We plan the food.<br>Children are welcome. Dogs too.</p><p>Roses are red<br>and violets blue.</p></body></html>\n"
        let page = try PageExtraction.extract(path: "Input/a.html", text: html)
        #expect(page.segments.map(\.text) == ["Food", "Bring a dish.", "We plan the food.", "Children are welcome.", "Dogs too.",
                                              "Roses are red<1/>and violets blue."])
        let (folder, built) = try HostileInputTests.build(page: html, translations: [
            "Food": "Essen", "Bring a dish.": "Bring etwas mit.", "We plan the food.": "Wir planen das Essen.",
            "Children are welcome.": "Kinder sind willkommen.", "Dogs too.": "Hunde auch.",
            "Roses are red<1/>and violets blue.": "Rosen sind rot<1/>und Veilchen blau.",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(built.contains("<p>Bring etwas mit. Wir planen das Essen.<br>Kinder sind willkommen. Hunde auch.</p>"))
        #expect(built.contains("<p>Rosen sind rot<br>und Veilchen blau.</p>"))
    }

    @Test("a partly translated title or option keeps its source whole, with lang on the element, never a <span> inside")
    func textOnlyFallback() throws {
        let html = "<!DOCTYPE html><html lang=\"en\"><head><title>Events. In Berlin.</title></head><body>"
            + "<select><option>Yes. Sure.</option></select><p>Hi.</p></body></html>\n"
        let (folder, page) = try HostileInputTests.build(page: html, translations: ["Events.": "Veranstaltungen.", "Yes.": "Ja.", "Hi.": "Hallo."])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(page.contains("<title lang=\"en\">Events. In Berlin.</title>"))
        #expect(page.contains("<option lang=\"en\">Yes. Sure.</option>"))
        #expect(!page.contains("<span"))
    }

    @Test("build, stats and check agree on what is translated: a translation the build refuses counts for none")
    func oneTranslator() throws {
        let folder = try temporaryProject(from: Fixture.url("build"))
        defer { try? FileManager.default.removeItem(at: folder) }
        // German stays published when a refused translation takes it below the default share.
        try "[languages.de]\nmin-completion = 0\n".write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
        let project = Project(root: folder)
        func counts() throws -> (build: Int, stats: Int, check: Int) {
            let build = try SiteBuild(project: project, incremental: false).run().pages.filter { $0.language == "de" }.reduce(0) { $0 + $1.translated }
            let stats = try TranslationStats.compute(project).rows.first { $0.language == "de" && $0.page == nil }?.counts.translated ?? -1
            let check = try CatalogCheck(project: project, languages: ["de"], strict: false).run().summaries["de"]?.translated ?? -1
            return (build, stats, check)
        }
        let before = try counts()
        #expect(before.build == before.stats)
        // Placeholder <2> dropped: the build refuses the translation.
        let catalogue = folder.appendingPathComponent("Locales/en/de.po")
        let text = try TextFile.read(catalogue.path)
        let original = "msgstr \"Lernen Sie <1>das Team</1> kennen und <2>lernen</2> Sie schnell.\""
        #expect(text.contains(original))
        try text.replacingOccurrences(of: original, with: "msgstr \"Lernen Sie <1>das Team</1> kennen und lernen Sie schnell.\"")
            .write(to: catalogue, atomically: true, encoding: .utf8)
        let after = try counts()
        #expect(after.build == before.build - 1)
        #expect(after.stats == after.build)
        #expect(after.check == before.check - 1)
        // Extract's summary counts the entry as the check does: the build refuses it.
        let extract = try CatalogUpdate(project: project).run().summaries.first { $0.path == "Locales/en/de.po" }
        let check = try CatalogCheck(project: project, languages: ["de"], strict: false).run().summaries["de"]
        #expect(extract?.translated == check?.translated)
        #expect(extract?.fuzzy == check?.fuzzy && extract?.untranslated == check?.untranslated)
    }

    @Test("two times joined by a dash are a range by one rule; one ICU cannot render as a range (the end first) has both dates rendered")
    func timeRangesByOneRule() throws {
        let html = "<!DOCTYPE html><html lang=\"en\"><head><title>Dates</title></head><body>"
            + "<div><time datetime=\"2022-10-10\">10 October 2022</time> – <time datetime=\"2022-10-14\">14 October 2022</time></div>"
            + "<div><time datetime=\"2022-10-14\">14 October 2022</time> – <time datetime=\"2022-10-13\">13 October 2022</time></div>"
            + "<div><time datetime=\"soon\">soon</time> – <time datetime=\"2022-10-12\">12 October 2022</time></div>"
            + "</body></html>\n"
        let page = try PageExtraction.extract(path: "Input/a.html", text: html)
        #expect(page.standaloneTimes.map(\.datetime) == ["2022-10-10", "2022-10-14", "soon", "2022-10-12"])
        #expect(page.standaloneTimes.map { $0.end?.datetime } == ["2022-10-14", "2022-10-13", nil, nil])
        #expect(page.outline?.firstDate == "2022-10-10" && page.outline?.firstDateEnd == "2022-10-14")
        let (folder, built) = try HostileInputTests.build(page: html, translations: ["Dates": "Daten"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(built.contains(">14. Oktober 2022</time> – <time datetime=\"2022-10-13\">13. Oktober 2022</time>"), "\(built)")
        #expect(built.contains("<time datetime=\"soon\">soon</time> – <time datetime=\"2022-10-12\">12. Oktober 2022</time>"))
    }

    @Test("a standalone <time> under another lang or xml:lang is left alone; one in the page's language is rendered")
    func standaloneTimesFollowTheScope() throws {
        let html = "<!DOCTYPE html><html lang=\"en\"><head><title>Dates</title></head><body>"
            + "<div xml:lang=\"fr\"><time datetime=\"2022-10-11\">11 octobre 2022</time></div>"
            + "<div lang=\"fr\"><time datetime=\"2022-10-12\">12 octobre 2022</time></div>"
            + "<div translate=\"no\"><time datetime=\"2022-10-14\">14 October 2022</time></div>"
            + "<time datetime=\"2022-10-13\">13 October 2022</time></body></html>\n"
        let page = try PageExtraction.extract(path: "Input/a.html", text: html)
        #expect(page.standaloneTimes.map(\.datetime) == ["2022-10-13"])
        let (folder, built) = try HostileInputTests.build(page: html, translations: ["Dates": "Daten"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(built.contains("<time datetime=\"2022-10-11\">11 octobre 2022</time>"))
        #expect(built.contains("<time datetime=\"2022-10-12\">12 octobre 2022</time>"))
        #expect(built.contains("<time datetime=\"2022-10-14\">14 October 2022</time>"))
        #expect(built.contains("<time datetime=\"2022-10-13\">13. Oktober 2022</time>"))
    }

    @Test("notes and context on inline elements reach the entry that holds their text")
    func inlineNotesAndContext() throws {
        let html = "<!DOCTYPE html><html lang=\"en\"><head><title>T</title></head><body>"
            + "<p>Meet <span its-loc-note=\"A person's name\">Ana</span> today.</p>"
            + "<p><a href=\"x.html\" data-l10n-note=\"A button\" data-l10n-context=\"nav\">Read more</a></p></body></html>\n"
        let page = try PageExtraction.extract(path: "Input/a.html", text: html)
        let meet = try #require(page.segments.first { $0.text == "Meet <1>Ana</1> today." })
        #expect(meet.comments.contains("A person's name"))
        let link = try #require(page.segments.first { $0.text == "Read more" })
        #expect(link.context == "nav" && link.comments.contains("A button"))
        let (folder, built) = try HostileInputTests.build(page: html, translations: ["Read more": "Weiterlesen"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(built.contains("<a href=\"x.html\" data-l10n-note=\"A button\" data-l10n-context=\"nav\">Weiterlesen</a>"))
    }

    @Test("an XHTML page is built into well-formed XML, with xml:lang following lang")
    func xhtmlOutput() throws {
        let xhtml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
            <head><meta charset="UTF-8" /><title>Events</title><meta property="og:title" content="Events" /></head>
            <body><p>Welcome.<br />See you.</p></body>
            </html>

            """
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Input"), withIntermediateDirectories: true)
        try xhtml.write(to: folder.appendingPathComponent("Input/page.xhtml"), atomically: true, encoding: .utf8)
        let project = Project(root: folder)
        _ = try CatalogUpdate(project: project).run(newLanguages: ["de"])
        try "[languages.de]\nmin-completion = 0\n".write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
        _ = try SiteBuild(project: project).run()
        let built = try Data(contentsOf: folder.appendingPathComponent("Output/de/page.xhtml"))
        // libxml2's XML parser, through Foundation, is the oracle for well-formedness.
        let document = try XMLDocument(data: built)
        #expect(document.rootElement()?.name == "html")
        let text = String(decoding: built, as: UTF8.self)
        #expect(text.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"de\" xml:lang=\"de\">"))
        #expect(text.contains("<link rel=\"alternate\" hreflang=\"de\" href=\"../de/page.xhtml\" />"))
        #expect(text.contains("<meta property=\"og:locale\" content=\"de_DE\" />"))
    }

    @Test("a page in a legacy charset it declares is read as browsers read it; translated, it is written as UTF-8 saying so",
          arguments: ["<meta charset=\"windows-1252\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"])
    func legacyCharset(_ declaration: String) throws {
        let head = "<!DOCTYPE html><html lang=\"en\"><head>\(declaration)<title>Caf"
        let bytes = Array(head.utf8) + [0xE9] + Array("</title></head><body><p>Caf".utf8) + [0xE9] + Array(" opens at nine.</p></body></html>\n".utf8)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Input"), withIntermediateDirectories: true)
        let input = folder.appendingPathComponent("Input/a.html")
        try Data(bytes).write(to: input)
        let project = Project(root: folder)
        // Built in its own language with no catalogue: the same bytes.
        _ = try SiteBuild(project: project).run()
        #expect(try Data(contentsOf: folder.appendingPathComponent("Output/en/a.html")) == Data(bytes))
        _ = try CatalogUpdate(project: project).run(newLanguages: ["de"])
        try "[languages.de]\nmin-completion = 0\n".write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
        let catalogue = folder.appendingPathComponent("Locales/en/de.po")
        let text = try TextFile.read(catalogue.path)
        #expect(text.contains("msgid \"Café opens at nine.\"\nmsgstr \"\""))
        try text.replacingOccurrences(of: "msgid \"Café opens at nine.\"\nmsgstr \"\"", with: "msgid \"Café opens at nine.\"\nmsgstr \"Das Café öffnet um neun.\"")
            .write(to: catalogue, atomically: true, encoding: .utf8)
        _ = try SiteBuild(project: project).run()
        let german = try TextFile.read(folder.appendingPathComponent("Output/de/a.html").path)
        #expect(german.contains("<p>Das Café öffnet um neun.</p>"))
        #expect(german.contains("charset=\"utf-8\"") || german.contains("charset=utf-8\""))
        #expect(!german.contains("1252") && !german.contains("8859"))
    }

    @Test("a processing instruction, in any of its forms, is one protected placeholder and comes back byte for byte")
    func processingInstructions() throws {
        let html = "<!DOCTYPE html><html lang=\"en\"><head><title>Hello <?=$site?></title></head><body>"
            + "<p>Hello <?php echo $name; ?>, welcome to <?=$site?>.</p>"
            + "<p><? if ($a > $b) { ?>Early birds get a discount.<? } ?></p>"
            + "<p>Doors open at <?php echo $time ?>.</p><img alt=\"<?=$alt?>\" src=\"a.png\"></body></html>\n"
        let page = try PageExtraction.extract(path: "Input/a.html", text: html)
        #expect(page.segments.map(\.text) == ["Hello <1/>", "Hello <1/>, welcome to <2/>.", "<1/>Early birds get a discount.<2/>",
                                              "Doors open at <1/>."])
        let hello = try #require(page.segments.first { $0.text.hasPrefix("Hello <1/>,") })
        #expect(hello.comments.contains("<1/> is a processing instruction, kept as is: <?php echo $name; ?>"))
        let (folder, built) = try HostileInputTests.build(page: html, translations: [
            "Hello <1/>": "Hallo <1/>",
            "Hello <1/>, welcome to <2/>.": "Hallo <1/>, willkommen bei <2/>.",
            "<1/>Early birds get a discount.<2/>": "<1/>Frühbucher erhalten Rabatt.<2/>",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(built.contains("<title>Hallo <?=$site?></title>"))
        #expect(built.contains("<p>Hallo <?php echo $name; ?>, willkommen bei <?=$site?>.</p>"))
        #expect(built.contains("<p><? if ($a > $b) { ?>Frühbucher erhalten Rabatt.<? } ?></p>"))
        #expect(built.contains("<p><span lang=\"en\">Doors open at <?php echo $time ?>.</span></p>")
                || built.contains("<p lang=\"en\">Doors open at <?php echo $time ?>.</p>"))
    }

    @Test("PHP inside a quoted attribute, and a '<' that starts no tag: translated as the source reads, the page comes back byte for byte")
    func instructionInAttribute() throws {
        let body = "<p><a href=\"<? abc ?>/site.html\">Sitename</a></p>\n<p><\na href=\"<? abc ?>/site.html\">Link</a></p>\n"
            + "<p>Doors &amp; windows<br>\nopen at <b>nine</b>.</p>\n"
        let html = "<!DOCTYPE html><html lang=\"en\"><head><title>Site</title></head><body>\n" + body + "</body></html>\n"
        var translations: [String: String] = [:]
        for segment in try PageExtraction.extract(path: "Input/page.html", text: html).segments { translations[segment.text] = segment.text }
        #expect(translations.keys.contains("< a href=\"<1/>/site.html\">Link"))
        let (folder, page) = try HostileInputTests.build(page: html, translations: translations)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(page.contains("<body>\n" + body + "</body>"), "\(page)")
        // A translation that differs is written as Tolk writes text: escaped, whitespace as the translator gave it.
        let (other, changed) = try HostileInputTests.build(page: html, translations: ["< a href=\"<1/>/site.html\">Link": "< a href=\"<1/>/seite.html\">Verweis"])
        defer { try? FileManager.default.removeItem(at: other) }
        #expect(changed.contains("<p>&lt; a href=\"<? abc ?>/seite.html\"&gt;Verweis</p>"))
    }

    @Test("a page's <base href> gets a warning with its line when the build writes the language switcher, once per page")
    func baseHref() throws {
        let html = "<!DOCTYPE html><html lang=\"en\"><head><title>Site</title>\n<base href=\"https://cdn.example.org/\"></head><body>\n"
            + "<nav data-tolk-languages></nav><p>Hello.</p></body></html>\n"
        let (folder, page) = try HostileInputTests.build(page: html, translations: ["Hello.": "Hallo."])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(page.contains("hreflang=\"en\""))
        let warnings = try SiteBuild(project: Project(root: folder), incremental: false).run().diagnostics.filter { $0.rule == "base-href" }
        #expect(warnings.map(\.line) == [2])
        #expect(warnings.first?.message.contains("language switcher") == true)
        // Without a switcher there is nothing Tolk writes that the base would lead astray.
        try html.replacingOccurrences(of: "<nav data-tolk-languages></nav>", with: "")
            .write(to: folder.appendingPathComponent("Input/page.html"), atomically: true, encoding: .utf8)
        #expect(try SiteBuild(project: Project(root: folder), incremental: false).run().diagnostics.filter { $0.rule == "base-href" }.isEmpty)
    }

    @Test("the content of a textarea or title is text, never markup: read as text, written back escaped, the page around it intact")
    func textOnlyContent() throws {
        let html = "<!DOCTYPE html><html lang=\"en\"><head><title>Form &amp; <fun></title></head><body>"
            + "<p>Intro <textarea>Close </p> then <b>bold</b> &lt;text&gt;.</textarea></p><p>Next paragraph.</p></body></html>\n"
        let page = try PageExtraction.extract(path: "Input/a.html", text: html)
        // ITS 2.0 makes a textarea nested: its text is a unit of its own, a placeholder in the sentence around it.
        #expect(page.segments.map(\.text) == ["Form & <fun>", "Close </p> then <b>bold</b> <text>.", "Intro <1/>", "Next paragraph."])

        // Untranslated: kept byte for byte, marked on the element, no <span> typed into the text.
        let (untouched, kept) = try HostileInputTests.build(page: html, translations: ["Next paragraph.": "Nächster Absatz."])
        defer { try? FileManager.default.removeItem(at: untouched) }
        #expect(kept.contains("<textarea lang=\"en\">Close </p> then <b>bold</b> &lt;text&gt;.</textarea></p><p>Nächster Absatz.</p>"))

        let (folder, built) = try HostileInputTests.build(page: html, translations: [
            "Form & <fun>": "Formular & <Spaß>", "Intro <1/>": "Einleitung <1/>",
            "Close </p> then <b>bold</b> <text>.": "Schließe </p>, dann <b>fett</b> <Text>.", "Next paragraph.": "Nächster Absatz.",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(built.contains("<title>Formular &amp; &lt;Spaß&gt;</title>"))
        #expect(built.contains("<p>Einleitung <textarea>Schließe &lt;/p&gt;, dann &lt;b&gt;fett&lt;/b&gt; &lt;Text&gt;.</textarea></p><p>Nächster Absatz.</p>"))
        // What a visitor gets: Chromium shows the text in the textarea and the next paragraph after it.
        let dom = HTMLParser.parse(try BrowserTests().dom(folder.appendingPathComponent("Output/de/page.html")))
        var textareas: [String] = [], paragraphs: [String] = []
        func collect(_ element: HTMLElement) {
            if element.name == "textarea" { textareas.append(element.textContent) }
            if element.name == "p" { paragraphs.append(element.textContent.collapsingHTMLWhitespace().trimmingHTMLWhitespace()) }
            element.children.forEach { if case let .element(child) = $0 { collect(child) } }
        }
        collect(dom.root)
        #expect(textareas == ["Schließe </p>, dann <b>fett</b> <Text>."])
        #expect(paragraphs.last == "Nächster Absatz.")
    }
}
