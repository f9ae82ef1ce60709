import Foundation
import Testing
@testable import TolkKit

/// The invisible-character rule reads ICU's character properties and the language's own
/// exemplar characters, so a letter-joiner Persian needs is not an attack.
@Suite("Invisible characters")
struct InvisibleCharacterTests {
    func findings(_ translation: String, language: String, source: String = "Read the book") -> [String] {
        let entry = POEntry(id: source, translations: [translation])
        let context = EntryContext(entry: entry, language: language, sourceLanguage: "en", catalogPath: "Locales/\(language).po", glossary: nil)
        return InvisibleCharacterRule().check(context).map(\.message)
    }

    @Test("bidi controls, zero-width and tag characters and controls are found", arguments: [
        ("Lies das\u{202E}Buch", "U+202E"), ("Lies das\u{200B}Buch", "U+200B"), ("Lies das Buch\u{E0041}", "U+E0041"),
        ("Lies\u{00AD}das Buch", "U+00AD"), ("Lies das\r Buch", "U+000D"), ("Lies das\u{2066}Buch\u{2069}", "U+2066"),
    ])
    func found(_ translation: String, _ code: String) {
        #expect(findings(translation, language: "de").first == "invisible character \(code) in the translation")
    }

    @Test("a control character no page may hold (BEL, ESC, NUL, C1) is an error: the build keeps the source instead")
    func forbidden() {
        for code in ["\u{7}", "\u{1B}", "\u{0}", "\u{85}"] {
            let message = "U+" + String(format: "%04X", code.unicodeScalars.first!.value)
                + " in the translation, which no page may hold; the build will keep the source text"
            #expect(findings("Lies das\(code) Buch", language: "de") == [message])
        }
    }

    @Test("Persian's zero-width non-joiner, emoji sequences and variation selectors are not findings")
    func languageNeeds() {
        #expect(findings("کتاب را می\u{200C}خوانم", language: "fa").isEmpty)
        #expect(findings("Lies das\u{200C}Buch", language: "de") == ["invisible character U+200C in the translation"])
        #expect(findings("Lies das Buch 👩\u{200D}💻", language: "de").isEmpty)
        #expect(findings("Lies das Buch ❤\u{FE0F}", language: "de").isEmpty)
        #expect(findings("Lies das\u{200B}Buch", language: "de", source: "Read the\u{200B}book").isEmpty)
    }
}
