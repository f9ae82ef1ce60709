/// `punctuation`: the sentence-final punctuation differs from the source's
/// ("." against "!", or a question mark lost).
public struct PunctuationRule: EntryRule {
    public static let id = "punctuation"
    public static let summary = "Sentence-final punctuation differs from the source's."

    /// The final mark of a text, ignoring closing quotes, brackets and placeholders.
    static func finalMark(_ plainText: String) -> String? {
        var text = plainText.trimmingCharacters(in: .whitespaces)
        while let last = text.last, "“”„\"'’‘«»‹›)]".contains(last) { text.removeLast() }
        if text.hasSuffix("...") || text.hasSuffix("…") { return "…" }
        guard let last = text.last, ".!?:;".contains(last) else { return nil }
        return String(last)
    }

    public func check(_ context: EntryContext) -> [Diagnostic] {
        guard !context.isICUMessage else { return [] }
        let source = Self.finalMark(context.sourceText), translation = Self.finalMark(context.translationText)
        guard source != translation else { return [] }
        let describe: (String?) -> String = { $0.map { "'\($0)'" } ?? "no final punctuation" }
        return [context.finding(Self.id, .warning, "the source ends with \(describe(source)), the translation with \(describe(translation))",
                                fix: source.map { "end the translation with \($0)" } ?? "drop the final punctuation")]
    }
}
