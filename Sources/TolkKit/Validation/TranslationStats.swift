import Foundation

/// `tolk stats`: per language and per page, segments and words (ICU word breaks)
/// translated, fuzzy and missing. Reads, never writes.
public struct TranslationStats: Sendable, Codable, Equatable {
    /// A page's or a language's segments and their words, by state.
    public struct Counts: Sendable, Codable, Equatable {
        public var segmentCounts = TranslationCounts()
        /// The same tally weighted by each segment's words (ICU word breaks).
        public var wordCounts = TranslationCounts()

        public var segments: Int { segmentCounts.total }
        public var translated: Int { segmentCounts.translated }
        public var fuzzy: Int { segmentCounts.fuzzy }
        /// Not translated: empty, missing from the catalogue, or refused by the build.
        public var missing: Int { segmentCounts.untranslated }
        public var words: Int { wordCounts.total }
        public var translatedWords: Int { wordCounts.translated }
        public var fuzzyWords: Int { wordCounts.fuzzy }
        public var missingWords: Int { wordCounts.untranslated }
        public var percent: Double { segmentCounts.percent }
        /// Of the translated, those a reviewer signed off (reviewed or final: `ReviewState`).
        public private(set) var reviewed = 0
        public private(set) var reviewedWords = 0

        init() {}

        mutating func add(words count: Int, state: TranslationTable.EntryState, reviewed isReviewed: Bool = false) {
            segmentCounts.add(state)
            wordCounts.add(state, count: count)
            if isReviewed, state == .translated {
                reviewed += 1
                reviewedWords += count
            }
        }

        mutating func add(_ other: Counts) {
            segmentCounts.add(other.segmentCounts)
            wordCounts.add(other.wordCounts)
            reviewed += other.reviewed
            reviewedWords += other.reviewedWords
        }

        enum CodingKeys: String, CodingKey {
            case segments, translated, fuzzy, missing, words, translatedWords, fuzzyWords, missingWords, reviewed, reviewedWords
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            func tally(_ translated: CodingKeys, _ fuzzy: CodingKeys, _ missing: CodingKeys) throws -> TranslationCounts {
                TranslationCounts(translated: try container.decode(Int.self, forKey: translated), fuzzy: try container.decode(Int.self, forKey: fuzzy),
                                  untranslated: try container.decode(Int.self, forKey: missing))
            }
            segmentCounts = try tally(.translated, .fuzzy, .missing)
            wordCounts = try tally(.translatedWords, .fuzzyWords, .missingWords)
            reviewed = try container.decodeIfPresent(Int.self, forKey: .reviewed) ?? 0
            reviewedWords = try container.decodeIfPresent(Int.self, forKey: .reviewedWords) ?? 0
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            for (key, value) in [(CodingKeys.segments, segments), (.translated, translated), (.fuzzy, fuzzy), (.missing, missing),
                                 (.words, words), (.translatedWords, translatedWords), (.fuzzyWords, fuzzyWords), (.missingWords, missingWords),
                                 (.reviewed, reviewed), (.reviewedWords, reviewedWords)] {
                try container.encode(value, forKey: key)
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
                let words = JobFigures.words(in: segment.text, language: page.language)
                let key = table?.key(for: segment, page: page.path)
                let reviewed = key.flatMap { table?.entry(context: $0.context, id: $0.id) }.map { ReviewState(of: $0) >= .reviewed } ?? false
                counts.add(words: words, state: whole ? .translated : TranslationTable.EntryState(table?.verdict(for: segment, page: page.path) ?? .missing),
                           reviewed: reviewed)
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
        var lines = ["language  page                                        segments  translated  reviewed  fuzzy  missing     words  translated  share"]
        for row in rows {
            let name = row.page.map(TerminalText.escaped) ?? "(all pages)"
            let percent = String(format: "%5.1f%%", row.counts.percent)
            lines.append(pad(row.language, 8) + "  " + pad(name, 42) + "  " + lpad(row.counts.segments, 8) + "  "
                + lpad(row.counts.translated, 10) + "  " + lpad(row.counts.reviewed, 8) + "  " + lpad(row.counts.fuzzy, 5) + "  " + lpad(row.counts.missing, 7)
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
