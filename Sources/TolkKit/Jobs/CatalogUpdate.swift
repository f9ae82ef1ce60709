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
        /// Entries this run filled from the translation memory (fuzzy unless trusted).
        public var fromMemory = 0
    }

    public struct Result: Sendable {
        public var summaries: [Summary]
        /// Each template (`Locales/en/template.pot`): whether its bytes changed, and its messages.
        public var templates: [(path: String, changed: Bool, messages: Int)] = []
        /// What the pages' markup and the catalogues made Tolk say.
        public var diagnostics: [Diagnostic]
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
        // Every catalogue is read and checked before any is written; the pages' own
        // translations they hold are looked for as the pages come.
        var templates = Templates(existing: existing)
        var catalogs: [String: POCatalog] = [:]
        var stamps: [String: FileStamp] = [:]
        for file in existing {
            let read = try project.readCatalogue(file, references: .none)
            catalogs[file.path] = read.catalog
            stamps[file.path] = read.stamp
            if let source = file.source {
                templates.builders[templates.index(for: source)].pageKeys.formUnion(PageTranslations.candidates(in: read.catalog))
            }
        }
        var diagnostics: [Diagnostic] = []
        try project.forEachPage(progress: progress) { page in
            diagnostics += page.diagnostics
            templates.builders[templates.index(for: page.language)].add(page)
        }
        let targets = Self.targets(existing: existing, adding: newLanguages)
        // The index's words are English: every other language needs an English catalogue.
        if targets.contains(where: { !LanguageTag.sameLanguage($0.language, IndexMessage.sourceLanguage) }) {
            _ = templates.index(for: IndexMessage.sourceLanguage)
        }
        let legacy = existing.filter { $0.source == nil }
        for old in legacy {
            if let clash = existing.first(where: { $0.source != nil && $0.language == old.language }) {
                throw TolkError.malformedCatalog(path: old.path, line: 1,
                    problem: "\(clash.path) holds this language's translations in the per-source layout; "
                        + "move what \(old.path) has that it lacks into it, then remove \(old.path)")
            }
        }
        let made = templates.finished()
        let memory = try MemorySource(project: project, catalogs: existing.compactMap { file in catalogs[file.path].map { (file, $0) } },
                                      templates: made)
        var plan = Plan(existing: existing, catalogs: catalogs, legacy: legacy, memory: memory)
        plan.merge(made, into: targets)
        diagnostics += plan.diagnostics
        var (templatesWritten, summaries) = try write(made, plan.writes, stamps: stamps)
        for index in summaries.indices { summaries[index].fromMemory = plan.fromMemory[summaries[index].path] ?? 0 }
        for old in legacy {
            // Removed only as it was read: a save made meanwhile stays, and the run says so.
            guard FileStamp.sameBytes(FileStamp(fileAt: project.absolute(old.path)), stamps[old.path]) else {
                throw TolkError.changedWhileRunning(path: old.path)
            }
            unlink(project.absolute(old.path))
            let targets = plan.moved[old.path] ?? []
            diagnostics.append(Diagnostic(.catalogueMoved, severity: .note, file: old.path,
                message: "moved to \(targets.joined(separator: ", ")), one catalogue per source language, "
                    + "with every translation, comment and flag (\(catalogs[old.path]?.entries.filter { !$0.isHeader }.count ?? 0) entries)"))
        }
        return Result(summaries: summaries, templates: templatesWritten, diagnostics: diagnostics)
    }

    /// The languages translated into, each once, with the file name asked for.
    private static func targets(existing: [CatalogFile], adding newLanguages: [String]) -> [(language: String, name: String)] {
        var targets: [(language: String, name: String)] = []
        for file in existing where !targets.contains(where: { $0.language == file.language }) {
            targets.append((file.language, file.name))
        }
        for name in newLanguages {
            guard let language = LanguageTag.bcp47(name), !targets.contains(where: { $0.language == language }) else { continue }
            targets.append((language, LanguageTag.catalogName(name)))
        }
        return targets
    }

    /// One template per source language, collected as the pages come.
    private struct Templates {
        let existing: [CatalogFile]
        var builders: [CatalogTemplate.Builder] = []

        init(existing: [CatalogFile]) {
            self.existing = existing
            for file in existing where file.source != nil { _ = index(for: file.source!) }
        }

        mutating func index(for language: String) -> Int {
            if let index = builders.firstIndex(where: { LanguageTag.sameLanguage($0.source ?? "", language) }) { return index }
            let folder = existing.first { $0.source.map { LanguageTag.sameLanguage($0, language) } ?? false }?.sourceFolder
                ?? CatalogTemplate.folderName(for: language)
            builders.append(CatalogTemplate.Builder(source: LanguageTag.bcp47(folder) ?? language, folder: folder))
            return builders.count - 1
        }

        /// Each template's entries, page translations, language and folder, in folder order.
        /// The builders' pages are in the entries now; only each one's language and folder is kept.
        func finished() -> [Made] {
            builders.sorted { $0.folder < $1.folder }.map {
                Made(source: $0.source ?? "", folder: $0.folder, entries: $0.entries(), pageTranslations: $0.pageTranslations)
            }
        }
    }

    /// A finished template.
    private struct Made {
        var source: String
        var folder: String
        var entries: [POEntry]
        var pageTranslations: [PageTranslations.Found]
        var path: String { "Locales/\(folder)/\(CatalogFile.templateName)" }
    }

    /// Every catalogue merged with its template, in memory, before anything is written.
    private struct Plan {
        let existing: [CatalogFile]
        let catalogs: [String: POCatalog]
        let legacy: [CatalogFile]
        let memory: MemorySource
        var writes: [(file: CatalogFile, catalog: POCatalog, isNew: Bool)] = []
        /// How many entries of each catalogue the memory filled.
        var fromMemory: [String: Int] = [:]
        /// Where each old-layout catalogue's entries went.
        var moved: [String: [String]] = [:]
        var diagnostics: [Diagnostic] = []

        mutating func merge(_ templates: [Made], into targets: [(language: String, name: String)]) {
            // Which template holds which message: needed only to move an old-layout catalogue.
            let templateKeys = legacy.isEmpty ? [] : templates.map { Set($0.entries.map(\.key)) }
            for (index, template) in templates.enumerated() {
                let header = CatalogTemplate.templateHeader(source: template.source)
                for target in targets where !LanguageTag.sameLanguage(target.language, template.source) {
                    let file = existing.first { $0.source != nil && $0.sourceFolder == template.folder && $0.language == target.language }
                        ?? CatalogFile(language: target.language, source: template.source, name: target.name, folder: template.folder)
                    var (base, isNew) = start(file, target: target, template: index, keys: templateKeys)
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
                    var filled = 0
                    let leverage = memory.leverage(from: template.source, to: target.language) { filled += $0 }
                    var merged = CatalogMerger(leverage: leverage).merge(existing: base,
                        template: PageTranslations.adding(template.pageTranslations, to: template.entries, for: base))
                    if let at = merged.entries.firstIndex(where: \.isHeader) {
                        merged.entries[at] = CatalogTemplate.synchronized(merged.entries[at], with: header)
                    }
                    writes.append((file, merged, isNew))
                    fromMemory[file.path] = filled
                }
            }
        }

        /// What a catalogue starts from: itself, its share of an old-layout catalogue, or a header.
        private mutating func start(_ file: CatalogFile, target: (language: String, name: String), template index: Int,
                                    keys: [Set<POEntry.Key>]) -> (POCatalog, isNew: Bool) {
            if let catalog = catalogs[file.path] { return (catalog, false) }
            if let old = legacy.first(where: { $0.language == target.language }), let catalog = catalogs[old.path] {
                moved[old.path, default: []].append(file.path)
                return (CatalogUpdate.share(of: catalog, for: index, keys: keys), true)
            }
            return (POCatalog(entries: [CatalogTemplate.header(for: target.language, name: target.name)]), true)
        }
    }

    /// The templates, then the catalogues, one at a time (POWriter renders each on all
    /// cores). When a write fails (a full disk), the error names what this run already
    /// replaced and what it left as it was: each file is whole, old or new, never half.
    private func write(_ templates: [Made], _ writes: [(file: CatalogFile, catalog: POCatalog, isNew: Bool)],
                       stamps: [String: FileStamp]) throws -> ([(path: String, changed: Bool, messages: Int)], [Summary]) {
        // Which messages are ICU messages is the source's to say, as `tolk check` reads it.
        let icuMessages = Set(templates.flatMap(\.entries).filter { $0.flags.contains("icu-message-format") }.map(\.key))
        var templatesWritten: [(path: String, changed: Bool, messages: Int)] = []
        var summaries: [Summary] = []
        let planned = templates.map(\.path) + writes.map(\.file.path)
        var replaced: [String] = []
        do {
            for template in templates {
                try FileManager.default.createDirectory(atPath: project.absolute("Locales/\(template.folder)"), withIntermediateDirectories: true)
                let catalog = POCatalog(entries: [CatalogTemplate.templateHeader(source: template.source)] + template.entries)
                let changed = try TextFile.writeAtomicallyIfChanged(to: project.absolute(template.path), displayPath: template.path) { sink in
                    try POWriter().write(catalog, to: sink)
                }
                templatesWritten.append((template.path, changed, template.entries.count))
                if changed { replaced.append(template.path) }
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
                summaries.append(Self.summary(of: write.catalog, path: write.file.path, created: write.isNew, changed: changed,
                                              icuMessages: icuMessages))
            }
        } catch let TolkError.unwritableFile(path, reason) {
            let untouched = planned.filter { $0 != path && !replaced.contains($0) }
            throw TolkError.unwritableFile(path: path, reason: reason
                + "; this run replaced " + (replaced.isEmpty ? "no other file" : replaced.joined(separator: ", "))
                + " and left " + (untouched.isEmpty ? "no other file as it was" : untouched.joined(separator: ", ")
                    + (untouched.count == 1 ? " as it was" : " as they were")))
        }
        return (templatesWritten, summaries)
    }

    /// Counted as `tolk check` and `tolk stats` count: a translation the build refuses is
    /// not translated.
    private static func summary(of catalog: POCatalog, path: String, created: Bool, changed: Bool, icuMessages: Set<POEntry.Key>) -> Summary {
        let active = catalog.activeMessages
        var counts = TranslationCounts()
        for entry in active {
            counts.add(TranslationTable.state(of: entry, isICUMessage: entry.flags.contains("icu-message-format") || icuMessages.contains(entry.key)))
        }
        return Summary(path: path, created: created, changed: changed, messages: counts.total,
                       translated: counts.translated, fuzzy: counts.fuzzy, untranslated: counts.untranslated,
                       obsolete: catalog.entries.filter(\.isObsolete).count)
    }

    /// The memory as extract uses it: the TMX files read (and checked) before anything is
    /// written; the catalogues' units and each language pair's index made only when an
    /// entry needs filling, so a run with nothing new pays for no index.
    private final class MemorySource {
        let settings: SiteConfiguration.Memory
        private let catalogs: [(file: CatalogFile, catalog: POCatalog)]
        private let templates: [Made]
        private let tmx: [MemoryUnit]
        private var all: [MemoryUnit]?
        private var indexes: [String: MemoryIndex] = [:]

        init(project: Project, catalogs: [(file: CatalogFile, catalog: POCatalog)], templates: [Made]) throws {
            settings = try project.memorySettings()
            self.catalogs = catalogs
            self.templates = templates
            tmx = try ProjectMemory(project: project).tmxUnits()
        }

        /// The catalogues' units; one of the earlier layout gives each source language the
        /// share the move gives it.
        private func catalogueUnits() -> [MemoryUnit] {
            let legacy = catalogs.filter { $0.file.source == nil }
            let keys = legacy.isEmpty ? [] : templates.map { Set($0.entries.map(\.key)) }
            return ProjectMemory.units(of: catalogs) + legacy.flatMap { file, catalog in
                templates.indices.flatMap { index in
                    MemoryUnit.units(of: CatalogUpdate.share(of: catalog, for: index, keys: keys), path: file.path,
                                     from: templates[index].source, to: file.language)
                }
            }
        }

        /// The merger's leverage step from `source` into `target`; `count` hears how many it filled.
        func leverage(from source: String, to target: String, count: @escaping (Int) -> Void) -> CatalogMerger.Leverage {
            { [self] requests in
                let filled = MemoryLeverage(index: index(from: source, to: target), minimumMatch: settings.minimumMatch,
                                            trustInContext: settings.trustInContext).fill(requests)
                count(filled.count { $0 != nil })
                return filled
            }
        }

        private func index(from source: String, to target: String) -> MemoryIndex {
            let key = source + "\u{4}" + target
            if let index = indexes[key] { return index }
            if all == nil { all = catalogueUnits() + tmx }
            let index = MemoryIndex(all!, from: source, to: target)
            indexes[key] = index
            return index
        }
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
