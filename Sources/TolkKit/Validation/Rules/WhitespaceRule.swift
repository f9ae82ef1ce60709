/// `whitespace`: leading or trailing whitespace differs from the source, or doubled spaces.
public struct WhitespaceRule: EntryRule {
    public static let id = "whitespace"
    public static let summary = "Leading or trailing whitespace differs, or doubled spaces."

    public func check(_ context: EntryContext) -> [Diagnostic] {
        let source = context.entry.id, translation = context.entry.translation
        var findings: [Diagnostic] = []
        func edge(_ text: String, leading: Bool) -> String {
            leading ? String(text.prefix(while: \.isWhitespace)) : String(text.reversed().prefix(while: \.isWhitespace))
        }
        if edge(source, leading: true) != edge(translation, leading: true) {
            findings.append(context.finding(Self.id, .warning, "leading whitespace differs from the source",
                                            fix: "start the translation the way the source starts"))
        }
        if edge(source, leading: false) != edge(translation, leading: false) {
            findings.append(context.finding(Self.id, .warning, "trailing whitespace differs from the source",
                                            fix: "end the translation the way the source ends"))
        }
        if translation.contains("  "), !source.contains("  ") {
            findings.append(context.finding(Self.id, .warning, "doubled space in the translation", fix: "use a single space"))
        }
        return findings
    }
}
