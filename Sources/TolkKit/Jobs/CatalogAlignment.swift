import Foundation

/// `tolk align --locale LL DIR`: takes in the translations a site already has.
///
/// For each page under `Input/` not in LL whose translation is at the same relative
/// path under DIR (`Input/events/a.html` and `DIR/events/a.html`), the two pages are
/// aligned (`PageAlignment`) and the translations go into the catalogue for the page's
/// language and LL. Confident pairs become translations; uncertain ones fuzzy entries
/// with a comment naming the translated page. Nothing overwrites a translation the
/// catalogue already has: a different one is reported as a conflict.
public struct CatalogAlignment {
    public let project: Project
    public var language: String
    /// The folder of the existing translations.
    public var folder: URL
    /// Report, but write nothing.
    public var dryRun: Bool

    public init(project: Project, language: String, folder: URL, dryRun: Bool = false) {
        self.project = project
        self.language = language
        self.folder = folder
        self.dryRun = dryRun
    }

    /// What happened to one page.
    public struct PageReport: Sendable, Equatable {
        public var page: String
        public var translation: String
        public var alignedUnits = 0
        public var translated = 0
        public var fuzzy = 0
        public var unalignedSource = 0
        public var unalignedTarget = 0
    }

    public struct Result: Sendable {
        public var pages: [PageReport] = []
        /// Catalogues written (or that would be, with `dryRun`).
        public var catalogues: [String] = []
        public var translated: Int { pages.reduce(0) { $0 + $1.translated } }
        public var fuzzy: Int { pages.reduce(0) { $0 + $1.fuzzy } }
        /// Translations the catalogue already had, different from the aligned one: kept.
        public var conflicts = 0
        public var diagnostics: [Diagnostic] = []
    }

    public func run() throws -> Result {
        guard let target = LanguageTag.bcp47(language), LanguageTag.isKnown(language) else {
            throw TolkError.unknownLanguage(code: language, source: "--locale")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw TolkError.missingDirectory(path: folder.path)
        }
        if let legacy = project.catalogues().first(where: { $0.source == nil }) {
            throw TolkError.exchange(path: legacy.path, line: 0,
                                     problem: "a catalogue of the earlier layout; run tolk extract first to give each source language its own")
        }
        // Marks the run and removes what a killed run left (see `Project.startWriting`).
        let finishWriting = dryRun ? {} : project.startWriting()
        defer { finishWriting() }
        var result = Result()
        var pages: [PageExtraction] = []
        try project.forEachPage(locate: true) { pages.append($0) }
        let candidates = try proposals(for: pages, into: target, result: &result)
        try fillCatalogues(candidates.mapValues(AlignmentChoice.choose), pages: pages, target: target, result: &result)
        return result
    }

    /// Every page's proposals per source language, in page order, from its translation
    /// under `folder`; a translation that cannot be aligned is reported and skipped.
    private func proposals(for pages: [PageExtraction], into target: String, result: inout Result) throws
        -> [String: [POEntry.Key: [AlignmentChoice.Candidate]]] {
        // The translated pages are read with the project's rules, as the pages are.
        let its = ITSContext(rules: try project.itsContext().rules, root: nil)
        let segmentation = try project.segmentationRules()
        let known = Set(pages.map { String($0.path.dropFirst("Input/".count)) })
        // Translated pages with no page to translate: reported, not read.
        let translations = try Self.pageFiles(in: folder)
        let listed = Set(translations)
        for path in translations where !known.contains(path) {
            result.diagnostics.append(Diagnostic(.alignNoSource, severity: .warning, file: display(path),
                message: "no page Input/\(path) to align this translation with; skipped"))
        }
        var candidates: [String: [POEntry.Key: [AlignmentChoice.Candidate]]] = [:]
        for page in pages where !LanguageTag.sameLanguage(page.language, target) {
            let relative = String(page.path.dropFirst("Input/".count))
            let path = folder.appendingPathComponent(relative).path
            guard listed.contains(relative) else { continue }
            let translated: PageExtraction
            do {
                translated = try PageExtraction.extract(path: display(relative), bytes: [UInt8](TextFile.readData(path, displayPath: display(relative))),
                                                        its: its, segmentation: segmentation)
            } catch let error as TolkError {
                result.diagnostics.append(Diagnostic(.alignUnreadable, severity: .warning, file: display(relative),
                                                     message: "not aligned: \(error.description)"))
                continue
            }
            guard LanguageTag.sameLanguage(translated.language, target) else {
                result.diagnostics.append(Diagnostic(.alignWrongLanguage, severity: .warning, file: display(relative),
                    message: "not aligned: the page says it is in '\(translated.language)' (its <html lang>), not '\(target)'"))
                continue
            }
            let alignment = PageAlignment(source: page, target: translated)
            var report = PageReport(page: page.path, translation: display(relative), alignedUnits: alignment.alignedUnits,
                                    unalignedSource: alignment.unalignedSource, unalignedTarget: alignment.unalignedTarget)
            let source = CatalogTemplate.folderName(for: page.language)
            for proposal in alignment.proposals {
                let key = POEntry.Key(context: proposal.context, id: proposal.id)
                candidates[source, default: [:]][key, default: []].append(AlignmentChoice.Candidate(proposal: proposal, page: page.path, translation: display(relative)))
                if proposal.confident { report.translated += 1 } else { report.fuzzy += 1 }
            }
            result.pages.append(report)
        }

        return candidates
    }

    /// Each catalogue brought up to date with its pages, as extract would, then filled
    /// with the chosen translations and written (unless `dryRun`).
    private func fillCatalogues(_ proposals: [String: [POEntry.Key: AlignmentChoice.Choice]], pages: [PageExtraction], target: String,
                                result: inout Result) throws {
        let existing = project.catalogues()
        for source in proposals.keys.sorted() {
            let sourceLanguage = LanguageTag.bcp47(source) ?? source
            let file = existing.first { $0.language == target && $0.sourceFolder == source }
                ?? CatalogFile(language: target, source: sourceLanguage, name: LanguageTag.catalogName(language), folder: source)
            try project.checkCatalogueLink(file.path)
            let absolute = project.absolute(file.path)
            let read = FileManager.default.fileExists(atPath: absolute) ? try project.readCatalogue(file) : nil
            let old = read?.catalog
            // Pages that word a message their own way get entries of their own, placed
            // as extract places them.
            var base = old ?? POCatalog()
            let present = Set(base.entries.map(\.key))
            for (key, choice) in (proposals[source] ?? [:]).sorted(by: { $0.key < $1.key }) where choice.pageOwn && !present.contains(key) {
                base.entries.append(POEntry(context: key.context, id: key.id))
            }
            var catalog = CatalogMerger.merged(base, pages: pages, language: target, source: sourceLanguage)
            let (changed, conflicts, diagnostics) = AlignmentChoice.fill(&catalog, path: file.path, choices: proposals[source] ?? [:])
            result.conflicts += conflicts
            result.diagnostics += diagnostics
            guard changed || old == nil else { continue }
            result.catalogues.append(file.path)
            if dryRun { continue }
            try FileManager.default.createDirectory(atPath: project.absolute("Locales/\(source)"), withIntermediateDirectories: true)
            try TextFile.writeAtomicallyIfChanged(to: absolute, displayPath: file.path, readAs: .some(read?.stamp)) { sink in
                try POWriter().write(catalog, to: sink)
            }
        }
    }

    /// How a translated page is named in messages: its path under the folder as given.
    private func display(_ relative: String) -> String {
        folder.appendingPathComponent(relative).relativePath
    }

    /// The paths of the pages under `folder`, relative to it, read as `Input/` is: hidden
    /// files skipped, links to folders not followed, and a link to a file followed only
    /// when it stays inside `folder`.
    ///
    /// - Throws: `TolkError.unsafeLink` for a link that leads out of `folder`, dangles or loops.
    static func pageFiles(in folder: URL) throws -> [String] {
        let shown = folder.relativePath
        var pages: [String] = [], assets: [String] = []
        try Project.collectFiles(in: folder.path, relative: shown, realRoot: TextFile.realPath(folder.path) ?? folder.path,
                                 rootName: "the folder of translations", pages: &pages, assets: &assets)
        return pages.map { String($0.dropFirst(shown.count + 1)) }.sorted()
    }
}
