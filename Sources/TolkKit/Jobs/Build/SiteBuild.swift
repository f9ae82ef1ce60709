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
    var site: SiteConfiguration { configuration ?? SiteConfiguration() }

    /// The build in order: inputs, what is published, pages, the index pages and sitemap,
    /// the cache, then the files in `Output/` (assets, stale files, the manifest).
    private func runResolved(progress: ((_ done: Int, _ total: Int) -> Void)?) throws -> Result {
        let finishWriting = project.startWriting()
        defer { finishWriting() }
        let catalogFiles = project.catalogues()
        let its = try project.itsContext()
        let segmentation = try project.segmentationRules()
        // Reading the catalogues and reading the cache and the page list are independent.
        let (catalogues, inputs) = try Parallel.pair({ try readCatalogs(catalogFiles) }, {
            try readInputs(its: its, segmentation: segmentation, catalogues: catalogFiles)
        })
        let plan = PublishPlan(languages: project.catalogLanguages(), catalogs: catalogues.tables, site: site, project: project)
        var diagnostics = plan.diagnostics
        // A cache made for another set of published languages has other language links everywhere.
        let previous = inputs.cached?.published == plan.published ? inputs.cached : nil
        let indexName = Self.indexName(avoiding: Set(inputs.pages))
        if indexName != "index.html" {
            diagnostics.append(Diagnostic(.indexRenamed, severity: .note, file: "Input/index.html",
                                          message: "a page is called index.html, so the event index is written as \(indexName)"))
        }
        var cache = BuildCache(settings: inputs.settings)
        cache.published = plan.published
        cache.catalogs = catalogues.states.mapValues(Fingerprints.catalog)
        let catalogsChanged = previous.map { $0.catalogs != cache.catalogs } ?? false
        let pages = try buildPages(inputs.pages, previous: previous, catalogsChanged: catalogsChanged, catalogues: catalogues,
                                   published: plan.published, its: its, segmentation: segmentation, progress: progress)
        diagnostics += pages.diagnostics
        cache.pages = pages.cache
        let extras = try buildExtras(events: pages.events, indexName: indexName, catalogues: catalogues, previous: previous?.extras)
        diagnostics += extras.cache.diagnostics
        cache.extras = extras.cache
        // Files pages refer to and nothing provides: found again only in folders whose
        // pages, or the files under Input/, changed.
        let missing = MissingFiles.find(pages: cache.pages, previous: previous?.missingFiles ?? [:],
                                        files: inputs.pages + inputs.assets, indexName: indexName)
        cache.missingFiles = missing.folders
        // Nothing rebuilt and nothing else changed: the cache on disk is still right.
        if pages.rebuilt > 0 || pages.restamped || extras.restamped || previous == nil || catalogsChanged
            || previous?.pages.count != cache.pages.count || previous?.extras?.fingerprint != cache.extras?.fingerprint
            || missing.found > 0 || previous?.missingFiles.count != cache.missingFiles.count {
            diagnostics += save(cache)
        }
        let output = try publishOutput(cache: cache, assets: inputs.assets, languages: extras.siteLanguages)
        diagnostics += MissingFiles.warnings(cache.missingFiles) + output.diagnostics
        CatalogSnapshot.removeAll(except: catalogFiles.map(\.key), in: project.root)
        return Result(pages: pages.reports, rebuiltPages: pages.rebuilt, extraFiles: extras.cache.files.map(\.path),
                      removedFiles: output.removed, changedFiles: output.changed, diagnostics: diagnostics)
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
    var links: SiteLinks {
        SiteLinks(baseURL: baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }, defaultLanguage: site.defaultLanguage)
    }
}
