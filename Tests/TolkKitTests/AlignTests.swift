import Foundation
import Testing
@testable import TolkKit

/// `tolk align`: a site's existing translations into its catalogues.
@Suite("Alignment")
struct AlignTests {
    /// A project with `english` as Input/page.html and `german` as de/page.html, aligned.
    func align(_ english: String, _ german: String, catalogue: String? = nil,
               dryRun: Bool = false) throws -> (folder: URL, result: CatalogAlignment.Result, catalog: POCatalog?) {
        let folder = try temporaryFolder()
        for (path, body, language) in [("Input/page.html", english, "en"), ("de/page.html", german, "de")] {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "<!DOCTYPE html><html lang=\"\(language)\"><head><title>\(language == "en" ? "Events" : "Veranstaltungen")</title></head><body>\n\(body)\n</body></html>\n"
                .write(to: url, atomically: true, encoding: .utf8)
        }
        if let catalogue {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("Locales/en"), withIntermediateDirectories: true)
            try catalogue.write(to: folder.appendingPathComponent("Locales/en/de.po"), atomically: true, encoding: .utf8)
        }
        let result = try CatalogAlignment(project: Project(root: folder), language: "de",
                                          folder: folder.appendingPathComponent("de"), dryRun: dryRun).run()
        let path = folder.appendingPathComponent("Locales/en/de.po").path
        let catalog = FileManager.default.fileExists(atPath: path) ? try POParser(path: "de.po").parse(fileAt: path) : nil
        return (folder, result, catalog)
    }

    func translation(_ catalog: POCatalog?, _ id: String) -> (String, fuzzy: Bool)? {
        catalog?.activeMessages.first { $0.id == id }.map { ($0.translation, $0.isFuzzy) }
    }

    @Test("same structure: every sentence, the title and an alt become translations; the build shows the German page")
    func sameStructure() throws {
        let (folder, result, catalog) = try align(
            "<h1>Spring workshop</h1>\n<p>We meet in the hall. Bring a friend.</p>\n<p><img src=\"room.jpg\" alt=\"The hall at night\"></p>",
            "<h1>Frühjahrsworkshop</h1>\n<p>Wir treffen uns im Saal. Bringen Sie jemanden mit.</p>\n<p><img src=\"room.jpg\" alt=\"Der Saal bei Nacht\"></p>")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(translation(catalog, "Events")! == ("Veranstaltungen", false))
        #expect(translation(catalog, "Spring workshop")! == ("Frühjahrsworkshop", false))
        #expect(translation(catalog, "We meet in the hall.")! == ("Wir treffen uns im Saal.", false))
        #expect(translation(catalog, "Bring a friend.")! == ("Bringen Sie jemanden mit.", false))
        #expect(translation(catalog, "The hall at night")! == ("Der Saal bei Nacht", false), "a translated alt")
        #expect(result.pages.count == 1 && result.fuzzy == 0 && result.pages[0].unalignedSource == 0)
        try "[languages.de]\nmin-completion = 0\n".write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
        _ = try SiteBuild(project: Project(root: folder)).run()
        let built = try String(contentsOf: folder.appendingPathComponent("Output/de/page.html"), encoding: .utf8)
        #expect(built.contains("<p>Wir treffen uns im Saal. Bringen Sie jemanden mit.</p>"))
        #expect(built.contains("alt=\"Der Saal bei Nacht\""))
    }

    @Test("a sentence the translator split in two is one translation; two joined into one are cut where the punctuation says")
    func splitAndMerged() throws {
        let (folder, _, catalog) = try align(
            "<p>The workshop is free and everyone who works in public services is welcome to join us. It ends at noon.</p>\n"
                + "<p>Apache. Use the AddCharset directive for the folder.</p>\n"
                + "<p><strong>Perl.</strong> Print the header before the page.</p>",
            "<p>Der Workshop ist kostenlos. Alle, die im öffentlichen Dienst arbeiten, sind willkommen. Er endet mittags.</p>\n"
                + "<p>Apache: Verwenden Sie die AddCharset-Direktive für den Ordner.</p>\n"
                + "<p><strong>Perl:</strong> Geben Sie den Header vor der Seite aus.</p>")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(translation(catalog, "The workshop is free and everyone who works in public services is welcome to join us.")?.0
            == "Der Workshop ist kostenlos. Alle, die im öffentlichen Dienst arbeiten, sind willkommen.")
        #expect(translation(catalog, "It ends at noon.")?.0 == "Er endet mittags.")
        #expect(translation(catalog, "Apache.")?.0 == "Apache:")
        #expect(translation(catalog, "Use the AddCharset directive for the folder.")?.0 == "Verwenden Sie die AddCharset-Direktive für den Ordner.")
        // The mark that ends the first part may close an element: the cut comes after it.
        #expect(translation(catalog, "<1>Perl.</1>")! == ("<1>Perl:</1>", false))
        #expect(translation(catalog, "Print the header before the page.")! == ("Geben Sie den Header vor der Seite aus.", false))
    }

    @Test("a paragraph whose sentences do not pair one to one: the page keeps the paragraph whole as its own translation, which build, stats, check and extract all take")
    func wholeParagraph() throws {
        let english = "<p>We meet in the hall at nine. Bring a friend, a notebook and <strong>lunch</strong>. The workshop ends at noon.</p>"
        let german = "<p>Wir treffen uns um neun im Saal und enden mittags; bringen Sie jemanden, ein Notizbuch und <strong>Mittagessen</strong> mit.</p>"
        let (folder, _, catalog) = try align(english, german)
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = try #require(catalog?.activeMessages.first { $0.context == "Input/page.html" })
        #expect(whole.id == "We meet in the hall at nine. Bring a friend, a notebook and <1>lunch</1>. The workshop ends at noon.")
        #expect(whole.translation == "Wir treffen uns um neun im Saal und enden mittags; bringen Sie jemanden, ein Notizbuch und <1>Mittagessen</1> mit.")
        #expect(!whole.isFuzzy && Array(whole.references) == ["Input/page.html:2"])
        #expect(whole.translatorComments.count == 1 && whole.translatorComments[0].hasSuffix(
            "the paragraph whole, as its sentences do not pair one to one; this page's own translation"))

        let project = Project(root: folder)
        try "[languages.de]\nmin-completion = 0\n".write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
        var build = SiteBuild(project: project)
        build.reviewFolder = ".tolk/review"
        let report = try build.run().pages.first { $0.language == "de" }!
        let built = try String(contentsOf: folder.appendingPathComponent("Output/de/page.html"), encoding: .utf8)
        #expect(built.contains("<p>\(german.dropFirst(3))"), "the built paragraph is the translator's")
        #expect(report.translated == report.segments, "every sentence counts as translated")
        let stats = try TranslationStats.compute(project).rows.first { $0.page == "Input/page.html" }!
        #expect(stats.counts.missing == 0 && stats.counts.fuzzy == 0, "\(stats.counts)")
        let findings = try CatalogCheck(project: project).run().findings
        #expect(!findings.contains { $0.msgctxt == "Input/page.html" || $0.rule == "obsolete-entry" }, "\(findings.map(\.message))")
        // The paragraph's sentences are left untranslated or fuzzy, but no page needs them now: notes, not errors.
        let sentences = findings.filter { ["untranslated", "fuzzy"].contains($0.rule) && $0.sourceFile == "Input/page.html" }
        #expect(!sentences.isEmpty && sentences.allSatisfy { $0.severity == .note && $0.message.contains("no page needs it now") },
                "\(sentences.map { "\($0.severity) \($0.message)" })")
        // A CAT tool sees the page's own tags for its placeholders, and the page named.
        let xliff = try XLIFFExport(project: project, language: "de").run().xml
        let unitStart = try #require(xliff.range(of: "<unit id=\"\(XLIFFWriter.unitID(context: "Input/page.html", id: whole.id))\""))
        let unit = xliff[unitStart.lowerBound..<xliff[unitStart.upperBound...].range(of: "</unit>")!.upperBound]
        #expect(unit.contains("&lt;strong&gt;</data>") && unit.contains("Input/page.html"), "\(unit)")
        let review = try String(contentsOf: folder.appendingPathComponent(".tolk/review/de/page.html"), encoding: .utf8)
        #expect(review.contains("data-tolk-msgctxt=\"Input/page.html\""), "the review view names the entry that answered")
        let path = folder.appendingPathComponent("Locales/en/de.po").path
        let before = try String(contentsOfFile: path, encoding: .utf8)
        _ = try CatalogUpdate(project: project).run()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before, "extract keeps it as it is")

        // The English paragraph changed: no longer this page's text, it is kept obsolete; the sentences go on.
        let page = folder.appendingPathComponent("Input/page.html")
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "at noon", with: "at one")
            .write(to: page, atomically: true, encoding: .utf8)
        _ = try CatalogUpdate(project: project).run()
        let updated = try POParser(path: "de.po").parse(fileAt: path)
        #expect(updated.entries.contains { $0.context == "Input/page.html" && $0.isObsolete })
        #expect(!updated.activeMessages.contains { $0.context == "Input/page.html" })
        // Now a page needs the sentences again: the check says so as before.
        let again = try CatalogCheck(project: project).run().findings.filter { $0.msgid == "We meet in the hall at nine." }
        #expect(!again.isEmpty && again.allSatisfy { $0.severity != .note }, "\(again.map(\.message))")
    }

    @Test("a paragraph added to the English and one dropped from the German do not shift the others")
    func addedAndDropped() throws {
        let (folder, result, catalog) = try align(
            "<h2>Programme</h2>\n<p>Doors open at nine.</p>\n<p>A brand new paragraph that the German page never had, about parking.</p>\n"
                + "<p>Lunch is served in the garden.</p>\n<h2>Contact</h2>\n<p>Write to us any time.</p>",
            "<h2>Programm</h2>\n<p>Einlass ist um neun.</p>\n<p>Das Mittagessen gibt es im Garten.</p>\n"
                + "<p>Ein Absatz, den es nur auf Deutsch gibt, über die Anreise mit der Bahn.</p>\n<h2>Kontakt</h2>\n<p>Schreiben Sie uns jederzeit.</p>")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(translation(catalog, "Doors open at nine.")?.0 == "Einlass ist um neun.")
        #expect(translation(catalog, "Lunch is served in the garden.")?.0 == "Das Mittagessen gibt es im Garten.")
        #expect(translation(catalog, "Write to us any time.")?.0 == "Schreiben Sie uns jederzeit.")
        #expect(translation(catalog, "Contact")?.0 == "Kontakt")
        #expect(translation(catalog, "A brand new paragraph that the German page never had, about parking.")?.0 == "")
        #expect(result.pages[0].unalignedSource == 1 && result.pages[0].unalignedTarget == 1)
    }

    @Test("links the translator reordered keep their own placeholders, matched by href")
    func reorderedLinks() throws {
        let (folder, _, catalog) = try align(
            "<p>Read the <a href=\"/guide\">guide</a> and the <a href=\"/faq\">questions</a> first.</p>",
            "<p>Lesen Sie zuerst die <a href=\"/faq\">Fragen</a> und den <a href=\"/guide\">Leitfaden</a>.</p>")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(translation(catalog, "Read the <1>guide</1> and the <2>questions</2> first.")!
            == ("Lesen Sie zuerst die <2>Fragen</2> und den <1>Leitfaden</1>.", false))
    }

    @Test("an inline element the translation lacks is put back where its text stands; one it cannot place makes the entry fuzzy")
    func unmatchedCodes() throws {
        let (folder, _, catalog) = try align(
            "<p>Set the <code>charset</code> attribute.</p>\n<p>Read <em>this</em> now.</p>\n"
                + "<p>Add a <code translate=\"no\">@charset</code> rule.</p>",
            "<p>Setzen Sie das charset-Attribut.</p>\n<p>Lesen Sie das jetzt.</p>\n"
                + "<p>Fügen Sie eine <code>@charset</code>-Regel hinzu.</p>")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(translation(catalog, "Set the <1>charset</1> attribute.")! == ("Setzen Sie das <1>charset</1>-Attribut.", false))
        // Protected whole in the source, plain in the translation: its placeholder.
        #expect(translation(catalog, "Add a <1/> rule.")! == ("Fügen Sie eine <1/>-Regel hinzu.", false))
        let fuzzy = try #require(catalog?.activeMessages.first { $0.id == "Read <1>this</1> now." })
        #expect(fuzzy.isFuzzy && fuzzy.translation == "Lesen Sie das jetzt.")
        #expect(fuzzy.translatorComments.first?.hasPrefix("Aligned from ") == true && fuzzy.translatorComments[0].contains("de/page.html"))
    }

    @Test("inline elements marked up differently are still matched: by their words, class, language and where a link really points")
    func markupVariants() throws {
        let (folder, _, catalog) = try align(
            "<p>Unlike <code class=\"kw\" translate=\"no\">:lang</code>, it needs a <a href=\"../articles/lang/\">lang attribute</a>.</p>\n"
                + "<p>Flickr translates \"FAQ\" as \"<span lang=\"pt\">Perguntas</span>\" in Portuguese and "
                + "\"<span lang=\"es\">Preguntas frecuentes</span>\" in Spanish.</p>\n"
                + "<p><a href=\"/blog/graphics\"><cite>Graphic text problems</cite></a></p>",
            "<p>Anders als <span class=\"kw\">:lang</span> braucht er ein <a href=\"/International/articles/lang/\">lang-Attribut</a>.</p>\n"
                + "<p>Flickr übersetzt „<span lang=\"es\">FAQ</span>“ als „<span lang=\"pt\">Perguntas</span>“ ins Portugiesische und "
                + "„<span lang=\"es\">Preguntas frecuentes</span>“ ins Spanische.</p>\n"
                + "<p><a href=\"/blog/graphics\"><cite>Textgrafik-Probleme</cite></a> (Blogeintrag)</p>")
        defer { try? FileManager.default.removeItem(at: folder) }
        // `<code translate="no">` in one page, `<span>` with the same class and words in the other;
        // a link relative in one and from the site's root in the other.
        #expect(translation(catalog, "Unlike <1/>, it needs a <2>lang attribute</2>.")!
            == ("Anders als <1/> braucht er ein <2>lang-Attribut</2>.", false))
        // The first Spanish span holds other words than the source's: its text stays, unmatched.
        #expect(translation(catalog, "Flickr translates \"FAQ\" as \"<1/>\" in Portuguese and \"<2/>\" in Spanish.")!
            == ("Flickr übersetzt „FAQ“ als „<1/>“ ins Portugiesische und „<2/>“ ins Spanische.", false))
        // Elements the source has around the whole unit are in the translation's text: its words are kept.
        #expect(translation(catalog, "Graphic text problems")! == ("Textgrafik-Probleme (Blogeintrag)", false))
    }

    @Test("a message pages translate differently: the entry takes the translation most give, and each other page keeps its own wording in an entry of its own")
    func variants() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, german) in [("a", "Verwandte Links"), ("b", "Weitere Links"), ("c", "Verwandte Links")] {
            for (side, language, text) in [("Input", "en", "Related links"), ("de", "de", german)] {
                let url = folder.appendingPathComponent("\(side)/\(name).html")
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try "<!DOCTYPE html><html lang=\"\(language)\"><body><h2>\(text)</h2></body></html>\n".write(to: url, atomically: true, encoding: .utf8)
            }
        }
        let project = Project(root: folder)
        _ = try CatalogAlignment(project: project, language: "de", folder: folder.appendingPathComponent("de")).run()
        let path = folder.appendingPathComponent("Locales/en/de.po").path
        let catalog = try POParser(path: "de.po").parse(fileAt: path)
        let shared = try #require(catalog.activeMessages.first { $0.id == "Related links" && $0.context == nil })
        #expect(shared.translation == "Verwandte Links" && !shared.isFuzzy && shared.translatorComments.isEmpty)
        let own = try #require(catalog.activeMessages.first { $0.id == "Related links" && $0.context == "Input/b.html" })
        #expect(own.translation == "Weitere Links" && !own.isFuzzy && Array(own.references) == ["Input/b.html:1"])
        #expect(own.translatorComments.count == 1
            && own.translatorComments[0].hasSuffix("de/b.html, which words it differently from the other pages: this page's own translation"))

        // The build says what each translated page said; stats and check agree.
        try "[languages.de]\nmin-completion = 0\n".write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
        _ = try SiteBuild(project: project).run()
        func heading(_ name: String) throws -> String {
            let built = try String(contentsOf: folder.appendingPathComponent("Output/de/\(name).html"), encoding: .utf8)
            return String(built[built.range(of: "<h2>")!.upperBound..<built.range(of: "</h2>")!.lowerBound])
        }
        #expect(try ["a", "b", "c"].map(heading) == ["Verwandte Links", "Weitere Links", "Verwandte Links"])
        #expect(try TranslationStats.compute(project).rows.filter { $0.page != nil }.allSatisfy { $0.counts.missing == 0 })
        let findings = try CatalogCheck(project: project).run().findings.map(\.rule)
        #expect(!findings.contains("obsolete-entry") && !findings.contains("missing-entry"), "\(findings)")

        // extract keeps it as it is; the page's own entry changed rebuilds that page, with the new words.
        _ = try CatalogUpdate(project: project).run()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == POWriter().write(catalog))
        // gettext's msgmerge with the template (Weblate's add-on) marks it obsolete; the next extract brings it back.
        let merged = try GNUGettext.run("msgmerge", ["--quiet", "--previous", "-o", "-", path,
                                                     folder.appendingPathComponent("Locales/en/template.pot").path])
        #expect(merged.contains("#~ msgctxt \"Input/b.html\""))
        try merged.write(toFile: path, atomically: true, encoding: .utf8)
        _ = try CatalogUpdate(project: project).run()
        #expect(try POParser(path: "de.po").parse(fileAt: path).activeMessages.contains {
            $0.context == "Input/b.html" && $0.translation == "Weitere Links" && !$0.isFuzzy
        })
        let edited = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "msgstr \"Weitere Links\"", with: "msgstr \"Mehr Links\"")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try SiteBuild(project: project).run().rebuiltPages == 1)
        #expect(try heading("b") == "Mehr Links")
        // Marked fuzzy, it is not used: the page shows the message's translation.
        try edited.replacingOccurrences(of: "#: Input/b.html:1\n", with: "#: Input/b.html:1\n#, fuzzy\n").write(toFile: path, atomically: true, encoding: .utf8)
        _ = try SiteBuild(project: project).run()
        #expect(try heading("b") == "Verwandte Links")

        // A page that no longer has the text: its entry becomes obsolete, with its words.
        try "<!DOCTYPE html><html lang=\"en\"><body><h2>Further reading</h2></body></html>\n"
            .write(to: folder.appendingPathComponent("Input/b.html"), atomically: true, encoding: .utf8)
        _ = try CatalogUpdate(project: project).run()
        let updated = try POParser(path: "de.po").parse(fileAt: path)
        #expect(updated.entries.contains { $0.context == "Input/b.html" && $0.isObsolete && $0.translation == "Mehr Links" })
        #expect(!updated.activeMessages.contains { $0.context == "Input/b.html" })
    }

    @Test("a preformatted block the translator trimmed: the translation starts and ends with a line break where the source does, as msgfmt requires")
    func preformatted() throws {
        let (folder, _, catalog) = try align("<pre>\nbody { margin: 0 }\n</pre>", "<pre>body { margin: 0 }</pre>")
        defer { try? FileManager.default.removeItem(at: folder) }
        let entry = try #require(catalog?.activeMessages.first { $0.id.contains("margin") })
        #expect(entry.translation.hasSuffix("\n") == entry.id.hasSuffix("\n") && entry.translation.hasPrefix("\n") == entry.id.hasPrefix("\n"))
        _ = try GNUGettext.run("msgfmt", ["--check", "-o", "/dev/null", folder.appendingPathComponent("Locales/en/de.po").path])
    }

    @Test("words the two languages share (cognates: Unicode, Normalisierung) vouch for a pair whose lengths differ; unrelated text of that length does not")
    func cognates() throws {
        func features(_ body: String, _ language: String) throws -> PageAlignment.UnitFeatures {
            let page = try PageExtraction.extract(path: "p.html", text: "<html lang=\"\(language)\"><body>\(body)</body></html>")
            return PageAlignment.UnitFeatures(page.units.last!, bytes: Array(page.text.utf8))
        }
        let english = try features("<p>Normalization converts Unicode text to one canonical form.</p>", "en")
        let translation = try features("<p>Die Normalisierung wandelt Unicode-Text in eine kanonische Form um, wie es der Unicode-Standard beschreibt.</p>", "de")
        let unrelated = try features("<p>Die Anmeldung ist bis Freitag geöffnet, danach schicken wir allen Gästen eine kurze Erinnerung.</p>", "de")
        #expect(PageAlignment.score(english, translation) >= PageAlignment.confidentUnit)
        #expect(PageAlignment.score(english, unrelated) < PageAlignment.confidentUnit)
    }

    @Test("a translation already in the catalogue is never overwritten; the other one is reported")
    func neverOverwrite() throws {
        var header = CatalogTemplate.header(for: "de")
        header.translatorComments = []
        var existing = POCatalog(entries: [header, POEntry(id: "Doors open at nine.", translations: ["Die Türen öffnen um neun."])])
        existing.entries.append(POEntry(id: "Events", translations: [""]))
        let (folder, result, catalog) = try align("<p>Doors open at nine.</p>", "<p>Einlass ist um neun.</p>",
                                                  catalogue: POWriter().write(existing))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(translation(catalog, "Doors open at nine.")?.0 == "Die Türen öffnen um neun.")
        #expect(translation(catalog, "Events")?.0 == "Veranstaltungen")
        #expect(result.conflicts == 1)
        let conflict = try #require(result.diagnostics.first { $0.rule == "align-conflict" })
        #expect(conflict.file == "Locales/en/de.po" && conflict.message.contains("Einlass ist um neun."))
    }

    @Test("bad input: a page in the wrong language, an unreadable one and one without a source are reported; --dry-run writes nothing")
    func badInput() throws {
        let (folder, _, _) = try align("<p>Hello.</p>", "<p>Hallo.</p>", dryRun: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Locales").path), "--dry-run wrote a catalogue")
        let de = folder.appendingPathComponent("de")
        try "<html lang=\"fr\"><body><p>Bonjour.</p></body></html>".write(to: de.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
        try "<p>Nur hier.</p>".write(to: de.appendingPathComponent("orphan.html"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Input/sub"), withIntermediateDirectories: true)
        try "<p>Second.</p>".write(to: folder.appendingPathComponent("Input/sub/two.html"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: de.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data([0x3C, 0x70, 0x3E, 0xFF, 0xFE, 0x00]).write(to: de.appendingPathComponent("sub/two.html"))
        let result = try CatalogAlignment(project: Project(root: folder), language: "de", folder: de).run()
        let rules = Dictionary(result.diagnostics.map { ($0.rule, $0.file) }, uniquingKeysWith: { first, _ in first })
        #expect(rules["align-wrong-language"]?.hasSuffix("de/page.html") == true)
        #expect(rules["align-no-source"]?.hasSuffix("de/orphan.html") == true)
        #expect(rules["align-unreadable"]?.hasSuffix("de/sub/two.html") == true)
        #expect(result.pages.isEmpty && result.catalogues.isEmpty)
    }

    @Test("a translation that is a link out of the folder, or a looping link, stops the run with its path; a link inside is followed")
    func links() throws {
        let (folder, _, _) = try align("<p>Hello.</p>", "<p>Hallo.</p>", dryRun: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let de = folder.appendingPathComponent("de")
        let outside = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        let secret = outside.appendingPathComponent("secret.html")
        try "<html lang=\"de\"><body><p>Geheim.</p></body></html>".write(to: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Input/sub"), withIntermediateDirectories: true)
        try "<p>Second.</p>".write(to: folder.appendingPathComponent("Input/sub/two.html"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: de.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let link = de.appendingPathComponent("sub/two.html")
        func run() throws -> CatalogAlignment.Result {
            try CatalogAlignment(project: Project(root: folder), language: "de", folder: de, dryRun: true).run()
        }
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: secret.path)
        #expect { try run() } throws: { error in
            (error as? TolkError)?.description.contains("de/sub/two.html: a symbolic link Tolk will not follow: it leads outside the folder of translations") == true
        }
        try FileManager.default.removeItem(at: link)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: link.path)
        #expect { try run() } throws: { error in
            (error as? TolkError)?.description.contains("de/sub/two.html") == true && "\(error)".contains("loops")
        }
        try FileManager.default.removeItem(at: link)
        try "<html lang=\"de\"><body><p>Zweiter.</p></body></html>".write(to: de.appendingPathComponent("real.html"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "../real.html")
        let result = try run()
        #expect(result.pages.map(\.page).sorted() == ["Input/page.html", "Input/sub/two.html"])
    }
}
