/// Finds the source line a segment starts on.
///
/// libxml2 records reliable lines for start tags only (a text node gets the line
/// where the parser happened to deliver it), so a segment's line is found by looking
/// for its first word from its element's line on.
struct SourceLines {
    private let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The first line at or after `start` (1-based) holding the first word of `message`;
    /// `start` itself when the word cannot be seen in the source (split by a tag or entity).
    func line(of message: String, from start: Int) -> Int {
        let plain = MessageText.plainText(message)
        guard let first = plain.firstIndex(where: { $0.isLetter || $0.isNumber }) else { return start }
        let word = plain[first...].prefix { $0.isLetter || $0.isNumber }
        let lower = max(start, 1)
        guard lower <= lines.count else { return start }
        for number in lower...min(lines.count, lower + 200) where lines[number - 1].contains(word) {
            return number
        }
        return start
    }
}
