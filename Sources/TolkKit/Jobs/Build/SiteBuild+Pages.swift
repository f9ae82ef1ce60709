import Foundation

/// The pages of a build: each taken from the cache when nothing it is made of changed,
/// the others built in every language and written.
extension SiteBuild {
    /// Every page's outcome, in page order.
    struct Pages: Sendable {
        var reports: [PageReport] = []
        var diagnostics: [Diagnostic] = []
        var events: [EventSummary] = []
        var cache: [String: BuildCache.Page] = [:]
        var rebuilt = 0
        /// A page taken from the cache had a file whose time moved but whose bytes did not.
        var restamped = false
    }

    /// First, on all cores, which pages the cache still answers for. Then the others are
    /// built on all cores, a batch at a time: a handful of changed pages among thousands
    /// are spread over the cores instead of each holding up a batch of its own.
    func buildPages(_ paths: [String], previous: BuildCache?, catalogsChanged: Bool, catalogues: Catalogues, published: [String],
                    its: ITSContext, segmentation: SRXRules?, progress: ((_ done: Int, _ total: Int) -> Void)?) throws -> Pages {
        var outcomes = [PageOutcome?](repeating: nil, count: paths.count)
        if let previous {
            for (index, result) in Parallel.map(paths, { path -> PageOutcome? in
                guard let cached = previous.pages[path] else { return nil }
                return reuse(cached, path: path, states: catalogsChanged ? catalogues.states : nil, catalogs: catalogues.tables)
            }).enumerated() {
                outcomes[index] = try result.get()
            }
        }
        let stale = outcomes.indices.filter { outcomes[$0] == nil }
        var built = 0
        progress?(paths.count - stale.count, paths.count)
        try Parallel.forEachBatch(stale, { index in
            try buildPage(paths[index], catalogues: catalogues, catalogLanguages: published, its: its, segmentation: segmentation)
        }, consume: { results in
            for result in results {
                outcomes[stale[built]] = try result.get()
                built += 1
            }
            progress?(paths.count - stale.count + built, paths.count)
        })
        var pages = Pages()
        for case let page? in outcomes {
            pages.reports += page.reports
            pages.diagnostics += page.diagnostics
            pages.events.append(page.cache.summary)
            pages.cache[page.path] = page.cache
            if page.rebuilt { pages.rebuilt += 1 }
            pages.restamped = pages.restamped || page.restamped
        }
        return pages
    }

    /// One page built in all its languages, or taken from the cache.
    struct PageOutcome: Sendable {
        var path: String
        var reports: [PageReport] = []
        var diagnostics: [Diagnostic] = []
        var cache: BuildCache.Page
        var rebuilt = true
        /// Taken from the cache, with a file whose time moved but whose bytes did not.
        var restamped = false
    }

    /// A page's outcome from the cache, when its source, its outputs and the translations
    /// it uses are all as the last build left them. `states` is nil when no catalogue changed.
    func reuse(_ cached: BuildCache.Page, path: String, states: [String: [UInt64: UInt64]]?,
                       catalogs: CatalogTables) -> PageOutcome? {
        var page = cached
        guard let source = cached.source.current(at: project.absolute(path)) else { return nil }
        page.source = source
        for (index, output) in cached.outputs.enumerated() {
            if let states, !LanguageTag.sameLanguage(output.language, cached.summary.pageLanguage),
               Fingerprints.of(cached.keys, states: catalogs.file(for: output.language, source: cached.summary.pageLanguage)
                   .flatMap { states[$0.key] } ?? [:]) != output.fingerprint {
                return nil
            }
            if output.written {
                guard let stamp = output.stamp?.current(at: project.absolute(output.path)) else { return nil }
                page.outputs[index].stamp = stamp
            }
        }
        let reports = cached.outputs.map {
            PageReport(page: path, language: $0.language, output: $0.path, segments: $0.segments, translated: $0.translated, written: $0.written,
                       isSource: LanguageTag.sameLanguage($0.language, cached.summary.pageLanguage))
        }
        return PageOutcome(path: path, reports: reports,
                           diagnostics: cached.diagnostics + cached.outputs.flatMap(\.diagnostics), cache: page, rebuilt: false,
                           restamped: page.source != cached.source || zip(page.outputs, cached.outputs).contains { $0.stamp != $1.stamp })
    }

    /// One page read and built in every language; the versions the threshold lets through
    /// are written, and `tolk serve`'s review copies beside them.
    private func buildPage(_ path: String, catalogues: Catalogues, catalogLanguages: [String], its: ITSContext,
                           segmentation: SRXRules?) throws -> PageOutcome {
        // The stat comes before the read: a change made meanwhile gives the file a newer time.
        let time = FileStamp.sizeAndTime(project.absolute(path))
        let data = try TextFile.readData(project.absolute(path), displayPath: path)
        let source = time.map { FileStamp(size: $0.0, modified: $0.1, content: FileStamp.hash(data)) } ?? .missing
        let page = try PageExtraction.extract(path: path, bytes: [UInt8](data), its: its, segmentation: segmentation)
        let relative = String(path.dropFirst("Input/".count))
        let languages = Self.languages(of: page, catalogs: catalogLanguages)
        let alternates = languages.count > 1 ? links.alternates(for: relative, languages: languages, pageLanguage: page.language) : []
        let keys = page.segments.map { Fingerprints.key(context: $0.context, id: $0.text) } + [Fingerprints.page(path)]
        var tables: [String: TranslationTable] = [:]
        for language in languages { tables[language] = catalogues.tables.table(for: language, source: page.language) }
        let summary = EventSummary(page: page, relative: relative, languages: languages, tables: tables)
        var outcome = PageOutcome(path: path, diagnostics: page.diagnostics,
                                  cache: BuildCache.Page(source: source, summary: summary, diagnostics: page.diagnostics, outputs: [], keys: keys,
                                                         references: (page.outline?.hasBase ?? false) ? [] : page.outline?.references ?? []))
        // Every version is built in memory first: which of them are written decides the
        // language links in all of them (none may point at a page that is not written).
        let versions = PageVersions(page: page, relative: relative, tables: tables, site: site, links: links, baseURL: baseURL)
        var built = languages.map { (language: $0, built: versions.build($0, alternates: alternates)) }
        let written = built.filter { version in
            guard let minimum = minimumCompletion else { return true }
            return Share.percent(version.built.translated, of: version.built.segments) >= minimum
        }.map(\.language)
        var writtenAlternates = alternates
        if written.count < languages.count {
            writtenAlternates = written.count > 1 ? links.alternates(for: relative, languages: written, pageLanguage: page.language) : []
            for index in built.indices where written.contains(built[index].language) {
                built[index].built = versions.build(built[index].language, alternates: writtenAlternates)
            }
        }
        if let reviewFolder {
            try writeReviewCopies(versions, languages: written, alternates: writtenAlternates, in: reviewFolder)
        }
        for (language, version) in built {
            // What the translations this version uses were, for the cache to tell when they change.
            let fingerprint = tables[language] == nil ? 0 : Fingerprints.of(keys, states: catalogues.states(for: language, source: page.language))
            try write(version, of: page, in: language, source: data, written: written.contains(language), fingerprint: fingerprint,
                      into: &outcome)
        }
        return outcome
    }

    /// `tolk serve`'s review view of each translated version, beside Output/ (never in it).
    private func writeReviewCopies(_ versions: PageVersions, languages: [String], alternates: [(language: String, href: String)],
                                   in folder: String) throws {
        for language in languages where !LanguageTag.sameLanguage(language, versions.page.language) {
            let url = URL(fileURLWithPath: project.absolute("\(folder)/\(language)/\(versions.relative)"))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(versions.build(language, alternates: alternates, review: true).bytes).write(to: url, options: .atomic)
        }
    }

    /// One version of a page: written when the threshold lets it through, and recorded
    /// with its figures in the outcome and the cache either way.
    private func write(_ built: PageBuilder.Output, of page: PageExtraction, in language: String, source data: Data, written: Bool,
                       fingerprint: UInt64, into outcome: inout PageOutcome) throws {
        let relative = String(page.path.dropFirst("Input/".count))
        outcome.diagnostics += built.diagnostics
        let output = "Output/\(language)/\(relative)"
        var report = PageReport(page: page.path, language: language, output: output, segments: built.segments,
                                translated: built.translated, written: false, isSource: LanguageTag.sameLanguage(language, page.language))
        var outputDiagnostics = built.diagnostics
        var stamp: FileStamp?
        if !written, let minimum = minimumCompletion {
            outputDiagnostics.append(Diagnostic(.belowMinCompletion, severity: .note, file: output,
                message: "not written: \(Share.format(report.percent))% translated, below --min-completion \(Share.format(minimum))%"))
            outcome.diagnostics.append(outputDiagnostics.last!)
        } else {
            // A legacy page left as it was is written as it was, in its own charset.
            let unchanged = page.legacyCharset != nil && built.bytes.elementsEqual(page.text.utf8)
            stamp = try writeIfChanged(unchanged ? [UInt8](data) : built.bytes, to: output)
            report.written = true
            outcome.cache.summary.languages.insert(language)
        }
        outcome.reports.append(report)
        outcome.cache.outputs.append(BuildCache.Output(
            language: language, path: output, fingerprint: fingerprint, segments: report.segments,
            translated: report.translated, written: report.written, stamp: stamp, diagnostics: outputDiagnostics))
    }
}

/// A page's versions, built in memory: the page with each language's translations, its
/// language links, switcher, dates and zones.
struct PageVersions {
    let page: PageExtraction
    /// The page's path under `Input/`.
    let relative: String
    let tables: [String: TranslationTable]
    let site: SiteConfiguration
    let links: SiteLinks
    let baseURL: String?
    private let bytes: [UInt8]

    init(page: PageExtraction, relative: String, tables: [String: TranslationTable], site: SiteConfiguration, links: SiteLinks,
         baseURL: String?) {
        self.page = page
        self.relative = relative
        self.tables = tables
        self.site = site
        self.links = links
        self.baseURL = baseURL
        bytes = Array(page.text.utf8)
    }

    func build(_ language: String, alternates: [(language: String, href: String)], review: Bool = false) -> PageBuilder.Output {
        // The switcher links relatively (it works on a copy of Output/ anywhere), in language order.
        let switcher = alternates.filter { $0.language != "x-default" }.map { version in
            (version.language, SiteLinks().href(to: relative, in: version.language, from: relative))
        }
        var builder = PageBuilder(page: page, source: bytes, language: language, table: tables[language], alternates: alternates,
                                  locale: site.languages[language]?.locale,
                                  canonical: baseURL.map { _ in links.href(to: relative, in: language, from: relative) }, siteZone: site.timeZone,
                                  audienceZone: site.languages[language]?.timeZone)
        builder.switcher = switcher
        builder.review = review
        return builder.build()
    }
}
