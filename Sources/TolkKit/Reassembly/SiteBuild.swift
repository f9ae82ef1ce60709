import Foundation

/// `tolk build`: every page in every project language, the event index and the sitemap.
public struct SiteBuild {
    public let project: Project
    /// Pages below this share of translated segments (0–100) are not written.
    public var minimumCompletion: Double?
    /// A base URL for the sitemap (`https://example.org/`); `tolk.toml`'s `base-url` when nil.
    public var baseURL: String?
    /// `tolk.toml`; read from the project when nil.
    public var configuration: SiteConfiguration?

    /// Reuse `.tolk/build-cache` to rebuild only what changed (false: build everything).
    public var incremental: Bool
    /// Where `tolk serve` wants each translated page's review view (project-relative,
    /// `.tolk/review`); nil writes none.
    public var reviewFolder: String?

    public init(project: Project, minimumCompletion: Double? = nil, baseURL: String? = nil, incremental: Bool = true) {
        self.project = project
        self.minimumCompletion = minimumCompletion
        self.baseURL = baseURL
        self.incremental = incremental
    }

    /// One page in one language.
    public struct PageReport: Sendable, Equatable {
        public var page: String
        public var language: String
        public var output: String
        public var segments: Int
        public var translated: Int
        public var written: Bool
        /// True for the page's own language: written as the author wrote it, nothing to translate.
        public var isSource = false
        public var fallbacks: Int { segments - translated }
        public var percent: Double { Share.percent(translated, of: segments) }
    }

    public struct Result: Sendable {
        public var pages: [PageReport]
        /// Pages built this time (the rest came unchanged from the build cache).
        public var rebuiltPages: Int
        /// Index pages and the sitemap.
        public var extraFiles: [String]
        /// Files an earlier build wrote that this one no longer makes, now removed.
        public var removedFiles: [String] = []
        /// Files whose bytes this build changed (new or rewritten); the others were already right.
        public var changedFiles: [String] = []
        /// What the build has to say: translations it did not use, pages it did not write.
        public var diagnostics: [Diagnostic]
        public var fallbacks: Int { pages.reduce(0) { $0 + $1.fallbacks } }
    }

    /// Builds the site into `Output/`.
    ///
    /// Every catalogue is read and checked first: a bad one stops the build before any
    /// page is written. Each file is written atomically.
    public func run(progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> Result {
        var resolved = self
        if resolved.configuration == nil { resolved.configuration = try project.siteConfiguration() }
        if resolved.baseURL == nil { resolved.baseURL = resolved.configuration?.baseURL }
        return try resolved.runResolved(progress: progress)
    }

    /// `tolk.toml`, as `run` read it.
    private var site: SiteConfiguration { configuration ?? SiteConfiguration() }

    private func runResolved(progress: ((_ done: Int, _ total: Int) -> Void)?) throws -> Result {
        let finishWriting = project.startWriting()
        defer { finishWriting() }
        let catalogLanguages = project.catalogLanguages()
        let catalogFiles = project.catalogues()
        let its = try project.itsContext()
        // Reading the catalogues and reading the cache and the page list are independent.
        let ((catalogs, states), (inputFiles, cached, settings)) = try Parallel.pair({ try readCatalogs(catalogFiles) }, {
            let inputFiles = try project.inputFiles()
            // Pages are read with the ITS rules: the project's, and rules files a page links
            // (an XML file among the inputs; its stamp stands for its content).
            var rules = its.fingerprint
            for asset in inputFiles.assets where asset.lowercased().hasSuffix(".xml") {
                let stamp = FileStamp.sizeAndTime(project.absolute(asset))
                rules += "\u{1}\(asset)\u{2}\(stamp.map { "\($0.0):\($0.1)" } ?? "-")"
            }
            let settings = BuildCache.settingsHash(languages: catalogFiles.map(\.key), minimumCompletion: minimumCompletion,
                                                   configuration: site.fingerprint + "\u{1}" + (baseURL ?? "-") + "\u{1}" + rules)
            return (inputFiles, incremental ? BuildCache.load(from: project.root, settings: settings) : nil, settings)
        })
        let pagePaths = inputFiles.pages
        var reports: [PageReport] = []
        var diagnostics: [Diagnostic] = []
        // A language is published when enough of its catalogue is translated; pages link only to those.
        var published: [String] = []
        for language in catalogLanguages {
            let share = catalogs.completion(of: language)
            let minimum = site.minimumCompletion(for: language)
            if share >= minimum {
                published.append(language)
            } else {
                diagnostics.append(Diagnostic(.languageNotPublished, severity: .note, file: project.catalogPath(for: language),
                    message: "\(language) is not published: \(Share.format(share.rounded(.down)))% of its messages are translated, "
                        + "below its min-completion of \(Share.format(minimum))%",
                    fix: "translate it, or set a lower min-completion in tolk.toml: [languages.\(language)]"))
            }
        }
        // A cache made for another set of published languages has other language links everywhere.
        let previous = cached?.published == published ? cached : nil
        var events: [EventSummary] = []
        let indexName = Self.indexName(avoiding: Set(pagePaths))
        if indexName != "index.html" {
            diagnostics.append(Diagnostic(.indexRenamed, severity: .note, file: "Input/index.html",
                                          message: "a page is called index.html, so the event index is written as \(indexName)"))
        }
        var cache = BuildCache(settings: settings)
        cache.published = published
        cache.catalogs = states.mapValues(Fingerprints.catalog)
        let catalogsChanged = previous.map { $0.catalogs != cache.catalogs } ?? false
        var rebuilt = 0
        // Files the cache knew under an older time (same bytes): recorded with their new one.
        var restamped = false

        // First, on all cores, which pages the cache still answers for. Then the others are
        // built on all cores, a batch at a time: a handful of changed pages among thousands
        // are spread over the cores instead of each holding up a batch of its own.
        var outcomes = [PageOutcome?](repeating: nil, count: pagePaths.count)
        if let previous {
            for (index, result) in Parallel.map(pagePaths, { path -> PageOutcome? in
                guard let cached = previous.pages[path] else { return nil }
                return reuse(cached, path: path, states: catalogsChanged ? states : nil, catalogs: catalogs)
            }).enumerated() {
                outcomes[index] = try result.get()
            }
        }
        let stale = outcomes.indices.filter { outcomes[$0] == nil }
        var built = 0
        progress?(pagePaths.count - stale.count, pagePaths.count)
        try Parallel.forEachBatch(stale, { index in
            try buildPage(pagePaths[index], catalogs: catalogs, states: states, catalogLanguages: published, its: its)
        }, consume: { results in
            for result in results {
                outcomes[stale[built]] = try result.get()
                built += 1
            }
            progress?(pagePaths.count - stale.count + built, pagePaths.count)
        })
        for case let page? in outcomes {
            reports += page.reports
            diagnostics += page.diagnostics
            events.append(page.cache.summary)
            cache.pages[page.path] = page.cache
            if page.rebuilt { rebuilt += 1 }
            restamped = restamped || page.restamped
        }

        // The index pages and the sitemap, written side by side; skipped when what they are
        // made of is as last time and the files are as the last build wrote them.
        let siteLanguages = Array(Set(events.flatMap(\.languages))).sorted()
        let fingerprint = extrasFingerprint(events: events, siteLanguages: siteLanguages, indexName: indexName, states: states)
        var extraFiles: [String] = []
        if let recorded = previous?.extras, recorded.fingerprint == fingerprint,
           case let stamps = recorded.files.map({ $0.stamp.current(at: project.absolute($0.path)) }), !stamps.contains(nil) {
            cache.extras = recorded
            cache.extras?.files = zip(recorded.files, stamps).map { ($0.0.path, $0.1!) }
            restamped = restamped || zip(recorded.files, stamps).contains { $0.0.stamp != $0.1 }
            extraFiles = recorded.files.map(\.path)
            diagnostics += recorded.diagnostics
        } else {
            enum Job { case index(String), root, sitemap }
            let finished = Parallel.map(siteLanguages.map(Job.index) + [.root, .sitemap]) { job -> (files: [(String, FileStamp)], diagnostics: [Diagnostic]) in
                switch job {
                case let .index(language):
                    var index = EventIndex(language: language, events: events.filter { $0.languages.contains(language) },
                                           table: catalogs.table(for: language, source: IndexMessage.sourceLanguage), siteLanguages: siteLanguages, fileName: indexName)
                    index.locale = site.languages[language]?.locale
                    index.siteZone = site.timeZone
                    index.audienceZone = site.languages[language]?.timeZone
                    index.links = links
                    let output = "Output/\(language)/\(indexName)"
                    return ([(output, try writeIfChanged(Array(index.html().utf8), to: output))], index.diagnostics)
                case .root:
                    guard !siteLanguages.isEmpty else { return ([], []) }
                    let headings = Dictionary(uniqueKeysWithValues: siteLanguages.map { language in
                        var index = EventIndex(language: language, events: [], table: catalogs.table(for: language, source: IndexMessage.sourceLanguage),
                                               siteLanguages: [], fileName: indexName)
                        return (language, index.text(.heading).text)
                    })
                    let root = RootPage(languages: siteLanguages, indexName: indexName, links: links, headings: headings)
                    return ([("Output/index.html", try writeIfChanged(Array(root.html().utf8), to: "Output/index.html"))], [])
                case .sitemap:
                    let files = Sitemap(events: events, indexName: indexName, languages: siteLanguages, links: links).files()
                    guard !files.isEmpty else {
                        return ([], [Diagnostic(.sitemapNotWritten, severity: .note, file: "Output/sitemap.xml",
                            message: "not written: the sitemap protocol allows only absolute URLs, and the site has no address",
                            fix: "set base-url in tolk.toml ([site]), or pass --base-url")])
                    }
                    return (try files.map { ($0.path, try writeIfChanged(Array($0.xml.utf8), to: $0.path)) }, [])
                }
            }
            var extras = BuildCache.Extras(fingerprint: fingerprint)
            for result in finished {
                let (files, jobDiagnostics) = try result.get()
                for (output, stamp) in files {
                    extraFiles.append(output)
                    extras.files.append((output, stamp))
                }
                extras.diagnostics += jobDiagnostics
            }
            diagnostics += extras.diagnostics
            cache.extras = extras
        }
        // Files pages refer to and nothing provides: found again only in folders whose
        // pages, or the files under Input/, changed.
        let missing = MissingFiles.find(pages: cache.pages, previous: previous?.missingFiles ?? [:],
                                        files: inputFiles.pages + inputFiles.assets, indexName: indexName)
        cache.missingFiles = missing.folders
        // Nothing rebuilt and nothing else changed: the cache on disk is still right.
        if rebuilt > 0 || restamped || previous == nil || catalogsChanged || previous?.pages.count != cache.pages.count
            || previous?.extras?.fingerprint != cache.extras?.fingerprint || missing.found > 0
            || previous?.missingFiles.count != cache.missingFiles.count {
            // The cache only makes builds faster: one that cannot be saved is a warning.
            do {
                try cache.save(to: project.root)
            } catch {
                diagnostics.append(Diagnostic(.cacheNotSaved, severity: .warning, file: ".tolk/build-cache",
                                              message: "not saved (\(error)); the next build is a full one"))
            }
        }
        // What earlier builds wrote and this one no longer makes goes; nothing else is touched.
        var manifest = OutputManifest()
        for page in cache.pages.values {
            for output in page.outputs where output.written { manifest.files[output.path] = output.stamp ?? .missing }
        }
        for file in cache.extras?.files ?? [] { manifest.files[file.path] = file.stamp }
        let recorded = OutputManifest.load(from: project)
        // The pages' images, styles and scripts, in every language folder that has pages.
        let assets = try Assets(project: project, paths: inputFiles.assets).publish(languages: siteLanguages, recorded: recorded)
        manifest.files.merge(assets.files) { page, _ in page }
        manifest.sources = assets.sources
        diagnostics += MissingFiles.warnings(cache.missingFiles)
        var removed: [String] = []
        if let recorded {
            let (gone, kept) = manifest.removeStale(since: recorded, in: project)
            removed = gone
            diagnostics += kept
        }
        if recorded != manifest {
            do {
                try manifest.save(to: project)
            } catch {
                diagnostics.append(Diagnostic(.cacheNotSaved, severity: .warning, file: OutputManifest.path,
                    message: "not saved (\(error)); the next build cannot remove what this one wrote if it is no longer needed"))
            }
        }
        CatalogSnapshot.removeAll(except: catalogFiles.map(\.key), in: project.root)
        let changed = manifest.files.filter { path, stamp in recorded?.files[path]?.content != stamp.content }.keys.sorted()
        return Result(pages: reports, rebuiltPages: rebuilt, extraFiles: extraFiles, removedFiles: removed, changedFiles: changed,
                      diagnostics: diagnostics)
    }

    /// A fingerprint of everything the index pages and the sitemap are made of.
    private func extrasFingerprint(events: [EventSummary], siteLanguages: [String], indexName: String,
                                   states: [String: [UInt64: UInt64]]) -> UInt64 {
        var hash = FastHash()
        for language in siteLanguages { hash.combine(language) }
        hash.combine(indexName)
        hash.combine(baseURL ?? "\u{0}")
        // The index's own messages, as each catalogue translates them.
        for language in states.keys.sorted() {
            hash.combine(language)
            for message in IndexMessage.allCases {
                hash.combine(states[language]?[Fingerprints.key(context: IndexMessage.context, id: message.rawValue)] ?? 0)
            }
        }
        for event in events {
            hash.combine(event.relative)
            hash.combine(event.pageLanguage)
            for language in event.titles.keys.sorted() {
                hash.combine(language)
                hash.combine(event.titles[language]!.text)
                hash.combine(event.titles[language]!.translated ? 1 : 0)
            }
            hash.combine(event.start ?? "\u{0}")
            hash.combine(event.end ?? "\u{0}")
            for language in event.languages.sorted() { hash.combine(language) }
        }
        return hash.value
    }

    /// A page's outcome from the cache, when its source, its outputs and the translations
    /// it uses are all as the last build left them. `states` is nil when no catalogue changed.
    private func reuse(_ cached: BuildCache.Page, path: String, states: [String: [UInt64: UInt64]]?,
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

    /// Writes a file only when its bytes differ from what is there; returns its stamp.
    private func writeIfChanged(_ bytes: [UInt8], to output: String) throws -> FileStamp {
        let path = project.absolute(output)
        let data = Data(bytes)
        if FileManager.default.contents(atPath: path) != data {
            try TextFile.writeAtomically(data, to: path, displayPath: output)
        }
        return FileStamp(path: path, data: data) ?? .missing
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

    private func buildPage(_ path: String, catalogs: CatalogTables, states: [String: [UInt64: UInt64]],
                           catalogLanguages: [String], its: ITSContext) throws -> PageOutcome {
        // The stat comes before the read: a change made meanwhile gives the file a newer time.
        let time = FileStamp.sizeAndTime(project.absolute(path))
        let data = try TextFile.readData(project.absolute(path), displayPath: path)
        let source = time.map { FileStamp(size: $0.0, modified: $0.1, content: FileStamp.hash(data)) } ?? .missing
        let page = try PageExtraction.extract(path: path, bytes: [UInt8](data), its: its)
        let bytes = Array(page.text.utf8)
        let relative = String(path.dropFirst("Input/".count))
        let languages = Self.languages(of: page, catalogs: catalogLanguages)
        let alternates = languages.count > 1 ? links.alternates(for: relative, languages: languages, pageLanguage: page.language) : []
        let keys = page.segments.map { Fingerprints.key(context: $0.context, id: $0.text) } + [Fingerprints.page(path)]
        var tables: [String: TranslationTable] = [:]
        for language in languages { tables[language] = catalogs.table(for: language, source: page.language) }
        let summary = EventSummary(page: page, relative: relative, languages: languages, tables: tables)
        var outcome = PageOutcome(path: path, diagnostics: page.diagnostics,
                                  cache: BuildCache.Page(source: source, summary: summary, diagnostics: page.diagnostics, outputs: [], keys: keys,
                                                         references: (page.outline?.hasBase ?? false) ? [] : page.outline?.references ?? []))
        // Every version is built in memory first: which of them are written decides the
        // language links in all of them (none may point at a page that is not written).
        func build(_ language: String, alternates: [(language: String, href: String)], review: Bool = false) -> PageBuilder.Output {
            let table = tables[language]
            // The switcher links relatively (it works on a copy of Output/ anywhere), in language order.
            let switcher = alternates.filter { $0.language != "x-default" }.map { version in
                (version.language, SiteLinks().href(to: relative, in: version.language, from: relative))
            }
            var builder = PageBuilder(page: page, source: bytes, language: language, table: table, alternates: alternates,
                               locale: site.languages[language]?.locale,
                               canonical: baseURL.map { _ in links.href(to: relative, in: language, from: relative) }, siteZone: site.timeZone,
                               audienceZone: site.languages[language]?.timeZone)
            builder.switcher = switcher
            builder.review = review
            return builder.build()
        }
        var versions = languages.map { (language: $0, built: build($0, alternates: alternates)) }
        let written = versions.filter { version in
            guard let minimum = minimumCompletion else { return true }
            return Share.percent(version.built.translated, of: version.built.segments) >= minimum
        }.map(\.language)
        var writtenAlternates = alternates
        if written.count < languages.count {
            let reduced = written.count > 1 ? links.alternates(for: relative, languages: written, pageLanguage: page.language) : []
            writtenAlternates = reduced
            for index in versions.indices where written.contains(versions[index].language) {
                versions[index].built = build(versions[index].language, alternates: reduced)
            }
        }
        // `tolk serve`'s review view of each translated version, beside Output/ (never in it).
        if let reviewFolder {
            for language in written where !LanguageTag.sameLanguage(language, page.language) {
                let url = URL(fileURLWithPath: project.absolute("\(reviewFolder)/\(language)/\(relative)"))
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(build(language, alternates: writtenAlternates, review: true).bytes).write(to: url, options: .atomic)
            }
        }
        for (language, built) in versions {
            let table = tables[language]
            outcome.diagnostics += built.diagnostics
            let output = "Output/\(language)/\(relative)"
            var report = PageReport(page: path, language: language, output: output, segments: built.segments,
                                    translated: built.translated, written: false, isSource: LanguageTag.sameLanguage(language, page.language))
            var outputDiagnostics = built.diagnostics
            var stamp: FileStamp?
            if !written.contains(language), let minimum = minimumCompletion {
                outputDiagnostics.append(Diagnostic(.belowMinCompletion, severity: .note, file: output,
                    message: "not written: \(Share.format(report.percent))% translated, below --min-completion \(Share.format(minimum))%"))
                outcome.diagnostics.append(outputDiagnostics.last!)
            } else {
                // A legacy page left as it was is written as it was, in its own charset.
                let unchanged = page.legacyCharset != nil && built.bytes == bytes
                stamp = try writeIfChanged(unchanged ? [UInt8](data) : built.bytes, to: output)
                report.written = true
                outcome.cache.summary.languages.insert(language)
            }
            outcome.reports.append(report)
            let fingerprint = table == nil ? 0
                : Fingerprints.of(keys, states: catalogs.file(for: language, source: page.language).flatMap { states[$0.key] } ?? [:])
            outcome.cache.outputs.append(BuildCache.Output(
                language: language, path: output, fingerprint: fingerprint, segments: report.segments,
                translated: report.translated, written: report.written, stamp: stamp, diagnostics: outputDiagnostics))
        }
        return outcome
    }

    /// The event index's file name: `index.html`, or the first of `events.html`,
    /// `event-index.html`, `event-index-2.html`… that no page under `Input/` has. A
    /// generated file never takes the place of an author's page.
    static func indexName(avoiding pages: Set<String>) -> String {
        for candidate in ["index.html", "events.html", "event-index.html"] where !pages.contains("Input/" + candidate) {
            return candidate
        }
        var number = 2
        while pages.contains("Input/event-index-\(number).html") { number += 1 }
        return "event-index-\(number).html"
    }

    /// The page's own language, then every catalogue language, once each.
    static func languages(of page: PageExtraction, catalogs: [String]) -> [String] {
        [page.language] + catalogs.filter { !LanguageTag.sameLanguage($0, page.language) }
    }

    /// How pages link to each other's versions.
    private var links: SiteLinks {
        SiteLinks(baseURL: baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }, defaultLanguage: site.defaultLanguage)
    }

    /// Each catalogue as a lookup table, and the state of its entries for the cache, by `CatalogFile.key`.
    private func readCatalogs(_ files: [CatalogFile]) throws -> (CatalogTables, [String: [UInt64: UInt64]]) {
        var tables: [String: TranslationTable] = [:]
        var states: [String: [UInt64: UInt64]] = [:]
        for file in files {
            guard LanguageTag.isKnown(file.name) else { throw TolkError.unknownLanguage(code: file.language, source: file.path) }
            try project.checkCatalogueLink(file.path)
            let catalog = try readCatalog(file)
            tables[file.key] = TranslationTable(catalog: catalog, path: file.path)
            states[file.key] = Fingerprints.states(of: catalog)
        }
        return (CatalogTables(files: files, tables: tables), states)
    }

    /// A catalogue, from the cache's compact copy when the PO file has not changed since.
    private func readCatalog(_ file: CatalogFile) throws -> POCatalog {
        let absolute = project.absolute(file.path)
        if incremental, let copy = CatalogSnapshot.load(key: file.key, in: project.root, catalogPath: absolute) {
            return copy
        }
        // Stamped before the read, as pages are, and hashed as it is read; a change made
        // meanwhile moves the time, and then no copy is kept.
        let time = FileStamp.sizeAndTime(absolute)
        var content = FastHash()
        let catalog = try project.readCatalogue(file, references: .none) { content.combine(blocksOf: $0) }.catalog
        if let time, let after = FileStamp.sizeAndTime(absolute), after == time {
            try? CatalogSnapshot.save(catalog, key: file.key, in: project.root,
                                      stamp: FileStamp(size: time.0, modified: time.1, content: content.value))
        }
        return catalog
    }

}
