import Testing
@testable import TolkKit

/// What becomes a msgid, per HTML5 and ITS 2.0 local markup, on fixture pages.
@Suite("Extraction")
struct ExtractionTests {
    func extract(_ fixture: String) throws -> PageExtraction {
        try PageExtraction.extract(path: "Input/\(fixture)", text: Fixture.text("html/\(fixture)"))
    }

    func msgids(_ fixture: String) throws -> [String] {
        try extract(fixture).segments.map(\.text)
    }

    @Test("text is grouped per block element, inline elements become placeholders")
    func grouping() throws {
        #expect(try msgids("grouping.html") == [
            "Grouping test page",
            "Main heading",
            "First sentence with a <1>link</1> and <2>bold <3>nested</3> text</2>.",
            "Second sentence.",
            "Loose text in a div.",
            "Paragraph inside the div.",
            "Tail text after it.",
            "Item one",
            "Nested item",
            "Read more",
            "Icon",
            "Line one<1/>line two with an <2/> icon.",
            "Table caption",
            "Header cell",
            "Data cell",
            "A photo",
            "Figure caption",
            "Block inside a link",
            "Your name",
            "Jane Doe",
            "Send now",
            "Close dialog",
            "Close",
            "Option label",
            "Option text",
            "Please enable JavaScript.",
        ])
    }

    @Test("scripts, styles, comments, processing instructions and URLs never reach a msgid")
    func neverExtracted() throws {
        let all = try msgids("grouping.html").joined(separator: "\n")
        for forbidden in ["Script text", "Style text", "comment", "processing instruction", "https://", ".html", "icon.png", "secret value"] {
            #expect(!all.contains(forbidden), "\(forbidden) leaked into a msgid")
        }
    }

    @Test("each translatable attribute is its own entry, with a comment naming it")
    func attributes() throws {
        let segments = try extract("grouping.html").segments
        let comments = Dictionary(segments.map { ($0.text, $0.comments) }, uniquingKeysWith: { a, _ in a })
        #expect(comments["Icon"] == ["Attribute alt of <img>"])
        #expect(comments["Jane Doe"] == ["Attribute placeholder of <input>"])
        #expect(comments["Send now"] == ["Attribute value of <input>"])
        #expect(comments["Close dialog"] == ["Attribute aria-label of <button>"])
        #expect(comments["Option label"] == ["Attribute label of <option>"])
        let meta = try extract("whitespace.html").segments.first
        #expect(meta?.text == "Spaced description")
        #expect(meta?.comments == ["Attribute content of <meta name=\"description\">"])
    }

    @Test("every translatable attribute kind, and no other attribute")
    func everyAttribute() throws {
        let segments = try extract("attributes.html").segments
        #expect(segments.map(\.text) == [
            "Attributes", "Meta description text", "events, social pedagogy", "Open Graph title",
            "Open Graph description", "Open Graph site name", "Twitter title", "Twitter description",
            "Link title", "Paragraph title", "Body text.", "Image alt", "Search placeholder", "Button value",
            "Reset value", "Region label", "Region text.", "Video title", "Track label", "Group label", "Choice",
        ])
        #expect(segments.first { $0.text == "Twitter title" }?.comments == ["Attribute content of <meta name=\"twitter:title\">"])
        #expect(segments.first { $0.text == "Open Graph site name" }?.comments == ["Attribute content of <meta property=\"og:site_name\">"])
    }

    @Test("translate=no, other languages and <time datetime> are protected placeholders")
    func protectedContent() throws {
        let segments = try extract("protected.html").segments
        #expect(segments.map(\.text) == [
            "Protected content",
            "Join <1/> and <2/> today.",
            "Reopened <1>translation</1> here.",
            "Talk in German: <1/>, then English again.",
            "Same language, other region.",
            "Starts <1/> sharp.",
            "Undated <1>tomorrow</1> stays translatable.",
            "<1><2/> <3>opens here</3> <4/></1>.",
            "Save",
            "Book",
        ])
        let byText = Dictionary(segments.map { ($0.text, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byText["Join <1/> and <2/> today."]?.comments == [
            "<1/> stays as is (translate=\"no\"): ThemPra",
            "<2/> stays as is (translate=\"no\"): Iriss",
        ])
        #expect(byText["Talk in German: <1/>, then English again."]?.comments == [
            "<1/> stays as is (lang=\"de\"): Sozialpädagogik für alle",
        ])
        #expect(byText["Starts <1/> sharp."]?.comments == [
            "<1/> is rendered for each language from datetime=\"2022-10-11T10:00+01:00\": Tuesday at 10am",
        ])
        let all = segments.map(\.text).joined(separator: "\n")
        for forbidden in ["whole paragraph", "Inherited protection", "deutscher Absatz", "Protected alt", "ThemPra", "Sozialpädagogik"] {
            #expect(!all.contains(forbidden), "protected \(forbidden) leaked into a msgid")
        }
    }

    @Test("localization notes become comments and data-l10n-context a msgctxt")
    func notesAndContext() throws {
        let segments = try extract("protected.html").segments
        let save = try #require(segments.first { $0.text == "Save" })
        #expect(save.context == "button")
        #expect(save.comments == ["Keep it short"])
        let book = try #require(segments.first { $0.text == "Book" })
        #expect(book.context == nil)
        #expect(book.comments == ["A verb, not a noun"])
    }

    @Test("whitespace collapses except in pre; entities are decoded; placeholder look-alikes are escaped")
    func whitespaceAndEntities() throws {
        #expect(try msgids("whitespace.html") == [
            "Spaced description",
            "Whitespace & entities",
            "Several lines of text & an\u{A0}entity – with <tags> and \"quotes\".",
            "Space before <1>emphasis</1> and after.",
            "  Preformatted\n    text   stays",
            "Literal \\<1> and \\</2> and \\<3/> and \\\\ backslash.",
            "“Typographic quotes” and ‘single ones’.",
        ])
    }

    @Test("broken markup is still extracted, with a warning naming file and line")
    func brokenMarkup() throws {
        let page = try extract("broken.html")
        #expect(page.segments.map(\.text) == [
            "Broken page",
            "An unclosed paragraph",
            "A stray closing tag follows.",
            "Mismatched nesting",
            "Still <1>extracted</1> after the errors.",
        ])
        #expect(page.segments.map(\.line) == [3, 5, 6, 7, 8])
        #expect(page.diagnostics.map(\.description).contains("Input/broken.html:6: warning: Unexpected end tag : span (repaired)"))
        #expect(page.diagnostics.map(\.description).contains("Input/broken.html:8: warning: Unexpected end tag : i (repaired)"))
    }

    @Test("a page's language comes from <html lang>, English when it says nothing")
    func pageLanguage() throws {
        #expect(try extract("protected.html").language == "en")
        #expect(try extract("whitespace.html").language == "en")
        let german = try PageExtraction.extract(path: "Input/de.html", text: "<html lang=\"de\"><p>Hallo z. B. Welt. Zweiter Satz.</p></html>")
        #expect(german.language == "de")
        #expect(german.segments.map(\.text) == ["Hallo z. B. Welt.", "Zweiter Satz."])
        #expect(LanguageTag.isKnown("pt_BR") && LanguageTag.isKnown("de-CH") && LanguageTag.isKnown("zh-Hant-TW"))
        #expect(!LanguageTag.isKnown("german") && !LanguageTag.isKnown("") && !LanguageTag.isKnown("de--x"))
        #expect(throws: TolkError.unknownLanguage(code: "qq-zz", source: "Input/x.html:1 <html lang>")) {
            try PageExtraction.extract(path: "Input/x.html", text: "<html lang=\"qq-zz\"><p>Text</p></html>")
        }
    }
}
