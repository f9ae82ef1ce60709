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

        mutating func add(_ other: Counts) {
            segments += other.segments; translated += other.translated; fuzzy += other.fuzzy; missing += other.missing
            words += other.words; translatedWords += other.translatedWords
            fuzzyWords += other.fuzzyWords; missingWords += other.missingWords
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

    /// One page's figures against the catalogue translating it (nil: none does).
    static func counts(of page: PageExtraction, table: TranslationTable?) -> Counts {
        var counts = Counts()
        for unit in page.units {
            // A translation of the whole unit of the page's own translates every sentence.
            let whole = table?.wholeUnit(unit, page: page.path) != nil
            for segment in unit.segments where segment.isTranslatable {
                let words = BreakIterator.words(in: MessageText.plainText(segment.text), locale: page.language).count
                counts.add(words: words, state: whole ? .translated : State(table?.verdict(for: segment, page: page.path) ?? .missing))
            }
        }
        return counts
    }

    /// Figures per language (a row with no page) followed by its pages' rows.
    init(languages: [String], pageRows: [[Row]]) {
        rows = []
        for (language, pages) in zip(languages, pageRows) {
            var total = Counts()
            for row in pages { total.add(row.counts) }
            rows.append(Row(language: language, page: nil, counts: total))
            rows += pages
        }
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
