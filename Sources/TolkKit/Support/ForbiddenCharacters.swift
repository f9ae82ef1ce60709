/// Characters no published page, no catalogue and no terminal line may hold.
enum ForbiddenCharacters {
    /// Characters no published page and no catalogue may hold: C0 controls other than
    /// tab, line feed and carriage return (gettext reads NUL as the end of a string), DEL
    /// and the C1 controls (a parse error in HTML) and the noncharacters. The build keeps
    /// the source text instead of a translation holding one, import refuses it and
    /// `tolk check` reports it as an error.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
        if value < 0x7F { return false }
        if value <= 0x9F { return true }
        return (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    }

    /// The first character of `text` no page may hold (`isForbidden`), if any.
    static func firstForbidden(in text: String) -> Unicode.Scalar? {
        // Nearly every translation is printable ASCII with line breaks and letters beyond:
        // the bytes tell first, without decoding a scalar.
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0x7F || $0 >= 0xC2 }) else {
            return nil
        }
        return text.unicodeScalars.first(where: isForbidden)
    }
}
