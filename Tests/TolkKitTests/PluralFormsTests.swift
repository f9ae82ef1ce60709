import Foundation
import Testing
@testable import TolkKit

/// Plural-Forms headers come from CLDR's rules in ICU and agree with gettext's own table.
@Suite("Plural forms")
struct PluralFormsTests {
    /// gettext's Plural-Forms for a language, from `msginit`, which carries gettext's table.
    static func msginit(_ language: String) throws -> String {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = folder.appendingPathComponent("t.pot")
        try "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n".write(to: template, atomically: true, encoding: .utf8)
        let output = try GNUGettext.run("msginit", ["--no-translator", "--no-wrap", "--locale=\(language)", "-i", template.path, "-o", "-"])
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("\"Plural-Forms: ") })
        return String(line.dropFirst("\"Plural-Forms: ".count).dropLast(3))
    }

    /// Every language in gettext 0.21's table whose CLDR rules count whole things the same
    /// way. Not here: Portuguese ("pt" is European in gettext, Brazilian in CLDR, whose
    /// pt_PT agrees with gettext), and Irish, Hebrew and Latvian, where CLDR has more
    /// forms or another order than gettext's older table (Tolk writes CLDR's).
    @Test("the header chooses the same form as gettext's table for every count up to 10,000", arguments: [
        "de", "en", "nl", "sv", "da", "nb", "fi", "et", "it", "es", "el", "hu", "bg", "fr", "pt_BR", "pt_PT", "tr",
        "ja", "ko", "vi", "ru", "uk", "be", "pl", "cs", "sk", "sl", "lt", "ro", "hr", "sr",
    ])
    func agreesWithGettext(_ language: String) throws {
        let ours = PluralForms.header(for: language)
        let gettext = try Self.msginit(language)
        #expect(PluralForms.agree(ours, gettext), "ours: \(ours)\ngettext: \(gettext)")
    }

    @Test("Slovenian has four forms, Lithuanian and Romanian three, Japanese one, German two")
    func counts() {
        #expect(PluralForms.count(in: PluralForms.header(for: "sl")) == 4)
        #expect(PluralForms.count(in: PluralForms.header(for: "lt")) == 3)
        #expect(PluralForms.count(in: PluralForms.header(for: "ro")) == 3)
        #expect(PluralForms.count(in: PluralForms.header(for: "ja")) == 1)
        #expect(PluralForms.header(for: "de") == "nplurals=2; plural=(n != 1);")
        #expect(PluralForms.header(for: "fr") == "nplurals=2; plural=(n > 1);")
        #expect(PluralForms.header(for: "pt_BR") == "nplurals=2; plural=(n > 1);")
    }

    @Test("every header picks the form ICU's CLDR rules pick", arguments: ["sl", "lt", "ro", "ru", "pl", "cs", "ar", "ga", "lv", "cy", "he", "is", "fr", "de"])
    func agreesWithICU(_ language: String) throws {
        let header = PluralForms.header(for: language)
        let expression = try #require(PluralForms.expression(in: header))
        let categories = PluralForms.order.filter { category in (0..<1000).contains { PluralForms.select(language, $0) == category } }
        for n in 0..<1000 {
            #expect(expression.evaluate(n).map { categories[$0] } == PluralForms.select(language, n), "\(language) n=\(n)")
        }
    }

    @Test("expressions are read as C reads them")
    func expressions() throws {
        let cases: [(String, [Int: Int])] = [
            ("(n != 1)", [0: 1, 1: 0, 2: 1]),
            ("n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2", [1: 0, 11: 2, 21: 0, 22: 1, 25: 2, 112: 2]),
            ("(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2", [1: 0, 3: 1, 5: 2]),
            ("!(n > 1) + 2 * 3 - 6", [0: 1, 5: 0]),
        ]
        for (text, values) in cases {
            let expression = try #require(PluralExpression(text), "\(text)")
            for (n, form) in values { #expect(expression.evaluate(n) == form, "\(text) n=\(n)") }
        }
        #expect(PluralExpression("n ==") == nil)
        #expect(PluralExpression("n ? 1") == nil)
        #expect(PluralExpression("x") == nil)
    }
}
