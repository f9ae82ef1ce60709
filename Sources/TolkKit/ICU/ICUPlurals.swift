import CICU

/// CLDR's plural rules, as ICU has them for a language.
enum ICUPlurals {
    /// The language's rules in CLDR syntax (`one: i = 1 and v = 0; other: …`); nil when ICU has none.
    static func rules(for language: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        var status: Int32 = 0
        let length = tolk_plural_rules(language, &buffer, Int32(buffer.count), &status)
        guard status <= 0 else { return nil }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The plural category (`one`, `few`, `other`…) of `number` in `language`.
    static func category(of number: Double, in language: String) -> String {
        var buffer = [CChar](repeating: 0, count: 16)
        let length = tolk_plural_select(language, number, &buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
