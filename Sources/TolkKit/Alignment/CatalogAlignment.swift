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
        var result = Result()
        var pages: [PageExtraction] = []
        try project.forEachPage(locate: true) { pages.append($0) }
        // The translated pages are read with the project's rules, as the pages are.
        let its = ITSContext(rules: try project.itsContext().rules, root: nil)
        let known = Set(pages.map { String($0.path.dropFirst("Input/".count)) })
        // Translated pages with no page to translate: reported, not read.
        for path in Self.pageFiles(in: folder) where !known.contains(path) {
            result.diagnostics.append(Diagnostic(rule: "align-no-source", severity: .warning, file: display(path),
                message: "no page Input/\(path) to align this translation with; skipped"))
        }
        // Proposals per source language, in page order; the first for a message wins.
        // Every page's proposals per source language, in page order.
        var candidates: [String: [POEntry.Key: [(PageAlignment.Proposal, String)]]] = [:]
        for page in pages where !LanguageTag.sameLanguage(page.language, target) {
            let relative = String(page.path.dropFirst("Input/".count))
            let path = folder.appendingPathComponent(relative).path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let translated: PageExtraction
            do {
                let (text, _) = try PageEncoding.decode([UInt8](TextFile.readData(path, displayPath: display(relative))), path: display(relative))
                translated = try PageExtraction.extract(path: display(relative), text: text, its: its)
            } catch let error as TolkError {
                result.diagnostics.append(Diagnostic(rule: "align-unreadable", severity: .warning, file: display(relative),
                                                     message: "not aligned: \(error.description)"))
                continue
            }
            guard LanguageTag.sameLanguage(translated.language, target) else {
                result.diagnostics.append(Diagnostic(rule: "align-wrong-language", severity: .warning, file: display(relative),
                    message: "not aligned: the page says it is in '\(translated.language)' (its <html lang>), not '\(target)'"))
                continue
            }
            let alignment = PageAlignment(source: page, target: translated)
            var report = PageReport(page: page.path, translation: display(relative), alignedUnits: alignment.alignedUnits,
                                    unalignedSource: alignment.unalignedSource, unalignedTarget: alignment.unalignedTarget)
            let source = CatalogUpdate.folderName(for: page.language)
            for proposal in alignment.proposals {
                let key = POEntry.Key(context: proposal.context, id: proposal.id)
                // The first confident translation of a message wins; an uncertain one only until then.
                candidates[source, default: [:]][key, default: []].append((proposal, display(relative)))
                if proposal.confident { report.translated += 1 } else { report.fuzzy += 1 }
            }
            result.pages.append(report)
        }

        // Each catalogue brought up to date with its pages, as extract would, then filled.
        let existing = project.catalogues()
        // A message several pages translate: the confident translation most of them give
        // (the first on a tie), else the first uncertain one. One that is the source's own
        // text (a page that left a meta description untranslated) counts only when it is all there is.
        // The other translations the pages give are named in a comment, for the team to
        // make them one.
        let proposals = candidates.mapValues { byKey in
            byKey.mapValues { found -> (proposal: PageAlignment.Proposal, page: String, others: [(String, String)]) in
                let translated = found.filter { $0.0.confident && MessageText.plainText($0.0.translation) != MessageText.plainText($0.0.id) }
                let confident = translated.isEmpty ? found.filter(\.0.confident) : translated
                guard !confident.isEmpty else { return (found[0].0, found[0].1, []) }
                var counts: [String: Int] = [:]
                for candidate in confident { counts[candidate.0.translation, default: 0] += 1 }
                let most = counts.values.max() ?? 0
                let chosen = confident.first { counts[$0.0.translation] == most }!
                var seen: Set<String> = [chosen.0.translation]
                let others = confident.filter { seen.insert($0.0.translation).inserted }.map { ($0.1, $0.0.translation) }
                return (chosen.0, chosen.1, others)
            }
        }
        for source in proposals.keys.sorted() {
            let sourceLanguage = LanguageTag.bcp47(source) ?? source
            let file = existing.first { $0.language == target && $0.sourceFolder == source }
                ?? CatalogFile(language: target, source: sourceLanguage, name: LanguageTag.catalogName(language), folder: source)
            try project.checkCatalogueLink(file.path)
            var stamp = TextFile.Stamp.Builder()
            let absolute = project.absolute(file.path)
            let old = FileManager.default.fileExists(atPath: absolute)
                ? try POParser(path: file.path).parse(fileAt: absolute) { stamp.add($0) } : nil
            var catalog = CatalogUpdate.merged(old, pages: pages, language: target, source: sourceLanguage)
            var changed = false
            for index in catalog.entries.indices where !catalog.entries[index].isObsolete && !catalog.entries[index].isHeader {
                let entry = catalog.entries[index]
                guard let (proposal, page, others) = proposals[source]?[entry.key], entry.pluralID == nil else { continue }
                if entry.translations.contains(where: { !$0.isEmpty }) {
                    if entry.translation != proposal.translation {
                        result.conflicts += 1
                        result.diagnostics.append(Diagnostic(rule: "align-conflict", severity: .warning, file: file.path, line: entry.line,
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
                for (otherPage, translation) in others {
                    catalog.entries[index].translatorComments.append("\(otherPage) translates it differently: \(translation)")
                }
                changed = true
            }
            guard changed || old == nil else { continue }
            result.catalogues.append(file.path)
            if dryRun { continue }
            try FileManager.default.createDirectory(atPath: project.absolute("Locales/\(source)"), withIntermediateDirectories: true)
            try TextFile.writeAtomicallyIfChanged(to: absolute, displayPath: file.path, readAs: .some(old == nil ? nil : stamp.stamp)) { sink in
                try POWriter().write(catalog, to: sink)
            }
        }
        return result
    }

    /// How a translated page is named in messages: its path under the folder as given.
    private func display(_ relative: String) -> String {
        folder.appendingPathComponent(relative).relativePath
    }

    /// Project-relative paths of the pages under `folder` (as `Input/` is read).
    static func pageFiles(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        var paths: [String] = []
        let base = folder.standardizedFileURL.path + "/"
        for case let url as URL in enumerator where ["html", "htm", "xhtml"].contains(url.pathExtension.lowercased()) {
            let path = url.standardizedFileURL.path
            if path.hasPrefix(base) { paths.append(String(path.dropFirst(base.count))) }
        }
        return paths.sorted()
    }
}
