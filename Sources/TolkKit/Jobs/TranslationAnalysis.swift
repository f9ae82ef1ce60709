import Foundation

/// `tolk analyze`: what is left to translate into a language, in the bands agencies
/// price by (`MatchBand`), per page and in total. Reads, never writes.
///
/// The job is every segment of the pages (in the pages' order, then the segments')
/// whose translation the build would not publish: untranslated, fuzzy or refused. Each
/// is looked up in the project memory (`ProjectMemory`) at `MatchBand.lowestScore` and up;
/// a sentence that came earlier in the job and is no 100% match is a repetition.
public struct TranslationAnalysis: Sendable {
    public var language: String
    public var pages: [Page]
    public var total: [MatchBand: JobFigures]

    public struct Page: Sendable {
        public var path: String
        public var bands: [MatchBand: JobFigures]
    }

    /// Analyses the job of translating `project`'s pages into `language`.
    ///
    /// - Throws: `TolkError.unknownLanguage` for a language ICU does not know or that has no
    ///   catalogue; the catalogues', pages' and TMX files' own read errors.
    public static func run(_ project: Project, language: String, progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> TranslationAnalysis {
        guard LanguageTag.isKnown(language), let language = LanguageTag.bcp47(language) else {
            throw TolkError.unknownLanguage(code: language, source: "--locale")
        }
        let files = project.catalogues()
        guard files.contains(where: { LanguageTag.sameLanguage($0.language, language) }) else {
            throw TolkError.exchange(path: "Locales/", line: 0,
                                     problem: "there is no catalogue translating into \(language); start one with `tolk extract --locale \(language)`")
        }
        var read: [(file: CatalogFile, catalog: POCatalog)] = []
        var tables: [String: TranslationTable] = [:]
        for file in files {
            let catalog = try project.readCatalogue(file).catalog
            if file.source != nil { read.append((file, catalog)) }
            tables[file.key] = TranslationTable(catalog: catalog, path: file.path)
        }
        let catalogs = CatalogTables(files: files, tables: tables)
        let memory = ProjectMemory.units(of: read) + (try ProjectMemory(project: project).tmxUnits())
        var indexes: [String: MemoryIndex] = [:]
        var seen = Set<POEntry.Key>()
        var pages: [Page] = []
        try project.forEachPage(progress: progress) { page in
            guard !LanguageTag.sameLanguage(page.language, language) else { return }
            let table = catalogs.table(for: language, source: page.language)
            if indexes[page.language] == nil { indexes[page.language] = MemoryIndex(memory, from: page.language, to: language) }
            let index = indexes[page.language]!
            var bands: [MatchBand: JobFigures] = [:]
            let segments = page.units.flatMap { unit in
                table?.wholeUnit(unit, page: page.path) != nil ? [] : unit.segments.filter(\.isTranslatable)
            }
            for (position, segment) in segments.enumerated() {
                if let table, table.verdict(for: segment, page: page.path).isUsable { continue }
                let context = MemoryIndex.Context(msgctxt: segment.context, page: page.path,
                                                  previous: position > 0 ? segments[position - 1].text : nil,
                                                  next: position + 1 < segments.count ? segments[position + 1].text : nil)
                let match = index.best(for: segment.text, minimum: MatchBand.lowestScore, context: context)
                let repeated = !seen.insert(POEntry.Key(context: segment.context, id: segment.text)).inserted
                bands[MatchBand(match: match, repeated: repeated), default: JobFigures()].add(JobFigures.of(segment.text, language: page.language))
            }
            pages.append(Page(path: page.path, bands: bands))
        }
        var total: [MatchBand: JobFigures] = [:]
        for page in pages {
            for (band, figures) in page.bands { total[band, default: JobFigures()].add(figures) }
        }
        return TranslationAnalysis(language: language, pages: pages, total: total)
    }
}

// MARK: Reports

extension TranslationAnalysis {
    /// The rows of a report: the total, then each page.
    private var rows: [(page: String?, bands: [MatchBand: JobFigures])] {
        [(nil, total)] + pages.map { ($0.path, $0.bands) }
    }

    /// A table per row: a line per band with its segments, words and characters, and the sum.
    public func table() -> String {
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        func lpad(_ number: Int, _ width: Int) -> String { let text = String(number); return String(repeating: " ", count: max(0, width - text.count)) + text }
        var lines: [String] = []
        for row in rows {
            lines.append("\(language)  \(row.page.map(TerminalText.escaped) ?? "(all pages)")")
            lines.append("  band          segments     words  characters")
            var sum = JobFigures()
            for band in MatchBand.allCases {
                let figures = row.bands[band] ?? JobFigures()
                sum.add(figures)
                lines.append("  " + pad(band.rawValue, 12) + lpad(figures.segments, 10) + lpad(figures.words, 10) + lpad(figures.characters, 12))
            }
            lines.append("  " + pad("total", 12) + lpad(sum.segments, 10) + lpad(sum.words, 10) + lpad(sum.characters, 12))
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// `{"language", "total": {band: figures}, "pages": [{"page", "bands"}]}`, every band present.
    public func json() throws -> String {
        struct Row: Encodable {
            var page: String?
            var bands: [String: JobFigures]
            var total: JobFigures
        }
        struct Report: Encodable {
            var language: String
            var bands: [String]
            var total: Row
            var pages: [Row]
        }
        func row(_ page: String?, _ bands: [MatchBand: JobFigures]) -> Row {
            var sum = JobFigures()
            for figures in bands.values { sum.add(figures) }
            return Row(page: page, bands: Dictionary(uniqueKeysWithValues: MatchBand.allCases.map { ($0.rawValue, bands[$0] ?? JobFigures()) }), total: sum)
        }
        let report = Report(language: language, bands: MatchBand.allCases.map(\.rawValue), total: row(nil, total),
                            pages: pages.map { row($0.path, $0.bands) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }

    /// One line per row and band (`page,band,segments,words,characters`), RFC 4180, the total's page empty.
    public func csv() -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var lines = ["language,page,band,segments,words,characters"]
        for row in rows {
            for band in MatchBand.allCases {
                let figures = row.bands[band] ?? JobFigures()
                lines.append([language, row.page ?? "", band.rawValue].map(field).joined(separator: ",") + ",\(figures.segments),\(figures.words),\(figures.characters)")
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
