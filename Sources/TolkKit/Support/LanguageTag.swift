import CICU

/// BCP 47 language tags as Tolk uses them: page languages and catalogue names.
public enum LanguageTag {
    /// The primary language subtag, lowercased: `de` for `de-CH`.
    public static func primary(_ tag: String) -> String {
        String(tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "").lowercased()
    }

    /// True when two tags name the same language (`en` and `en-GB` do); an empty tag
    /// ("language unknown") matches anything.
    public static func sameLanguage(_ first: String, _ second: String) -> Bool {
        if first == second { return true }
        let a = primary(first), b = primary(second)
        return a.isEmpty || b.isEmpty || a == b
    }

    /// True when ICU knows the tag's language. gettext's `pt_BR` form is accepted too.
    public static func isKnown(_ tag: String) -> Bool {
        let parts = tag.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "_" })
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
              parts.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return false }
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
