import Foundation

/// `same-as-source`: the translation is the source unchanged, although it holds words that
/// are not names, numbers or protected content.
public struct SameAsSourceRule: EntryRule {
    public static let id = "same-as-source"
    public static let summary = "Translation identical to a source that is not just names or numbers."

    public func check(_ context: EntryContext) -> [Diagnostic] {
        guard context.entry.translation == context.entry.id else { return [] }
        // Names from the glossary (same in every language) may stay as they are.
        let all = BreakIterator.words(in: context.sourceText, locale: context.sourceLanguage)
        var isName = [Bool](repeating: false, count: all.count)
        if let glossary = context.glossary {
            for (number, range) in glossary.occurrences(in: all.map { $0.lowercased() }, language: context.sourceLanguage)
            where glossary.terms[number].isName {
                for position in range { isName[position] = true }
            }
        }
        let words = zip(all, isName).filter { !$0.1 && $0.0.contains(where: \.isLetter) }.map(\.0)
        guard !words.isEmpty else { return [] }
        return [context.finding(Self.id, .warning, "the translation is the source unchanged (\(words.prefix(3).joined(separator: ", ")) …)",
                                fix: "translate it, or list the name in Locales/glossary.csv with the same value in every language")]
    }
}
