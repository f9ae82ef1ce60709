extension Character {
    /// HTML's ASCII whitespace: space, tab, line feed, form feed, carriage return.
    var isHTMLWhitespace: Bool {
        self == " " || self == "\t" || self == "\n" || self == "\u{0C}" || self == "\r" || self == "\r\n"
    }
}

extension StringProtocol {
    /// The string without leading and trailing HTML whitespace (no-break spaces stay).
    func trimmingHTMLWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isHTMLWhitespace }),
              let last = lastIndex(where: { !$0.isHTMLWhitespace })
        else { return "" }
        return String(self[first...last])
    }

    /// Runs of HTML whitespace collapsed to one space, as a browser renders them.
    /// Works on UTF-8 bytes: the HTML whitespace characters are all ASCII.
    func collapsingHTMLWhitespace() -> String {
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count)
        var pendingSpace = false
        var changed = false
        for byte in utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D {
                if pendingSpace || byte != 0x20 { changed = true }
                pendingSpace = true
            } else {
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                result.append(byte)
            }
        }
        if pendingSpace { result.append(0x20) }
        if !changed, let same = self as? String { return same }
        return String(decoding: result, as: UTF8.self)
    }
}

extension String {
    /// True when some character is a letter (`Character.isLetter`). Text up to its first
    /// non-ASCII byte is read as bytes: there every ASCII letter starts a character.
    var containsLetter: Bool {
        for byte in utf8 {
            if byte >= 0x80 { return contains(where: \.isLetter) }
            if byte.isASCIILetter { return true }
        }
        return false
    }
}

extension UInt8 {
    /// A-Z or a-z.
    var isASCIILetter: Bool { (0x61...0x7A).contains(self | 0x20) }
}
