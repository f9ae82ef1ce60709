/// One catalogue: the translations into `language` of the pages written in `source`.
///
/// Each source language has a folder in `Locales/` with its template and one catalogue
/// per language: `Locales/en/template.pot`, `Locales/en/de.po`, `Locales/en/fr.po`. That
/// is the layout translation platforms expect: one file mask and one template per
/// source language (a Weblate component), and `msgmerge CATALOGUE TEMPLATE` works.
public struct CatalogFile: Sendable, Hashable {
    /// The language translated into, as a BCP 47 tag (`pt-BR`).
    public var language: String
    /// The language of the pages it translates, as a BCP 47 tag; nil for a catalogue of
    /// the earlier layout (`Locales/de.po`), which holds every other language's pages.
    public var source: String?
    /// Project-relative path: `Locales/en/de.po`.
    public var path: String
    /// The file's name without `.po`, as gettext names it (`pt_BR`), for the `Language` field.
    public var name: String
    /// The source language's folder name (`en`, `pt_BR`).
    var sourceFolder: String?

    init(language: String, source: String?, path: String, name: String, sourceFolder: String? = nil) {
        self.language = language
        self.source = source
        self.path = path
        self.name = name
        self.sourceFolder = sourceFolder
    }

    /// The catalogue a new language gets for pages in `source`, named the gettext way
    /// (`pt-BR` is `Locales/en/pt_BR.po`); `name` keeps a spelling the user asked for.
    init(language: String, source: String, name: String? = nil, folder: String? = nil) {
        let folder = folder ?? LanguageTag.catalogName(source)
        let file = name ?? LanguageTag.catalogName(language)
        self.init(language: language, source: source, path: "Locales/\(folder)/\(file).po", name: file, sourceFolder: folder)
    }

    /// The template beside it: `Locales/en/template.pot`; nil in the earlier layout.
    public var templatePath: String? {
        sourceFolder.map { "Locales/\($0)/\(Self.templateName)" }
    }

    static let templateName = "template.pot"

    /// Names the file in the build cache: `de` for `Locales/de.po`, `en~de` for `Locales/en/de.po`.
    var key: String {
        sourceFolder.map { "\($0)~\(name)" } ?? name
    }

    /// True when this catalogue translates pages written in `pageLanguage`.
    func translates(from pageLanguage: String) -> Bool {
        guard !LanguageTag.sameLanguage(pageLanguage, language) else { return false }
        return source.map { LanguageTag.sameLanguage($0, pageLanguage) } ?? true
    }
}

/// A project's catalogues as lookup tables: which one translates a page written in one
/// language into another.
struct CatalogTables: Sendable {
    let files: [CatalogFile]
    private let tables: [String: TranslationTable]

    init(files: [CatalogFile], tables: [String: TranslationTable]) {
        self.files = files
        self.tables = tables
    }

    /// The catalogue for pages in `source` translated into `language`: the one for that
    /// source language, else one of the earlier layout.
    func file(for language: String, source: String) -> CatalogFile? {
        let candidates = files.filter { $0.language == language && $0.translates(from: source) }
        return candidates.first { $0.source != nil } ?? candidates.first
    }

    func table(for language: String, source: String) -> TranslationTable? {
        file(for: language, source: source).flatMap { tables[$0.key] }
    }

    /// The share of the language's page messages the build uses, over all its catalogues.
    func completion(of language: String) -> Double {
        var counts = TranslationCounts()
        for file in files where file.language == language {
            if let table = tables[file.key] { counts.add(table.messageCounts) }
        }
        return counts.percent
    }
}

extension Project {
    /// The one catalogue translating into `language` (from `source`, when given), for
    /// export and import.
    func catalogue(for language: String, source: String?) throws -> CatalogFile {
        let files = catalogues(for: LanguageTag.bcp47(language) ?? language)
        let matching = source.map { wanted in files.filter { $0.source.map { LanguageTag.sameLanguage($0, wanted) } ?? false } } ?? files
        guard let file = matching.first else {
            throw TolkError.exchange(path: "Locales/", line: 0, problem: "no catalogue translates "
                + (source.map { "pages in \($0) " } ?? "") + "into \(language); start one with tolk extract --locale \(language)")
        }
        guard matching.count == 1 else {
            throw TolkError.exchange(path: "Locales/", line: 0, problem: "\(language) has a catalogue for pages in each of "
                + matching.compactMap(\.source).joined(separator: ", ") + "; choose one with --source")
        }
        return file
    }
}
