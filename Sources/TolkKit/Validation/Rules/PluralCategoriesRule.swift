/// `plural-categories`: plural keywords the target language does not have (per CLDR, read
/// from ICU), or categories it needs that are missing; `other` is always required.
public struct PluralCategoriesRule: EntryRule {
    public static let id = "plural-categories"
    public static let summary = "Plural keywords the language does not have, or required ones missing."

    public func check(_ context: EntryContext) -> [Diagnostic] {
        guard context.isICUMessage, case let .success(shape) = ICUText.describeMessage(context.entry.translation) else { return [] }
        let categories = LanguageTag.pluralCategories(context.language)
        var findings: [Diagnostic] = []
        for plural in shape.plurals {
            let keywords = plural.keywords.filter { !$0.hasPrefix("=") }
            for keyword in keywords where !categories.contains(keyword) {
                findings.append(context.finding(Self.id, .error,
                    "plural {\(plural.name)} uses '\(keyword)', which \(context.language) does not have (it has: \(categories.joined(separator: ", ")))",
                    fix: "use only \(categories.joined(separator: ", ")), or an exact value like =0"))
            }
            for category in categories where !keywords.contains(category) {
                findings.append(context.finding(Self.id, .error,
                    "plural {\(plural.name)} lacks '\(category)', which \(context.language) needs",
                    fix: "add a \(category) {…} branch"))
            }
        }
        return findings
    }
}
