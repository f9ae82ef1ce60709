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
        /// Each template (`Locales/en/template.pot`): whether its bytes changed, and its messages.
        public var templates: [(path: String, changed: Bool, messages: Int)] = []
        /// What the pages' markup and the catalogues made Tolk say.
        public var diagnostics: [Diagnostic]
    }

    /// The catalogue for `language` as `tolk extract` would write it for `pages`: `existing`
    /// merged the way msgmerge does (new segments added, changed ones fuzzy, vanished ones
    /// obsolete), or a new catalogue with a header when there is none.
    public static func merged(_ existing: POCatalog?, pages: [PageExtraction], language: String, source: String? = nil) -> POCatalog {
        var base = existing ?? POCatalog(entries: [CatalogTemplate.header(for: language, name: LanguageTag.catalogName(language))])
        if base.header == nil {
            base.entries.insert(CatalogTemplate.header(for: language, name: LanguageTag.catalogName(language)), at: 0)
        }
        var builder = CatalogTemplate.Builder(language: language, source: source)
        builder.pageKeys = PageTranslations.candidates(in: base)
        for page in pages { builder.add(page) }
        return CatalogMerger().merge(existing: base, template: PageTranslations.adding(builder.pageTranslations, to: builder.entries(), for: base))
    }

    /// Updates the templates and catalogues, and starts a catalogue for each of `newLanguages`.
    ///
    /// Each source language gets `Locales/SOURCE/template.pot` and a catalogue for every
    /// other language: `Locales/SOURCE/LL.po`. A catalogue of the earlier layout
    /// (`Locales/LL.po`) is moved into it: each entry goes to the source language whose
    /// pages hold its msgid (to several, when several do), the others (obsolete, or gone
    /// from the pages) with it to the source language that holds most of its entries; the
    /// old file is removed once the new ones are written, and the result says so.
    ///
    /// Every catalogue is read and checked before any is written, so bad input
    /// leaves all of them as they were; each is written atomically, and only if changed.
    public func run(newLanguages: [String] = [], progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> Result {
        for language in newLanguages where !LanguageTag.isKnown(language) {
            throw TolkError.unknownLanguage(code: language, source: "--locale")
        }
        let finishWriting = project.startWriting()
        defer { finishWriting() }
        let existing = project.catalogues()
        for file in existing where !LanguageTag.isKnown(file.name) {
            throw TolkError.unknownLanguage(code: file.language, source: file.path)
        }

        // One template per source language, collected as the pages come.
        var templates: [CatalogTemplate.Builder] = []
        var diagnostics: [Diagnostic] = []
        func templateIndex(for language: String) -> Int {
            if let index = templates.firstIndex(where: { LanguageTag.sameLanguage($0.source ?? "", language) }) { return index }
            let folder = existing.first { $0.source.map { LanguageTag.sameLanguage($0, language) } ?? false }?.sourceFolder
                ?? Self.folderName(for: language)
            templates.append(CatalogTemplate.Builder(source: LanguageTag.bcp47(folder) ?? language, folder: folder))
            return templates.count - 1
        }
        for file in existing where file.source != nil { _ = templateIndex(for: file.source!) }

        // Every catalogue is read and checked before any is written; the pages' own
        // translations they hold are looked for as the pages come.
        var catalogs: [String: POCatalog] = [:]
        var stamps: [String: TextFile.Stamp] = [:]
        for file in existing {
            let read = try project.readCatalogue(file, references: .none)
            catalogs[file.path] = read.catalog
            stamps[file.path] = read.stamp
            if let source = file.source, let catalog = catalogs[file.path] {
                let index = templateIndex(for: source)
                templates[index].pageKeys.formUnion(PageTranslations.candidates(in: catalog))
            }
        }
        try project.forEachPage(progress: progress) { page in
            diagnostics += page.diagnostics
            templates[templateIndex(for: page.language)].add(page)
        }

        // The languages translated into, each once, with the file name asked for.
        var targets: [(language: String, name: String)] = []
        for file in existing where !targets.contains(where: { $0.language == file.language }) {
            targets.append((file.language, file.name))
        }
        for name in newLanguages {
            guard let language = LanguageTag.bcp47(name), !targets.contains(where: { $0.language == language }) else { continue }
            targets.append((language, LanguageTag.catalogName(name)))
        }
        // The index's words are English: every other language needs an English catalogue.
        if targets.contains(where: { !LanguageTag.sameLanguage($0.language, IndexMessage.sourceLanguage) }) {
            _ = templateIndex(for: IndexMessage.sourceLanguage)
        }
        templates.sort { $0.folder < $1.folder }

        let legacy = existing.filter { $0.source == nil }
        for old in legacy {
            if let clash = existing.first(where: { $0.source != nil && $0.language == old.language }) {
                throw TolkError.malformedCatalog(path: old.path, line: 1,
                    problem: "\(clash.path) holds this language's translations in the per-source layout; "
                        + "move what \(old.path) has that it lacks into it, then remove \(old.path)")
            }
        }
        let templateEntries = templates.map { $0.entries() }
        let pageTranslations = templates.map(\.pageTranslations)
        // The builders' pages are in the entries now; only each one's language and folder is needed.
        let sources = templates.map { (source: $0.source ?? "", folder: $0.folder) }
        templates.removeAll()
        // Which template holds which message: needed only to move an old-layout catalogue.
        let templateKeys = legacy.isEmpty ? [] : templateEntries.map { Set($0.map(\.key)) }

        var summaries: [Summary] = []
        var moved: [String: [String]] = [:]
        var writes: [(file: CatalogFile, catalog: POCatalog, isNew: Bool)] = []
        for (index, template) in sources.enumerated() {
            let header = CatalogTemplate.templateHeader(source: template.source)
            for target in targets where !LanguageTag.sameLanguage(target.language, template.source) {
                let file = existing.first { $0.source != nil && $0.sourceFolder == template.folder && $0.language == target.language }
                    ?? CatalogFile(language: target.language, source: template.source, name: target.name, folder: template.folder)
                var base: POCatalog
                var isNew = false
                if let catalog = catalogs[file.path] {
                    base = catalog
                } else if let old = legacy.first(where: { $0.language == target.language }), let catalog = catalogs[old.path] {
                    base = Self.share(of: catalog, for: index, keys: templateKeys)
                    moved[old.path, default: []].append(file.path)
                    isNew = true
                } else {
                    base = POCatalog(entries: [CatalogTemplate.header(for: target.language, name: target.name)])
                    isNew = true
                }
                if let charset = base.convertedFrom {
                    diagnostics.append(Diagnostic(.catalogueConverted, severity: .note, file: file.path,
                                                  message: "read as \(charset), the charset its header declares, and written as UTF-8"))
                }
                if base.header == nil {
                    // An empty file or one a tool wrote without a header: gettext needs one.
                    base.entries.insert(CatalogTemplate.header(for: target.language, name: target.name), at: 0)
                    diagnostics.append(Diagnostic(.headerAdded, severity: .note, file: file.path,
                                                  message: "the catalogue had no header entry; Tolk added one for '\(target.language)'"))
                }
                var merged = CatalogMerger().merge(existing: base, template: PageTranslations.adding(pageTranslations[index], to: templateEntries[index], for: base))
                if let at = merged.entries.firstIndex(where: \.isHeader) {
                    merged.entries[at] = CatalogTemplate.synchronized(merged.entries[at], with: header)
                }
                writes.append((file, merged, isNew))
            }
        }

        // The templates, then the catalogues, one at a time (POWriter renders each on all
        // cores); an old-layout catalogue is removed last.
        // Which messages are ICU messages is the source's to say, as `tolk check` reads it.
        let icuMessages = Set(templateEntries.joined().filter { $0.flags.contains("icu-message-format") }.map(\.key))
        var templatesWritten: [(String, Bool, Int)] = []
        // When a write fails (a full disk), the error names what this run already replaced
        // and what it left as it was: each file is whole, old or new, never half.
        let planned = sources.map { "Locales/\($0.folder)/\(CatalogFile.templateName)" } + writes.map(\.file.path)
        var replaced: [String] = []
        do {
            for (index, template) in sources.enumerated() {
                let path = "Locales/\(template.folder)/\(CatalogFile.templateName)"
                try FileManager.default.createDirectory(atPath: project.absolute("Locales/\(template.folder)"), withIntermediateDirectories: true)
                let catalog = POCatalog(entries: [CatalogTemplate.templateHeader(source: template.source)] + templateEntries[index])
                let changed = try TextFile.writeAtomicallyIfChanged(to: project.absolute(path), displayPath: path) { sink in
                    try POWriter().write(catalog, to: sink)
                }
                templatesWritten.append((path, changed, templateEntries[index].count))
                if changed { replaced.append(path) }
            }
            for write in writes {
                let folder = String(write.file.path[..<write.file.path.lastIndex(of: "/")!])
                try FileManager.default.createDirectory(atPath: project.absolute(folder), withIntermediateDirectories: true)
                // Streamed to a temporary file and renamed over the old one only if it changed.
                // A translator's save that lands meanwhile is never overwritten.
                let changed = try TextFile.writeAtomicallyIfChanged(to: project.absolute(write.file.path), displayPath: write.file.path,
                                                                    readAs: .some(write.isNew ? nil : stamps[write.file.path])) { sink in
                    try POWriter().write(write.catalog, to: sink)
                }
                if changed { replaced.append(write.file.path) }
                let active = write.catalog.activeMessages
                // Counted as `tolk check` and `tolk stats` count: a translation the build
                // refuses is not translated.
                let states = active.map {
                    TranslationTable.state(of: $0, isICUMessage: $0.flags.contains("icu-message-format") || icuMessages.contains($0.key))
                }
                summaries.append(Summary(
                    path: write.file.path, created: write.isNew, changed: changed, messages: active.count,
                    translated: states.filter { $0 == .translated }.count,
                    fuzzy: states.filter { $0 == .fuzzy }.count,
                    untranslated: states.filter { $0 == .untranslated || $0 == .refused }.count,
                    obsolete: write.catalog.entries.filter(\.isObsolete).count))
            }
        } catch let TolkError.unwritableFile(path, reason) {
            let untouched = planned.filter { $0 != path && !replaced.contains($0) }
            throw TolkError.unwritableFile(path: path, reason: reason
                + "; this run replaced " + (replaced.isEmpty ? "no other file" : replaced.joined(separator: ", "))
                + " and left " + (untouched.isEmpty ? "no other file as it was" : untouched.joined(separator: ", ")
                    + (untouched.count == 1 ? " as it was" : " as they were")))
        }
        for old in legacy {
            // Removed only as it was read: a save made meanwhile stays, and the run says so.
            guard TextFile.Stamp.of(fileAt: project.absolute(old.path)) == stamps[old.path] else {
                throw TolkError.changedWhileRunning(path: old.path)
            }
            unlink(project.absolute(old.path))
            let targets = moved[old.path] ?? []
            diagnostics.append(Diagnostic(.catalogueMoved, severity: .note, file: old.path,
                message: "moved to \(targets.joined(separator: ", ")), one catalogue per source language, "
                    + "with every translation, comment and flag (\(catalogs[old.path]?.entries.filter { !$0.isHeader }.count ?? 0) entries)"))
        }
        return Result(summaries: summaries, templates: templatesWritten, diagnostics: diagnostics)
    }

    /// The folder of a source language's catalogues: its gettext name, without the
    /// region (`en` for en-GB pages), with an explicit script (`zh_Hant`).
    static func folderName(for language: String) -> String {
        let parts = language.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let first = parts.first else { return language }
        if parts.count > 1, parts[1].count == 4 { return first.lowercased() + "_" + parts[1].prefix(1).uppercased() + parts[1].dropFirst().lowercased() }
        return first.lowercased()
    }

    /// What an old-layout catalogue gives the catalogue of the source language at
    /// `index`: its header, the entries that language's pages hold, and, for the language
    /// holding most of them, every entry no source language holds (obsolete or gone).
    static func share(of catalog: POCatalog, for index: Int, keys: [Set<POEntry.Key>]) -> POCatalog {
        let entries = catalog.entries.filter { !$0.isHeader }
        let claims = keys.map { set in entries.filter { !$0.isObsolete && set.contains($0.key) }.count }
        let home = claims.indices.max { (claims[$0], -$0) < (claims[$1], -$1) } ?? 0
        let kept = catalog.entries.filter { entry in
            if entry.isHeader { return true }
            if !entry.isObsolete, keys[index].contains(entry.key) { return true }
            return index == home && !keys.contains { !entry.isObsolete && $0.contains(entry.key) }
        }
        var share = catalog
        share.entries = kept
        return share
    }
}
