/// `markup-in-translation`: HTML tags or entities typed into a translation. The build
/// escapes them, so the reader would see them as text.
public struct MarkupInTranslationRule: EntryRule {
    public static let id = "markup-in-translation"

    static let tag = #"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>"#
    static let entity = #"&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);"#

    public func check(_ context: EntryContext) -> [Finding] {
        let source = context.sourceText
        var findings: [Finding] = []
        for pattern in [Self.tag, Self.entity] {
            for match in RegexCache.matches(pattern, in: context.translationText) where !source.contains(match) {
                let isTag = pattern == Self.tag
                findings.append(context.finding(Self.id, .error,
                    "\(isTag ? "HTML markup" : "an HTML entity") '\(match)' in the translation; it would show as text",
                    fix: isTag ? "use the source's placeholders (<1>…</1>) for markup, or remove it"
                               : "type the character itself instead of the entity"))
            }
        }
        return findings
    }
}
