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
        // The translated pages are read with the project's rules, as the pages are.
        let its = ITSContext(rules: try project.itsContext().rules, root: nil)
        let known = Set(pages.map { String($0.path.dropFirst("Input/".count)) })
        // Translated pages with no page to translate: reported, not read.
        let translations = try Self.pageFiles(in: folder)
        let listed = Set(translations)
        for path in translations where !known.contains(path) {
            result.diagnostics.append(Diagnostic(.alignNoSource, severity: .warning, file: display(path),
                message: "no page Input/\(path) to align this translation with; skipped"))
        }
        // Every page's proposals per source language, in page order.
        var candidates: [String: [POEntry.Key: [Candidate]]] = [:]
        for page in pages where !LanguageTag.sameLanguage(page.language, target) {
            let relative = String(page.path.dropFirst("Input/".count))
            let path = folder.appendingPathComponent(relative).path
            guard listed.contains(relative) else { continue }
            let translated: PageExtraction
            do {
                translated = try PageExtraction.extract(path: display(relative), bytes: [UInt8](TextFile.readData(path, displayPath: display(relative))),
                                                        its: its)
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
            let source = CatalogUpdate.folderName(for: page.language)
            for proposal in alignment.proposals {
                let key = POEntry.Key(context: proposal.context, id: proposal.id)
                candidates[source, default: [:]][key, default: []].append(Candidate(proposal: proposal, page: page.path, translation: display(relative)))
                if proposal.confident { report.translated += 1 } else { report.fuzzy += 1 }
            }
            result.pages.append(report)
        }

        // Each catalogue brought up to date with its pages, as extract would, then filled.
        let existing = project.catalogues()
        let proposals = candidates.mapValues(Self.choose)
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
            var catalog = CatalogUpdate.merged(base, pages: pages, language: target, source: sourceLanguage)
            var changed = false
            for index in catalog.entries.indices where !catalog.entries[index].isObsolete && !catalog.entries[index].isHeader {
                let entry = catalog.entries[index]
                guard let choice = proposals[source]?[entry.key], entry.pluralID == nil else { continue }
                let (proposal, page) = (choice.proposal, choice.translation)
                if entry.translations.contains(where: { !$0.isEmpty }) {
                    if entry.translation != proposal.translation {
                        result.conflicts += 1
                        result.diagnostics.append(Diagnostic(.alignConflict, severity: .warning, file: file.path, line: entry.line,
                            message: "kept the catalogue's translation; \(page) has another: \"\(proposal.translation)\"",
                            msgctxt: entry.context, msgid: entry.id, msgstr: entry.translation))
                    }
                    continue
                }
                catalog.entries[index].translations = [proposal.translation]
                catalog.entries[index].isFuzzy = !proposal.confident
                if !proposal.confident {
                    catalog.entries[index].translatorComments.append("Aligned from \(page): \(proposal.reason ?? "uncertain"); check it")
                }
                if let remark = proposal.remark {
                    catalog.entries[index].translatorComments.append("Aligned from \(page): \(remark); this page's own translation")
                } else if choice.pageOwn {
                    catalog.entries[index].translatorComments.append(
                        "Aligned from \(page), which words it differently from the other pages: this page's own translation")
                }
                for (otherPage, translation) in choice.others {
                    catalog.entries[index].translatorComments.append("\(otherPage) translates it differently: \(translation)")
                }
                changed = true
            }
            guard changed || old == nil else { continue }
            result.catalogues.append(file.path)
            if dryRun { continue }
            try FileManager.default.createDirectory(atPath: project.absolute("Locales/\(source)"), withIntermediateDirectories: true)
            try TextFile.writeAtomicallyIfChanged(to: absolute, displayPath: file.path, readAs: .some(read?.stamp)) { sink in
                try POWriter().write(catalog, to: sink)
            }
        }
        return result
    }

    /// A translation one page proposes for a message.
    struct Candidate {
        var proposal: PageAlignment.Proposal
        /// The page (`Input/b.html`) and its translation, as messages name it (`de/b.html`).
        var page: String
        var translation: String
    }

    /// What goes into one entry.
    struct Choice {
        var proposal: PageAlignment.Proposal
        /// The translated page it comes from, as messages name it.
        var translation: String
        /// Other translations the pages give, named in a comment: (translated page, text).
        var others: [(String, String)] = []
        /// An entry of one page's own (`PageTranslations`), not the message's.
        var pageOwn = false
    }

    /// The entries a message's proposals fill.
    ///
    /// The message's entry takes the confident translation most pages give (the first on
    /// a tie), else the first uncertain one; one that is the source's own text (a page
    /// that left a meta description untranslated) counts only when it is all there is. A
    /// page that never gives that translation keeps its own (chosen the same way) in an
    /// entry of its own (`PageTranslations`), so the built page says what the translated
    /// page said. A message with a msgctxt of its own cannot have page translations: there
    /// the other translations are named in a comment, for the team to make them one. A
    /// page's translation of a paragraph whole is its own already.
    static func choose(_ byKey: [POEntry.Key: [Candidate]]) -> [POEntry.Key: Choice] {
        var result: [POEntry.Key: Choice] = [:]
        for (key, found) in byKey {
            guard let chosen = preferred(found) else {
                result[key] = Choice(proposal: found[0].proposal, translation: found[0].translation)
                continue
            }
            var choice = Choice(proposal: chosen.proposal, translation: chosen.translation, pageOwn: key.context == chosen.page)
            var seen: Set<String> = [chosen.proposal.translation]
            if key.context == nil {
                // A page that never gives the chosen translation keeps its own wording.
                var pages: [String] = []
                var byPage: [String: [Candidate]] = [:]
                for candidate in found {
                    if byPage[candidate.page] == nil { pages.append(candidate.page) }
                    byPage[candidate.page, default: []].append(candidate)
                }
                for page in pages where !byPage[page]!.contains(where: { $0.proposal.confident && $0.proposal.translation == chosen.proposal.translation }) {
                    guard let own = preferred(byPage[page]!) else { continue }
                    seen.insert(own.proposal.translation)
                    result[POEntry.Key(context: page, id: key.id)] = Choice(proposal: own.proposal, translation: own.translation, pageOwn: true)
                }
            }
            choice.others = found.filter { $0.proposal.confident && seen.insert($0.proposal.translation).inserted }
                .map { ($0.translation, $0.proposal.translation) }
            result[key] = choice
        }
        return result
    }

    /// The confident translation most candidates give (the first on a tie), one that is
    /// not the source's own text when there is one; nil when none is confident.
    private static func preferred(_ candidates: [Candidate]) -> Candidate? {
        let confident = candidates.filter(\.proposal.confident)
        let translated = confident.filter { MessageText.plainText($0.proposal.translation) != MessageText.plainText($0.proposal.id) }
        let pool = translated.isEmpty ? confident : translated
        guard !pool.isEmpty else { return nil }
        var counts: [String: Int] = [:]
        for candidate in pool { counts[candidate.proposal.translation, default: 0] += 1 }
        let most = counts.values.max() ?? 0
        return pool.first { counts[$0.proposal.translation] == most }
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
        try Project.collectFiles(in: folder.path, relative: shown, realRoot: Project.realPath(folder.path) ?? folder.path,
                                 rootName: "the folder of translations", pages: &pages, assets: &assets)
        return pages.map { String($0.dropFirst(shown.count + 1)) }.sorted()
    }
}
