import Foundation
import Testing
@testable import TolkKit

/// Language names as gettext writes them become BCP 47 tags as HTML wants them, by ICU,
/// with script and region kept apart.
@Suite("Language tags")
struct LanguageTagTests {
    @Test("gettext catalogue names map to BCP 47", arguments: [
        ("pt_BR", "pt-BR"), ("zh_Hant", "zh-Hant"), ("zh_Hans", "zh-Hans"), ("sr@latin", "sr-Latn"), ("sr_RS@latin", "sr-Latn-RS"),
        ("ca@valencia", "ca-valencia"), ("de_DE@euro", "de-DE"), ("de", "de"), ("en-gb", "en-GB"), ("pt-PT", "pt-PT"),
    ])
    func mapping(_ name: String, _ tag: String) {
        #expect(LanguageTag.bcp47(name) == tag)
        #expect(LanguageTag.isKnown(name))
    }

    @Test("names that are not languages are refused", arguments: ["german", "", "de--x", "x", "de_DE_", "../de", "de@"])
    func refused(_ name: String) {
        #expect(!LanguageTag.isKnown(name))
    }

    @Test("script tells languages apart; region does not")
    func sameLanguage() {
        #expect(!LanguageTag.sameLanguage("zh-Hans", "zh-Hant"))
        #expect(!LanguageTag.sameLanguage("zh", "zh-TW"))
        #expect(LanguageTag.sameLanguage("zh-TW", "zh-Hant"))
        #expect(!LanguageTag.sameLanguage("sr-Latn", "sr"))
        #expect(LanguageTag.sameLanguage("en", "en-GB"))
        #expect(LanguageTag.sameLanguage("pt-BR", "pt-PT"))
    }

    @Test("a pt_BR.po catalogue builds Output/pt-BR/ with lang, hreflang and og:locale for Brazil")
    func brazilianPortuguese() throws {
        let folder = try temporaryProject(from: Fixture.url("build"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let locales = folder.appendingPathComponent("Locales/en")
        try FileManager.default.moveItem(at: locales.appendingPathComponent("de.po"), to: locales.appendingPathComponent("pt_BR.po"))
        let project = Project(root: folder)
        #expect(project.catalogLanguages() == ["pt-BR"])
        #expect(project.catalogPath(for: "pt-BR") == "Locales/en/pt_BR.po")
        _ = try SiteBuild(project: project).run()
        let page = try TextFile.read(folder.appendingPathComponent("Output/pt-BR/event.html").path)
        #expect(page.contains("<html lang=\"pt-BR\""))
        #expect(page.contains("hreflang=\"pt-BR\""))
        #expect(page.contains("<meta property=\"og:locale\" content=\"pt_BR\">"))
        let english = try TextFile.read(folder.appendingPathComponent("Output/en/event.html").path)
        #expect(english.contains("hreflang=\"pt-BR\" href=\"../pt-BR/event.html\""))
    }

    @Test("a page in Traditional Chinese goes into the Simplified Chinese catalogue; extract --locale names files the gettext way")
    func chineseScripts() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Input"), withIntermediateDirectories: true)
        try "<!DOCTYPE html><html lang=\"zh-Hant\"><head><title>活動</title></head><body><p>歡迎參加。</p></body></html>\n"
            .write(to: folder.appendingPathComponent("Input/event.html"), atomically: true, encoding: .utf8)
        let result = try CatalogUpdate(project: Project(root: folder)).run(newLanguages: ["zh-Hans", "sr@latin"])
        // The index's English messages get a catalogue of their own in each new language.
        #expect(result.summaries.map(\.path) == ["Locales/en/zh_Hans.po", "Locales/en/sr@latin.po",
                                                 "Locales/zh_Hant/zh_Hans.po", "Locales/zh_Hant/sr@latin.po"])
        let catalogue = try TextFile.read(folder.appendingPathComponent("Locales/zh_Hant/zh_Hans.po").path)
        #expect(catalogue.contains("msgid \"歡迎參加。\""))
        #expect(catalogue.contains("\"Language: zh_Hans\\n\""))
        #expect(try TextFile.read(folder.appendingPathComponent("Locales/zh_Hant/sr@latin.po").path).contains("\"Language: sr@latin\\n\""))
    }
}
