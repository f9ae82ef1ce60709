/// `invisible-character`: bidi controls, zero-width and other control characters in a
/// translation (the Trojan Source class), unless the source has the same one or the
/// language writes it (see `InvisibleCharacters`).
public struct InvisibleCharacterRule: EntryRule {
    public static let id = "invisible-character"
    public static let summary = "Bidi controls, zero-width or control characters."

    public func check(_ context: EntryContext) -> [Diagnostic] {
        InvisibleCharacters.offending(in: context.entry.translation, source: context.entry.id, language: context.language).map {
            context.finding(Self.id, .error, "invisible character \(InvisibleCharacters.code($0)) in the translation",
                            fix: "delete it; it can change how the text reads or is displayed")
        }
    }
}
