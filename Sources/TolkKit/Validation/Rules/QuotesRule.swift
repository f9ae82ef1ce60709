/// `quotes`: quotation marks that are not the target language's, taken from ICU's locale
/// data („…“ and ‚…‘ for German, “…” and ‘…’ for English). Apostrophes are left alone.
public struct QuotesRule: EntryRule {
    public static let id = "quotes"
    public static let summary = "Quotation marks not in the language's style."

    static let quoteCharacters: Set<Character> = ["\"", "“", "”", "„", "‟", "«", "»", "‹", "›", "‚", "‘", "’"]

    public func check(_ context: EntryContext) -> [Diagnostic] {
        guard let marks = ICUText.quotationMarks(context.language) else { return [] }
        let text = Array(context.translationText)
        var expectedClose: [String] = []
        for (index, character) in text.enumerated() where Self.quoteCharacters.contains(character) {
            let before = index > 0 ? text[index - 1] : " ", after = index + 1 < text.count ? text[index + 1] : " "
            // An apostrophe between letters (don't, geht’s) is no quotation mark.
            if (character == "’" || character == "'") && before.isLetter && (after.isLetter || after == " " || after.isPunctuation) { continue }
            let mark = String(character)
            if let close = expectedClose.last, mark == close {
                expectedClose.removeLast()
            } else if mark == marks.start {
                expectedClose.append(marks.end)
            } else if mark == marks.alternateStart {
                expectedClose.append(marks.alternateEnd)
            } else {
                return [context.finding(Self.id, .warning,
                    "quotation mark \(mark) is not \(context.language) style, which quotes \(marks.start)…\(marks.end) (inside: \(marks.alternateStart)…\(marks.alternateEnd))",
                    fix: "write \(marks.start)…\(marks.end)")]
            }
        }
        if let close = expectedClose.last {
            return [context.finding(Self.id, .warning, "a quotation is opened but not closed with \(close)", fix: "close it with \(close)")]
        }
        return []
    }
}
