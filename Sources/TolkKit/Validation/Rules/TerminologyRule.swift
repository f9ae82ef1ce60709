/// `terminology`: when the source holds a glossary term, the translation must hold that
/// term's form in the target language; names (same in every language) must stay unchanged.
/// Matching ignores case and respects word boundaries (ICU word breaks).
public struct TerminologyRule: EntryRule {
    public static let id = "terminology"
    public static let summary = "Glossary term not translated as the glossary says, or a name changed."

    public func check(_ context: EntryContext) -> [Diagnostic] {
        guard let glossary = context.glossary else { return [] }
        let found = Set(glossary.occurrences(in: Glossary.words(context.sourceText, language: context.sourceLanguage),
                                             language: context.sourceLanguage).map(\.term)).sorted()
        guard !found.isEmpty else { return [] }
        let translation = Glossary.words(context.translationText, language: context.language)
        var findings: [Diagnostic] = []
        for number in found {
            let term = glossary.terms[number]
            guard let source = glossary.form(term, in: context.sourceLanguage),
                  let target = glossary.form(term, in: context.language),
                  !glossary.occurs(number, in: translation, language: context.language) else { continue }
            let note = term.note.map { " (\($0))" } ?? ""
            findings.append(context.finding(Self.id, .warning,
                term.isName ? "the name '\(source)' must stay unchanged\(note)" : "'\(source)' should be translated as '\(target)'\(note)",
                fix: "use '\(target)' (\(glossary.path):\(term.line))"))
        }
        return findings
    }
}
