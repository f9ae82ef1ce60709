/// `invisible-character`: bidi controls, zero-width and other control characters in a
/// translation (the Trojan Source class), unless the source has the same one or the
/// language writes it (see `InvisibleCharacters`). A character no page may hold (a NUL,
/// another C0 or C1 control, a noncharacter) is reported whatever the source has: the
/// build keeps the source text instead.
public struct InvisibleCharacterRule: EntryRule {
    public static let id = "invisible-character"
    public static let summary = "Bidi controls, zero-width or control characters."

    public func check(_ context: EntryContext) -> [Diagnostic] {
        let translation = context.entry.translation
        if let forbidden = ForbiddenCharacters.firstForbidden(in: translation) {
            return [context.finding(Self.id, .error, "\(InvisibleCharacters.code(forbidden)) in the translation, which no page may hold; "
                                    + "the build will keep the source text", fix: "delete it")]
        }
        return InvisibleCharacters.offending(in: translation, source: context.entry.id, language: context.language).map {
            context.finding(Self.id, .error, "invisible character \(InvisibleCharacters.code($0)) in the translation",
                            fix: "delete it; it can change how the text reads or is displayed")
        }
    }
}
