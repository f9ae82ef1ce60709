import Foundation

extension TranslationStats {
    /// `tolk stats`: every page against every catalogue of the project. Reads, never writes.
    public static func compute(_ project: Project, progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> TranslationStats {
        var tables: [String: TranslationTable] = [:]
        let files = project.catalogues()
        for file in files {
            tables[file.key] = TranslationTable(catalog: try project.readCatalogue(file, references: .none).catalog, path: file.path)
        }
        let catalogs = CatalogTables(files: files, tables: tables)
        let languages = project.catalogLanguages()
        var pageRows = languages.map { _ in [Row]() }
        try project.forEachPage(progress: progress) { page in
            for (index, language) in languages.enumerated() where !LanguageTag.sameLanguage(page.language, language) {
                let counts = counts(of: page, table: catalogs.table(for: language, source: page.language))
                pageRows[index].append(Row(language: language, page: page.path, counts: counts))
            }
        }
        return TranslationStats(languages: languages, pageRows: pageRows)
    }
}
