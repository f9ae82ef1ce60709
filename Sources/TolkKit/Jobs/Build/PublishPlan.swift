import Foundation

/// Which languages a build publishes: those whose catalogues have at least their
/// `min-completion` share of messages translated. Pages link only to those.
struct PublishPlan: Sendable {
    var published: [String] = []
    /// A note for each language left out, with how much is translated and the threshold.
    var diagnostics: [Diagnostic] = []

    init(languages: [String], catalogs: CatalogTables, site: SiteConfiguration, project: Project) {
        for language in languages {
            let share = catalogs.completion(of: language)
            let minimum = site.minimumCompletion(for: language)
            if share >= minimum {
                published.append(language)
            } else {
                diagnostics.append(Diagnostic(.languageNotPublished, severity: .note, file: project.catalogPath(for: language),
                    message: "\(language) is not published: \(Share.format(share.rounded(.down)))% of its messages are translated, "
                        + "below its min-completion of \(Share.format(minimum))%",
                    fix: "translate it, or set a lower min-completion in tolk.toml: [languages.\(language)]"))
            }
        }
    }
}
