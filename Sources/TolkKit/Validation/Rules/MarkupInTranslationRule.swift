/// `markup-in-translation`: HTML tags or entities typed into a translation. The build
/// escapes them, so the reader would see them as text.
public struct MarkupInTranslationRule: EntryRule {
    public static let id = "markup-in-translation"
    public static let summary = "HTML markup or entities typed into a translation."

    static let tag = #"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>"#
    static let entity = #"&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);"#

    /// One finding for tags and one for entities, naming each distinct one (the first
    /// few), so a translation with thousands of tags gives a short report.
    public func check(_ context: EntryContext) -> [Diagnostic] {
        let source = context.sourceText
        var findings: [Diagnostic] = []
        for pattern in [Self.tag, Self.entity] {
            var seen = Set<String>()
            var offending: [String] = []
            for match in RegexCache.matches(pattern, in: context.translationText) where seen.insert(match).inserted {
                if !source.contains(match) { offending.append(match) }
            }
            guard !offending.isEmpty else { continue }
            let isTag = pattern == Self.tag
            let shown = offending.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
                + (offending.count > 5 ? " and \(offending.count - 5) more" : "")
            findings.append(context.finding(Self.id, .error,
                "\(isTag ? "HTML markup" : "HTML entities") \(shown) in the translation; it would show as text",
                fix: isTag ? "use the source's placeholders (<1>…</1>) for markup, or remove it"
                           : "type the characters themselves instead of entities"))
        }
        return findings
    }
}
