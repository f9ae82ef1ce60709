import CICU

/// Characters a reader cannot see that change how text reads or is shown (the Trojan
/// Source class), as `tolk check` flags them and `tolk build` warns before publishing them.
enum InvisibleCharacters {
    /// Invisible by ICU's character properties: Bidi_Control, Default_Ignorable_Code_Point
    /// (zero-width characters, the soft hyphen, tag characters) and controls other than
    /// tab and line feed. Variation selectors are not: they choose how an emoji looks.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if (0x20...0x7E).contains(scalar.value) || scalar == "\t" || scalar == "\n" { return false }
        if (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value) { return false }
        return tolk_invisible_kind(Int32(bitPattern: scalar.value)) != 0
    }

    /// True when the language writes the character: Persian's zero-width non-joiner.
    static func languageUses(_ scalar: Unicode.Scalar, language: String) -> Bool {
        tolk_exemplars_contain(language, Int32(bitPattern: scalar.value)) != 0
    }

    /// A zero-width joiner between two pictographs builds one emoji (👩‍💻).
    static func joinsEmoji(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard scalars[index] == "\u{200D}", index > 0, index + 1 < scalars.count else { return false }
        let before = scalars[..<index].last { !(0xFE00...0xFE0F).contains($0.value) && !(0x1F3FB...0x1F3FF).contains($0.value) }
        return before?.properties.isEmoji == true && scalars[index + 1].properties.isEmoji
    }

    /// The distinct invisible characters of `translation` that neither its source has nor
    /// its language writes, in order of appearance.
    static func offending(in translation: String, source: String, language: String) -> [Unicode.Scalar] {
        // Most translations have none: a quick look before any set is built.
        guard translation.unicodeScalars.contains(where: isInvisible) else { return [] }
        let sourceScalars = Set(source.unicodeScalars)
        let scalars = Array(translation.unicodeScalars)
        var found: [Unicode.Scalar] = []
        for (index, scalar) in scalars.enumerated() where isInvisible(scalar) && !sourceScalars.contains(scalar)
            && !found.contains(scalar) && !joinsEmoji(scalars, at: index) && !languageUses(scalar, language: language) {
            found.append(scalar)
        }
        return found
    }

    /// `U+202E`.
    static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
