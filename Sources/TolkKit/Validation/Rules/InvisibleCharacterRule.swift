/// `invisible-character`: bidi controls, zero-width and other control characters in a
/// translation (the Trojan Source class), unless the source has the same one.
public struct InvisibleCharacterRule: EntryRule {
    public static let id = "invisible-character"

    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true // bidi controls
        case 0x200B...0x200D, 0x2060...0x2064, 0xFEFF, 0x00AD, 0x180E: return true // zero width, soft hyphen
        case 0x0000...0x0008, 0x000B, 0x000C, 0x000E...0x001F, 0x007F...0x009F: return true // controls
        default: return false
        }
    }

    public func check(_ context: EntryContext) -> [Finding] {
        let sourceScalars = Set(context.entry.id.unicodeScalars)
        var reported = Set<Unicode.Scalar>()
        var findings: [Finding] = []
        for scalar in context.entry.translation.unicodeScalars where Self.isInvisible(scalar) && !sourceScalars.contains(scalar) {
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
