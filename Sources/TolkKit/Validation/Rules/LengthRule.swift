/// `length`: a translation far longer or shorter than its source, counted in grapheme
/// clusters (what a reader sees as characters).
public struct LengthRule: EntryRule {
    public static let id = "length"
    public static let summary = "Translation far longer or shorter than the source."
    /// Ratios beyond these, on texts long enough to judge, are worth a look.
    static let longest = 2.5, shortest = 0.4, minimum = 12

    public func check(_ context: EntryContext) -> [Diagnostic] {
        let source = context.sourceText.count, translation = context.translationText.count
        guard max(source, translation) >= Self.minimum, source > 0 else { return [] }
        let ratio = Double(translation) / Double(source)
        guard ratio > Self.longest || ratio < Self.shortest else { return [] }
        let percent = Int((ratio * 100).rounded())
        return [context.finding(Self.id, .warning,
            "the translation is \(percent)% of the source's length (\(translation) against \(source) characters)",
            fix: ratio > 1 ? "check for text that does not belong here" : "check that nothing was left out")]
    }
}
