/// `terminology`: when the source holds a glossary term, the translation must hold that
/// term's form in the target language; names (same in every language) must stay unchanged.
/// Matching ignores case and respects word boundaries (ICU word breaks).
public struct TerminologyRule: EntryRule {
    public static let id = "terminology"
    public static let summary = "Glossary term not translated as the glossary says, or a name changed."

    public func check(_ context: EntryContext) -> [Diagnostic] {
        guard let glossary = context.glossary else { return [] }
        var findings: [Diagnostic] = []
        for term in glossary.terms {
            guard let source = glossary.form(term, in: context.sourceLanguage),
                  let target = glossary.form(term, in: context.language),
                  Self.contains(context.sourceText, term: source, locale: context.sourceLanguage),
                  !Self.contains(context.translationText, term: target, locale: context.language) else { continue }
            let note = term.note.map { " (\($0))" } ?? ""
            findings.append(context.finding(Self.id, .warning,
                term.isName ? "the name '\(source)' must stay unchanged\(note)" : "'\(source)' should be translated as '\(target)'\(note)",
                fix: "use '\(target)' (\(glossary.path):\(term.line))"))
        }
        return findings
    }

    /// True when `term` occurs in `text` as whole words, ignoring case.
    static func contains(_ text: String, term: String, locale: String) -> Bool {
        let words = BreakIterator.words(in: text, locale: locale).map { $0.lowercased() }
        let termWords = BreakIterator.words(in: term, locale: locale).map { $0.lowercased() }
        guard !termWords.isEmpty, words.count >= termWords.count else { return false }
        for start in 0...(words.count - termWords.count) where Array(words[start..<(start + termWords.count)]) == termWords {
            return true
        }
        return false
    }
}
