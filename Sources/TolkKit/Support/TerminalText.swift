/// Text from a file (a msgid, a msgstr, a page's name, a path) made safe to print to a
/// terminal or a CI log: control characters, bidi controls (which reorder what a person
/// reads) and the line and paragraph separators become escapes (`\x1b`, `\n`, `\u202e`), so a hostile
/// catalogue or file name can neither rewrite the screen nor split a message in two.
public enum TerminalText {
    public static func escaped(_ text: String) -> String {
        // Most text is printable ASCII: nothing to do.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0x00..<0x20, 0x7F..<0xA0:
                result += "\\x" + hex(scalar.value, digits: 2)
            case 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069:
                result += "\\u" + hex(scalar.value, digits: 4)
            default:
                if ForbiddenCharacters.isForbidden(scalar) {
                    result += "\\u{" + hex(scalar.value, digits: 4) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
