/// `Locales/glossary.csv`: terms that must be translated a set way, and names that must
/// stay unchanged (the same value in every language column).
///
/// The header row names the languages (`en,de,note`); each row is one term.
public struct Glossary: Sendable {
    public struct Term: Sendable, Equatable {
        /// The term in each language, by language code.
        public var forms: [String: String]
        public var note: String?
        /// 1-based line in the CSV file.
        public var line: Int

        /// True when the term is the same in every language: a name that never changes.
        public var isName: Bool { Set(forms.values.map { $0.lowercased() }).count == 1 }
    }

    public var path: String
    public var terms: [Term]
    /// Each language column's forms as words, by their first word: finding the terms of a
    /// text costs a lookup per word of the text, not a search per term.
    private var index: [String: [String: [Occurrence]]] = [:]

    private struct Occurrence: Sendable {
        var term: Int
        var words: [String]
    }

    /// Reads the glossary CSV (RFC 4180 quoting).
    ///
    /// - Throws: `TolkError.glossary` with the line of a malformed row.
    public init(path: String, text: String) throws {
        self.path = path
        let rows = try CSV.rows(text, path: path)
        guard let header = rows.first else {
            throw TolkError.glossary(path: path, line: 1, problem: "the glossary is empty; its first row names the languages, e.g. en,de,note")
        }
        let columns = header.fields.map { $0.trimmingHTMLWhitespace() }
        var seen: Set<String> = []
        for column in columns {
            guard column.lowercased() == "note" || LanguageTag.isKnown(column) else {
                throw TolkError.glossary(path: path, line: header.line, problem: "'\(column)' in the header is not a language code (nor 'note')")
            }
            guard seen.insert(column.lowercased()).inserted else {
                throw TolkError.glossary(path: path, line: header.line, problem: "the header names '\(column)' twice; each language has one column")
            }
        }
        terms = try rows.dropFirst().compactMap { row in
            if row.fields.allSatisfy({ $0.trimmingHTMLWhitespace().isEmpty }) { return nil }
            guard row.fields.count == columns.count else {
                throw TolkError.glossary(path: path, line: row.line, problem: "\(row.fields.count) fields where the header has \(columns.count)")
            }
            var term = Term(forms: [:], note: nil, line: row.line)
            for (column, value) in zip(columns, row.fields) {
                let value = value.trimmingHTMLWhitespace()
                if column.lowercased() == "note" { term.note = value.isEmpty ? nil : value } else if !value.isEmpty { term.forms[column] = value }
            }
            return term
        }
        for column in columns where column.lowercased() != "note" {
            var byFirstWord: [String: [Occurrence]] = [:]
            for (number, term) in terms.enumerated() {
                guard let cell = term.forms[column] else { continue }
                for form in Self.alternatives(cell) {
                    let words = Self.words(form, language: column)
                    guard let first = words.first else { continue }
                    byFirstWord[first, default: []].append(Occurrence(term: number, words: words))
                }
            }
            index[column] = byFirstWord
        }
    }

    /// `text`'s words as the glossary compares them: ICU word breaks, case ignored.
    static func words(_ text: String, language: String) -> [String] {
        BreakIterator.words(in: text, locale: language).map { $0.lowercased() }
    }

    /// Where the terms' forms in `language` occur in `words` (from `words(_:language:)`) as
    /// whole words, in the order of the text: the term's number and the words it covers.
    func occurrences(in words: [String], language: String) -> [(term: Int, range: Range<Int>)] {
        guard let column = column(for: language), let byFirstWord = index[column] else { return [] }
        var found: [(term: Int, range: Range<Int>)] = []
        for (start, word) in words.enumerated() {
            for occurrence in byFirstWord[word] ?? [] {
                let end = start + occurrence.words.count
                if end <= words.count, words[start..<end].elementsEqual(occurrence.words) { found.append((occurrence.term, start..<end)) }
            }
        }
        return found
    }

    /// True when term number `term` has a form in `language` that occurs in `words`.
    func occurs(_ term: Int, in words: [String], language: String) -> Bool {
        guard let cell = form(terms[term], in: language) else { return false }
        return Self.alternatives(cell).contains { form in
            let termWords = Self.words(form, language: column(for: language) ?? language)
            guard !termWords.isEmpty, words.count >= termWords.count else { return false }
            return (0...(words.count - termWords.count)).contains { words[$0..<($0 + termWords.count)].elementsEqual(termWords) }
        }
    }

    /// A cell's forms: one, or several separated by `|` (a word's inflections, as German
    /// needs: `Erfahrungsberichte | Erfahrungsberichten`), any of which is the term.
    static func alternatives(_ cell: String) -> [String] {
        cell.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The column for `language`: its own, else one of the same language (`de` for `de-CH`).
    private func column(for language: String) -> String? {
        if index[language] != nil { return language }
        return index.keys.sorted().first { LanguageTag.sameLanguage($0, language) }
    }

    /// The form of a term in `language` (matching `de` for `de-CH`).
    func form(_ term: Term, in language: String) -> String? {
        term.forms[language] ?? term.forms.sorted { $0.key < $1.key }.first { LanguageTag.sameLanguage($0.key, language) }?.value
    }
}

/// Minimal RFC 4180 CSV reading, with the line each row starts on.
enum CSV {
    struct Row {
        var fields: [String]
        var line: Int
    }

    static func rows(_ text: String, path: String) throws -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1, rowLine = 1
        var characters = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending { pending = nil; return scalar }
            return characters.next()
        }
        while let scalar = next() {
            if quoted {
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.unicodeScalars.append("\"")
                        } else if following == "," || following == "\n" || following == "\r" {
                            quoted = false
                            pending = following
                        } else {
                            throw TolkError.glossary(path: path, line: line, problem: """
                                text after a field's closing quotation mark; inside a quoted field, \
                                write a quotation mark twice ("")
                                """)
                        }
                    } else { quoted = false }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case "\"":
                throw TolkError.glossary(path: path, line: line, problem: """
                    a quotation mark inside a field that is not quoted; quote the whole field \
                    and write the mark twice ("Them""Pra")
                    """)
            case ",": fields.append(field); field = ""
            case "\r": continue
            case "\n":
                fields.append(field)
                rows.append(Row(fields: fields, line: rowLine))
                fields = []; field = ""
                line += 1; rowLine = line
            default: field.unicodeScalars.append(scalar)
            }
        }
        if quoted {
            throw TolkError.glossary(path: path, line: rowLine, problem: "a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(Row(fields: fields, line: rowLine))
        }
        return rows
    }
}
