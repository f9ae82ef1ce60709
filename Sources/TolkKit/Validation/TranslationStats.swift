import Foundation

/// `tolk stats`: per language and per page, segments and words (ICU word breaks)
/// translated, fuzzy and missing. Reads, never writes.
public struct TranslationStats: Sendable, Codable, Equatable {
    public struct Counts: Sendable, Codable, Equatable {
        public var segments = 0, translated = 0, fuzzy = 0, missing = 0
        public var words = 0, translatedWords = 0, fuzzyWords = 0, missingWords = 0

        public var percent: Double { Share.percent(translated, of: segments) }

        mutating func add(words count: Int, state: State) {
            segments += 1
            words += count
            switch state {
            case .translated: translated += 1; translatedWords += count
            case .fuzzy: fuzzy += 1; fuzzyWords += count
            case .missing: missing += 1; missingWords += count
            }
        }
    }

    enum State {
        case translated, fuzzy, missing

        /// Translated means what the build publishes: a translation it refuses is missing.
        init(_ verdict: TranslationTable.Verdict) {
            switch verdict {
            case .usable: self = .translated
            case .fuzzy: self = .fuzzy
            case .refused, .untranslated, .missing: self = .missing
            }
        }
    }

    public struct Row: Sendable, Codable, Equatable {
        public var language: String
        /// The page, or nil for the whole language.
        public var page: String?
        public var counts: Counts
    }

    public var rows: [Row]

    public static func compute(_ project: Project, progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> TranslationStats {
        var tables: [String: TranslationTable] = [:]
        let files = project.catalogues()
        for file in files {
            tables[file.key] = TranslationTable(catalog: try project.readCatalogue(file, references: .none).catalog, path: file.path)
        }
        let catalogs = CatalogTables(files: files, tables: tables)
        let languages = project.catalogLanguages()
        var totals = languages.map { _ in Counts() }
        var pageRows = languages.map { _ in [Row]() }
        try project.forEachPage(progress: progress) { page in
            for (index, language) in languages.enumerated() where !LanguageTag.sameLanguage(page.language, language) {
                let table = catalogs.table(for: language, source: page.language)
                var counts = Counts()
                for unit in page.units {
                    // A translation of the whole unit of the page's own translates every sentence.
                    let whole = table?.wholeUnit(unit, page: page.path) != nil
                    for segment in unit.segments where segment.isTranslatable {
                        let words = BreakIterator.words(in: MessageText.plainText(segment.text), locale: page.language).count
                        let state = whole ? .translated : State(table?.verdict(for: segment, page: page.path) ?? .missing)
                        counts.add(words: words, state: state)
                        totals[index].add(words: words, state: state)
                    }
                }
                pageRows[index].append(Row(language: language, page: page.path, counts: counts))
            }
        }
        var rows: [Row] = []
        for (index, language) in languages.enumerated() {
            rows.append(Row(language: language, page: nil, counts: totals[index]))
            rows += pageRows[index]
        }
        return TranslationStats(rows: rows)
    }

    public func table() -> String {
        var lines = ["language  page                                        segments  translated  fuzzy  missing     words  translated  share"]
        for row in rows {
            let name = row.page.map(TerminalText.escaped) ?? "(all pages)"
            let percent = String(format: "%5.1f%%", row.counts.percent)
            lines.append(pad(row.language, 8) + "  " + pad(name, 42) + "  " + lpad(row.counts.segments, 8) + "  "
                + lpad(row.counts.translated, 10) + "  " + lpad(row.counts.fuzzy, 5) + "  " + lpad(row.counts.missing, 7)
                + "  " + lpad(row.counts.words, 8) + "  " + lpad(row.counts.translatedWords, 10) + "  " + percent)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private func lpad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
