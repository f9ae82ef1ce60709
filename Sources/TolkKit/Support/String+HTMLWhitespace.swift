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
    func collapsingHTMLWhitespace() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var pendingSpace = false
        for character in self {
            if character.isHTMLWhitespace {
                pendingSpace = true
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        if pendingSpace { result.append(" ") }
        return result
    }
}
