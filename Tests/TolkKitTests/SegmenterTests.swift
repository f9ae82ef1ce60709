import Testing
@testable import TolkKit

@Suite("Segmentation")
struct SegmenterTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var locale: String
        var text: String
        var sentences: [String]
        var testDescription: String { "\(locale): \(text.prefix(40))" }
    }

    @Test("the byte-level letter check agrees with Character.isLetter", arguments: [
        "", "2022.", "12:30 – 14:00", "Hello", "“Quote”", "— 3 —", "Ärger", "1 é", "\u{0600}1", "\u{0600}a", "1 \u{093E}", "😀 ", "a\u{301}",
    ])
    func containsLetter(_ text: String) {
        #expect(text.containsLetter == text.contains(where: \.isLetter))
    }

    @Test("sentences, with abbreviation and ordinal exceptions on top of ICU", arguments: [
        Case(locale: "en", text: "Dr. Amara Okafor leads the session. It ends at noon.",
             sentences: ["Dr. Amara Okafor leads the session.", "It ends at noon."]),
        Case(locale: "en", text: "We meet on Oct. 13 in Berlin. Mr. Smith, e.g. Bob, said so!",
             sentences: ["We meet on Oct. 13 in Berlin.", "Mr. Smith, e.g. Bob, said so!"]),
        Case(locale: "en", text: "What next? Ask Prof. Jones. Then go.",
             sentences: ["What next?", "Ask Prof. Jones.", "Then go."]),
        Case(locale: "en", text: "The event costs £5.50 per person. Lunch is included.",
             sentences: ["The event costs £5.50 per person.", "Lunch is included."]),
        Case(locale: "de", text: "Wir treffen uns z. B. am 13. Oktober in Berlin. Der 3. Teil folgt.",
             sentences: ["Wir treffen uns z. B. am 13. Oktober in Berlin.", "Der 3. Teil folgt."]),
        Case(locale: "de", text: "Am Do. 13. Okt. Die Sitzung beginnt um 10 Uhr. Das ist gut!",
             sentences: ["Am Do. 13. Okt. Die Sitzung beginnt um 10 Uhr.", "Das ist gut!"]),
        Case(locale: "de", text: "Treffpunkt ist am 13.10. um 9.30 Uhr. Bitte pünktlich sein.",
             sentences: ["Treffpunkt ist am 13.10. um 9.30 Uhr.", "Bitte pünktlich sein."]),
        Case(locale: "de", text: "Das war im Jahr 2022. Danach kam mehr, d. h. viel mehr.",
             sentences: ["Das war im Jahr 2022.", "Danach kam mehr, d. h. viel mehr."]),
        Case(locale: "de", text: "Hallo   Welt.\n  Zweiter\tSatz.", sentences: ["Hallo Welt.", "Zweiter Satz."]),
    ])
    func sentences(_ example: Case) throws {
        #expect(try Segmenter(locale: example.locale).sentences(in: example.text) == example.sentences)
    }

    func unit(_ tokens: [UnitToken], codes: Int) -> TranslationUnit {
        TranslationUnit(kind: .content(element: "p"), tokens: tokens,
                        codes: Array(repeating: InlineCode(element: "a", protection: nil, original: ""), count: codes),
                        line: 1, context: nil, notes: [], preservesSpace: false)
    }

    @Test("a sentence is never split inside an inline element that spans the boundary")
    func inlineSpanningBoundary() throws {
        let spanning = unit([.text("Before. "), .open(0), .text("Inside one. Inside"), .close(0), .text(" two. After.")], codes: 1)
        #expect(try Segmenter(locale: "en").segments(of: spanning).map(\.text) == [
            "Before.", "<1>Inside one. Inside</1> two.", "After.",
        ])
    }

    @Test("placeholders are numbered from 1 in each segment, in order of appearance")
    func numberingPerSegment() throws {
        let tokens: [UnitToken] = [
            .open(0), .text("One"), .close(0), .text(" sentence. Then "), .empty(1), .text(" and "),
            .open(2), .text("two"), .close(2), .text("."),
        ]
        let segments = try Segmenter(locale: "en").segments(of: unit(tokens, codes: 3))
        #expect(segments.map(\.text) == ["<1>One</1> sentence.", "Then <1/> and <2>two</2>."])
        #expect(segments[1].numbering == [1: 1, 2: 2])
    }

    @Test("units without letters are not offered for translation")
    func noLetters() throws {
        let segments = try Segmenter(locale: "en").segments(of: unit([.text(" 2022 – 10:00 ")], codes: 0))
        #expect(segments.map(\.text) == ["2022 – 10:00"])
        #expect(segments.allSatisfy { !$0.isTranslatable }, "kept for the build, never offered to translators")
    }
}

@Suite("Placeholder syntax")
struct MessageTextTests {
    @Test("placeholders parse; escaped look-alikes stay text", arguments: [
        ("Go <1>here</1> or <2/>.", [MessageText.Piece.text("Go "), .open(1), .text("here"), .close(1), .text(" or "), .empty(2), .text(".")]),
        ("Literal \\<1> and \\\\ and <b>", [.text("Literal <1> and \\ and <b>")]),
        ("a < b and <0> and <1 />", [.text("a < b and <0> and <1 />")]),
        ("<12>x</12>", [.open(12), .text("x"), .close(12)]),
    ])
    func parse(_ message: String, _ pieces: [MessageText.Piece]) {
        #expect(MessageText.parse(message) == pieces)
    }

    @Test("escaping is unambiguous: any literal text survives escape then parse", arguments: [
        "<1>", "</2>", "<3/>", "\\", "\\<1>", "a\\\\b", "x < y > z", "<1>\u{301} combining", "C:\\path\\<1/>",
    ])
    func roundTrip(_ literal: String) {
        let escaped = MessageText.escape(literal)
        #expect(MessageText.parse(escaped) == [.text(literal)])
        #expect(MessageText.plainText(escaped) == literal)
    }
}
