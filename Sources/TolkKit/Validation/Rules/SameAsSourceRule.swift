import Foundation

/// `same-as-source`: the translation is the source unchanged, although it holds words that
/// are not names, numbers or protected content.
public struct SameAsSourceRule: EntryRule {
    public static let id = "same-as-source"
    public static let summary = "Translation identical to a source that is not just names or numbers."

    public func check(_ context: EntryContext) -> [Diagnostic] {
        guard context.entry.translation == context.entry.id else { return [] }
        var text = context.sourceText
        // Names from the glossary (same in every language) may stay as they are.
        let names = (context.glossary?.terms ?? []).filter(\.isName).compactMap { $0.forms.values.first }
        for name in names.sorted(by: { $0.count > $1.count }) {
            text = text.replacingOccurrences(of: name, with: " ", options: .caseInsensitive)
        }
        let words = BreakIterator.words(in: text, locale: context.sourceLanguage).filter { $0.contains(where: \.isLetter) }
        guard !words.isEmpty else { return [] }
        return [context.finding(Self.id, .warning, "the translation is the source unchanged (\(words.prefix(3).joined(separator: ", ")) …)",
                                fix: "translate it, or list the name in Locales/glossary.csv with the same value in every language")]
    }
}
