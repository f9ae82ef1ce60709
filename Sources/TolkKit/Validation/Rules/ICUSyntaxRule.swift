/// `icu-syntax`: an ICU MessageFormat translation that ICU's own parser rejects.
public struct ICUSyntaxRule: EntryRule {
    public static let id = "icu-syntax"
    public static let summary = "ICU MessageFormat syntax error."

    public func check(_ context: EntryContext) -> [Diagnostic] {
        guard context.isICUMessage, case let .failure(error) = ICUText.describeMessage(context.entry.translation) else { return [] }
        let place = error.offset.map { "at offset \($0)" } ?? "(ICU error \(error.status))"
        return [context.finding(Self.id, .error, "ICU MessageFormat syntax error \(place)",
                                fix: "check the braces and the plural/select syntax against the source")]
    }
}
