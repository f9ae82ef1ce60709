/// `placeholder-mismatch`: placeholders missing, extra, duplicated or badly nested
/// (reordering is fine). The build refuses such translations.
public struct PlaceholderMismatchRule: EntryRule {
    public static let id = "placeholder-mismatch"
    public static let summary = "Placeholders missing, extra, duplicated or badly nested."

    public func check(_ context: EntryContext) -> [Diagnostic] {
        guard !context.isICUMessage,
              case let .failure(problem) = PlaceholderCheck.validate(translation: context.entry.translation, source: context.entry.id)
        else { return [] }
        // A character no page may hold is `invisible-character`'s to report.
        if case .forbiddenCharacter = problem { return [] }
        return [context.finding(Self.id, .error, "\(problem); the build will keep the source text",
                                fix: "use each placeholder of the source exactly once, properly nested; reordering is fine")]
    }
}
