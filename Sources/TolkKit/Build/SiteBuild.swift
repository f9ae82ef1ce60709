import Foundation

/// `tolk build`: every page in every project language, the event index and the sitemap.
public struct SiteBuild {
    public let project: Project
    /// Pages below this share of translated segments (0–100) are not written.
    public var minimumCompletion: Double?
    /// A base URL for the sitemap (`https://example.org/`); relative URLs without one.
    public var baseURL: String?

    public init(project: Project, minimumCompletion: Double? = nil, baseURL: String? = nil) {
        self.project = project
        self.minimumCompletion = minimumCompletion
        self.baseURL = baseURL
    }

    /// One page in one language.
    public struct PageReport: Sendable, Equatable {
        public var page: String
        public var language: String
        public var output: String
        public var segments: Int
        public var translated: Int
        public var written: Bool
        public var fallbacks: Int { segments - translated }
        public var percent: Double { segments == 0 ? 100 : Double(translated) * 100 / Double(segments) }
    }

    public struct Result: Sendable {
        public var pages: [PageReport]
        /// Index pages and the sitemap.
        public var extraFiles: [String]
        public var warnings: [String]
        public var fallbacks: Int { pages.reduce(0) { $0 + $1.fallbacks } }
    }

    /// Builds the site into `Output/`.
    ///
    /// Every catalogue is read and checked first: a bad one stops the build before any
    /// page is written. Each file is written atomically.
    public func run() throws -> Result {
        let catalogs = try readCatalogs()
        let pagePaths = try project.pagePaths()
        var reports: [PageReport] = []
        var warnings: [String] = []
        var events: [EventSummary] = []
        let catalogLanguages = catalogs.keys.sorted()
        let indexName = pagePaths.contains("Input/index.html") ? "events.html" : "index.html"
        if indexName != "index.html" {
            warnings.append("Input/index.html: note: a page is called index.html, so the event index is written as events.html")
        }

        // Pages are independent: built on all cores, a batch at a time, reported in order.
        try Parallel.forEachBatch(pagePaths, { path in
            try buildPage(path, catalogs: catalogs, catalogLanguages: catalogLanguages)
        }, consume: { results in
            for result in results {
                let page = try result.get()
                reports += page.reports
                warnings += page.warnings
                events.append(page.summary)
            }
        })

        var extraFiles: [String] = []
        let siteLanguages = Array(Set(events.flatMap(\.languages))).sorted()
        for language in siteLanguages {
            var index = EventIndex(language: language, events: events.filter { $0.languages.contains(language) },
                                   table: catalogs[language], siteLanguages: siteLanguages, fileName: indexName)
            let page = index.html()
            warnings += index.warnings
            let output = "Output/\(language)/\(indexName)"
            try TextFile.writeAtomically(page, to: project.absolute(output), displayPath: output)
            extraFiles.append(output)
        }
        let sitemap = Sitemap(events: events, indexName: indexName, languages: siteLanguages, baseURL: baseURL).xml()
        try TextFile.writeAtomically(sitemap, to: project.absolute("Output/sitemap.xml"), displayPath: "Output/sitemap.xml")
        extraFiles.append("Output/sitemap.xml")
        return Result(pages: reports, extraFiles: extraFiles, warnings: warnings)
    }

    /// One page built in all its languages.
    struct PageOutcome: Sendable {
        var reports: [PageReport] = []
        var warnings: [String] = []
        var summary: EventSummary
    }

    private func buildPage(_ path: String, catalogs: [String: TranslationTable], catalogLanguages: [String]) throws -> PageOutcome {
        let text = try TextFile.read(project.absolute(path), displayPath: path)
        let page = try PageExtraction.extract(path: path, text: text)
        let source = Array(text.utf8)
        let relative = String(path.dropFirst("Input/".count))
        let languages = Self.languages(of: page, catalogs: catalogLanguages)
        let alternates = languages.count > 1 ? Self.alternates(for: relative, languages: languages, default: page.language) : []
        var outcome = PageOutcome(warnings: page.warnings, summary: EventSummary(page: page, relative: relative))
        for language in languages {
            let table = LanguageTag.sameLanguage(language, page.language) ? nil : catalogs[language]
            let built = PageBuilder(page: page, source: source, language: language, table: table, alternates: alternates).build()
            outcome.warnings += built.warnings
            let output = "Output/\(language)/\(relative)"
            var report = PageReport(page: path, language: language, output: output, segments: built.segments,
                                    translated: built.translated, written: false)
            if let minimum = minimumCompletion, report.percent < minimum {
                outcome.warnings.append("\(output): not written: \(Self.format(report.percent))% translated, below --min-completion \(Self.format(minimum))%")
            } else {
                try TextFile.writeAtomically(String(decoding: built.bytes, as: UTF8.self), to: project.absolute(output), displayPath: output)
                report.written = true
                outcome.summary.languages.insert(language)
            }
            outcome.reports.append(report)
        }
        return outcome
    }

    /// The page's own language, then every catalogue language, once each.
    static func languages(of page: PageExtraction, catalogs: [String]) -> [String] {
        [page.language] + catalogs.filter { !LanguageTag.sameLanguage($0, page.language) }
    }

    /// `hreflang` links from `Output/LL/<relative>` to each language version, plus x-default.
    static func alternates(for relative: String, languages: [String], default language: String) -> [(language: String, href: String)] {
        let up = String(repeating: "../", count: relative.split(separator: "/").count)
        return languages.sorted().map { ($0, "\(up)\($0)/\(relative)") } + [("x-default", "\(up)\(language)/\(relative)")]
    }

    private func readCatalogs() throws -> [String: TranslationTable] {
        var tables: [String: TranslationTable] = [:]
        for language in project.catalogLanguages() {
            let path = project.catalogPath(for: language)
            guard LanguageTag.isKnown(language) else { throw TolkError.unknownLanguage(code: language, source: path) }
            let catalog = try POParser(path: path).parse(TextFile.read(project.absolute(path), displayPath: path))
            tables[language] = TranslationTable(catalog: catalog, path: path)
        }
        return tables
    }

    static func format(_ percent: Double) -> String {
        percent.rounded() == percent ? String(Int(percent)) : String(format: "%.1f", percent)
    }
}
