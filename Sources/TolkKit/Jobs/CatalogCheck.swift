import Foundation

/// `tolk check`: re-extracts the pages and validates every catalogue of the project (or
/// those of `languages`) against them with a `CatalogValidator`. Reads everything,
/// changes nothing.
public struct CatalogCheck {
    public let project: Project
    /// Languages to check; all catalogues when empty.
    public var languages: [String]
    /// The rules and their strictness.
    public var validator: CatalogValidator

    public init(project: Project, languages: [String] = [], strict: Bool = false) {
        self.project = project
        self.languages = languages
        self.validator = CatalogValidator(strict: strict)
    }

    public typealias Summary = CatalogValidator.Summary

    public typealias Result = CatalogValidator.Result

    /// Runs every check.
    ///
    /// - Throws: `TolkError` when a page, catalogue or the glossary cannot be read; the
    ///   command turns that into exit code 2.
    public func run(progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> Result {
        let glossary = try readGlossary()
        var available = project.catalogLanguages()
        for language in languages where !available.contains(language) {
            guard LanguageTag.isKnown(language) else { throw TolkError.unknownLanguage(code: language, source: "--locale") }
            throw TolkError.unreadableFile(path: project.catalogPath(for: language), reason: "no such catalogue")
        }
        if !languages.isEmpty { available = available.filter { languages.contains($0) } }

        var findings: [Diagnostic] = []
        var summaries: [String: Summary] = [:]
        var catalogs: [(String, String)] = []
        var catalogSummaries: [String: Summary] = [:]
        let files = project.catalogues().filter { available.contains($0.language) }
        var catalogues: [POCatalog] = []
        for file in files {
            catalogues.append(try project.readCatalogue(file, references: .first).catalog)
        }
        var builders = zip(files, catalogues).map { file, catalog in
            CatalogValidator.templateBuilder(checking: catalog, language: file.language, source: file.source, path: file.path)
        }
        try project.forEachPage(progress: progress) { page in
            for index in builders.indices { builders[index].add(page) }
        }
        for (file, (catalog, builder)) in zip(files, zip(catalogues, builders)) {
            let (catalogFindings, summary) = validator.check(catalog, language: file.language, path: file.path, template: builder, glossary: glossary)
            findings += catalogFindings
            summaries[file.language, default: Summary()].add(summary)
            catalogSummaries[file.path] = summary
            catalogs.append((file.language, file.path))
        }
        return Result(findings: findings, summaries: summaries, catalogSummaries: catalogSummaries, catalogs: catalogs,
                      rules: validator.ruleDescriptions)
    }

    private func readGlossary() throws -> Glossary? {
        let path = "Locales/glossary.csv"
        guard FileManager.default.fileExists(atPath: project.absolute(path)) else { return nil }
        return try Glossary(path: path, text: TextFile.read(project.absolute(path), displayPath: path))
    }
}
