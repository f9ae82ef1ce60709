/// `number-mismatch`: numbers in the source and the translation differ as values. Each
/// side is read in its own language by ICU, with times, ordinals, dates and month names
/// understood, so "2pm on 13 October" and "14 Uhr am 13. Oktober" agree.
public struct NumberMismatchRule: EntryRule {
    public static let id = "number-mismatch"
    public static let summary = "Numbers, times or dates differ in value from the source's."

    public func check(_ context: EntryContext) -> [Diagnostic] {
        guard !context.isICUMessage else { return [] }
        let source = NumberReader(locale: context.sourceLanguage).values(in: context.sourceText)
        let translation = NumberReader(locale: context.language).values(in: context.translationText)
        var missing = source, extra: [NumberReader.Value] = []
        for value in translation {
            if let index = missing.firstIndex(of: value) { missing.remove(at: index) } else { extra.append(value) }
        }
        guard !missing.isEmpty || !extra.isEmpty else { return [] }
        func describe(_ values: [NumberReader.Value]) -> String {
            values.map(\.description).joined(separator: ", ")
        }
        var parts: [String] = []
        if !missing.isEmpty { parts.append("\(describe(missing)) of the source \(missing.count == 1 ? "is" : "are") missing") }
        if !extra.isEmpty { parts.append("\(describe(extra)) \(extra.count == 1 ? "is" : "are") not in the source") }
        return [context.finding(Self.id, .error, "numbers differ: " + parts.joined(separator: "; "),
                                fix: "write the source's numbers, dates and times in \(context.language) style")]
    }
}
