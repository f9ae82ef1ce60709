/// `icu-arguments`: arguments in an ICU message translation that the source lacks, or
/// source arguments the translation lost.
public struct ICUArgumentsRule: EntryRule {
    public static let id = "icu-arguments"
    public static let summary = "ICU message arguments differ from the source's."

    public func check(_ context: EntryContext) -> [Diagnostic] {
        guard context.isICUMessage, case let .success(source) = ICUText.describeMessage(context.entry.id),
              case let .success(translation) = ICUText.describeMessage(context.entry.translation) else { return [] }
        var findings: [Diagnostic] = []
        for name in translation.arguments where !source.arguments.contains(name) {
            findings.append(context.finding(Self.id, .error, "argument {\(name)} is not in the source",
                                            fix: "use the source's arguments: \(source.arguments.map { "{\($0)}" }.joined(separator: ", "))"))
        }
        for name in source.arguments where !translation.arguments.contains(name) {
            findings.append(context.finding(Self.id, .error, "argument {\(name)} of the source is missing",
                                            fix: "keep {\(name)} in the translation"))
        }
        return findings
    }
}
