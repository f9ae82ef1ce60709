import Foundation

/// `tolk extract`: re-reads the pages and brings every catalogue up to date.
public struct CatalogUpdate {
    public let project: Project

    public init(project: Project) {
        self.project = project
    }

    /// What happened to one catalogue.
    public struct Summary: Sendable, Equatable {
        public var path: String
        public var created: Bool
        public var changed: Bool
        public var messages: Int
        public var translated: Int
        public var fuzzy: Int
        public var untranslated: Int
        public var obsolete: Int
    }

    public struct Result: Sendable {
        public var summaries: [Summary]
        /// What the pages' markup and the catalogues made Tolk say.
        public var diagnostics: [Diagnostic]
    }

    /// The catalogue for `language` as `tolk extract` would write it for `pages`: `existing`
    /// merged the way msgmerge does (new segments added, changed ones fuzzy, vanished ones
    /// obsolete), or a new catalogue with a header when there is none.
    public static func merged(_ existing: POCatalog?, pages: [PageExtraction], language: String) -> POCatalog {
        var builder = CatalogTemplate.Builder(language: language)
        for page in pages { builder.add(page) }
        var base = existing ?? POCatalog(entries: [CatalogTemplate.header(for: language, name: LanguageTag.catalogName(language))])
        if base.header == nil {
            base.entries.insert(CatalogTemplate.header(for: language, name: LanguageTag.catalogName(language)), at: 0)
        }
        return CatalogMerger().merge(existing: base, template: builder.entries())
    }

    /// Updates the existing catalogues and starts one for each of `newLanguages`.
    ///
    /// Every catalogue is read and checked before any is written, so bad input
    /// leaves all of them as they were; each is written atomically, and only if changed.
    public func run(newLanguages: [String] = [], progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> Result {
        for language in newLanguages where !LanguageTag.isKnown(language) {
            throw TolkError.unknownLanguage(code: language, source: "--locale")
        }
        let finishWriting = project.startWriting()
        defer { finishWriting() }
        var languages = project.catalogLanguages()
        // A new catalogue is named as asked, the gettext way: `--locale pt-BR` makes pt_BR.po.
        var paths = Dictionary(languages.map { ($0, project.catalogPath(for: $0)) }, uniquingKeysWith: { first, _ in first })
        for name in newLanguages {
            guard let language = LanguageTag.bcp47(name), paths[language] == nil else { continue }
            languages.append(language)
            paths[language] = "Locales/\(LanguageTag.catalogName(name)).po"
        }
        var builders = languages.sorted().map { CatalogTemplate.Builder(language: $0) }
        var diagnostics: [Diagnostic] = []
        try project.forEachPage(progress: progress) { page in
            diagnostics += page.diagnostics
            for index in builders.indices { builders[index].add(page) }
        }

        // Every catalogue is read and checked before any is written.
        var existing: [String: POCatalog] = [:]
        var stamps: [String: TextFile.Stamp] = [:]
        for builder in builders {
            let language = builder.language
            let path = paths[language] ?? project.catalogPath(for: language)
            guard LanguageTag.isKnown(language) else {
                throw TolkError.unknownLanguage(code: language, source: path)
            }
            let absolute = project.absolute(path)
            try project.checkCatalogueLink(path)
            if FileManager.default.fileExists(atPath: absolute) {
                var stamp = TextFile.Stamp.Builder()
                existing[language] = try POParser(path: path, references: .none).parse(fileAt: absolute) { stamp.add($0) }
                stamps[language] = stamp.stamp
            }
        }
        var summaries: [Summary] = []
        for builder in builders {
            let language = builder.language
            let path = paths[language] ?? project.catalogPath(for: language)
            let old = existing.removeValue(forKey: language)
            var base = old ?? POCatalog(entries: [CatalogTemplate.header(for: language, name: String(path.dropFirst("Locales/".count).dropLast(3)))])
            if let charset = old?.convertedFrom {
                diagnostics.append(Diagnostic(rule: "catalogue-converted", severity: .note, file: path,
                                              message: "read as \(charset), the charset its header declares, and written as UTF-8"))
            }
            if old != nil, base.header == nil {
                // An empty file or one a tool wrote without a header: gettext needs one.
                base.entries.insert(CatalogTemplate.header(for: language, name: String(path.dropFirst("Locales/".count).dropLast(3))), at: 0)
                diagnostics.append(Diagnostic(rule: "header-added", severity: .note, file: path,
                                              message: "the catalogue had no header entry; Tolk added one for '\(language)'"))
            }
            let merged = CatalogMerger().merge(existing: base, template: builder.entries())
            // Streamed to a temporary file and renamed over the old one only if it changed.
            // A translator's save that lands meanwhile is never overwritten.
            let changed = try TextFile.writeAtomicallyIfChanged(to: project.absolute(path), displayPath: path,
                                                                readAs: .some(stamps[language])) { sink in
                try POWriter().write(merged, to: sink)
            }
            let active = merged.activeMessages
            summaries.append(Summary(
                path: path, created: old == nil, changed: changed, messages: active.count,
                translated: active.filter { $0.isTranslated && !$0.isFuzzy }.count,
                fuzzy: active.filter { $0.isFuzzy && $0.isTranslated }.count,
                untranslated: active.filter { !$0.isTranslated }.count,
                obsolete: merged.entries.filter(\.isObsolete).count))
        }
        return Result(summaries: summaries, diagnostics: diagnostics)
    }
}
