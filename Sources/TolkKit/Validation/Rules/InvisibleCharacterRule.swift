import CICU

/// `invisible-character`: bidi controls, zero-width and other control characters in a
/// translation (the Trojan Source class), unless the source has the same one.
public struct InvisibleCharacterRule: EntryRule {
    public static let id = "invisible-character"

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

    public func check(_ context: EntryContext) -> [Finding] {
        let sourceScalars = Set(context.entry.id.unicodeScalars)
        var reported = Set<Unicode.Scalar>()
        var findings: [Finding] = []
        let scalars = Array(context.entry.translation.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where Self.isInvisible(scalar) && !sourceScalars.contains(scalar)
            && !Self.joinsEmoji(scalars, at: index) && !Self.languageUses(scalar, language: context.language) {
            guard reported.insert(scalar).inserted else { continue }
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            findings.append(context.finding(Self.id, .error, "invisible character \(code) in the translation",
                                            fix: "delete it; it can change how the text reads or is displayed"))
        }
        return findings
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
