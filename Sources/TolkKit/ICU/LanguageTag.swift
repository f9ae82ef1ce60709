import CICU

/// BCP 47 language tags as Tolk uses them: page languages and catalogue names.
public enum LanguageTag {
    /// The primary language subtag, lowercased: `de` for `de-CH`.
    public static func primary(_ tag: String) -> String {
        String(tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "").lowercased()
    }

    /// True when two tags name the same language in the same script (`en` and `en-GB` do,
    /// `zh-Hans` and `zh-Hant` do not); an empty tag ("language unknown") matches anything.
    public static func sameLanguage(_ first: String, _ second: String) -> Bool {
        if first == second { return true }
        let a = primary(first), b = primary(second)
        if a.isEmpty || b.isEmpty { return true }
        return a == b && script(first) == script(second)
    }

    private static let scripts = LocaleCache<String>()

    /// The script a tag is written in, explicit or likely (`Hant` for zh-TW, `Latn` for de).
    public static func script(_ tag: String) -> String {
        scripts.value(for: tag) {
            var buffer = [CChar](repeating: 0, count: 16)
            let length = tolk_likely_script(tag, &buffer, Int32(buffer.count))
            return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// Script names gettext uses as `@modifier` in catalogue names (`sr@latin`).
    private static let modifierScripts = ["latin": "Latn", "cyrillic": "Cyrl", "devanagari": "Deva", "arabic": "Arab",
                                          "adlam": "Adlm", "hebrew": "Hebr", "greek": "Grek", "shahmukhi": "Arab"]

    /// The BCP 47 tag for a language named the gettext or ICU way (`pt_BR`, `zh_Hant`,
    /// `sr@latin`, `ca@valencia`) or already as a tag (`pt-BR`), canonicalized by ICU.
    /// Nil when ICU cannot read it.
    public static func bcp47(_ name: String) -> String? {
        tags.value(for: name) { readTag(name) }
    }

    private static let tags = LocaleCache<String?>()

    private static func readTag(_ name: String) -> String? {
        var base = name
        var variant: String?
        if let at = name.firstIndex(of: "@") {
            base = String(name[..<at])
            let modifier = name[name.index(after: at)...].lowercased()
            if let script = modifierScripts[modifier] {
                // The script goes after the language: sr_RS@latin is sr_Latn_RS.
                var parts = base.split(whereSeparator: { $0 == "_" || $0 == "-" }).map(String.init)
                guard !parts.isEmpty else { return nil }
                parts.insert(script, at: 1)
                base = parts.joined(separator: "_")
            } else if (5...8).contains(modifier.count), modifier.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                variant = modifier
            } else if modifier != "euro" {
                return nil
            }
        }
        // Subtags of letters and digits, the first a language code (ICU reads more leniently).
        let subtags = base.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "_" || $0 == "-" })
        guard let first = subtags.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
              subtags.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return nil }
        var buffer = [CChar](repeating: 0, count: 96)
        let length = tolk_language_tag(base, &buffer, Int32(buffer.count))
        guard length > 0 else { return nil }
        var tag = String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if tag == "und" { return nil }
        if let variant { tag += "-" + variant }
        return tag
    }

    /// The name gettext tools give a catalogue for a tag: `pt_BR` for pt-BR.
    public static func catalogName(_ tag: String) -> String {
        tag.replacingOccurrences(of: "-", with: "_")
    }

    /// True when ICU knows the tag's language. gettext's `pt_BR` and `sr@latin` forms are accepted too.
    public static func isKnown(_ name: String) -> Bool {
        guard let tag = bcp47(name) else { return false }
        var buffer = [CChar](repeating: 0, count: 8)
        let length = tolk_locale_iso3_language(primary(tag), &buffer, Int32(buffer.count))
        return length > 0
    }

    private static let plurals = LocaleCache<[String]>()

    /// The CLDR plural categories of a language, read from ICU (`one other` for German).
    public static func pluralCategories(_ tag: String) -> [String] {
        plurals.value(for: tag) { readPluralCategories(tag) }
    }

    private static func readPluralCategories(_ tag: String) -> [String] {
        var buffer = [CChar](repeating: 0, count: 128)
        var status: Int32 = 0
        _ = tolk_plural_keywords(tag, &buffer, Int32(buffer.count), &status)
        guard status <= 0 else { return ["other"] }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.split(separator: " ").map(String.init)
    }

    /// The language's name in itself ("Deutsch" for de), as ICU's locale data gives it.
    public static func displayName(_ tag: String) -> String {
        var buffer = [UInt16](repeating: 0, count: 128)
        let length = tolk_display_name(tag, &buffer, Int32(buffer.count))
        guard length > 0 else { return tag }
        let name = String(decoding: buffer.prefix(Int(length)), as: UTF16.self)
        return name.prefix(1).uppercased() + name.dropFirst()
    }
}
