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

    /// Reads the glossary CSV (RFC 4180 quoting).
    ///
    /// - Throws: `TolkError.malformedCatalog` with the line of a malformed row.
    public init(path: String, text: String) throws {
        self.path = path
        let rows = try CSV.rows(text, path: path)
        guard let header = rows.first else {
            throw TolkError.malformedCatalog(path: path, line: 1, problem: "the glossary is empty; its first row names the languages, e.g. en,de,note")
        }
        let columns = header.fields.map { $0.trimmingHTMLWhitespace() }
        for column in columns where column.lowercased() != "note" && !LanguageTag.isKnown(column) {
            throw TolkError.malformedCatalog(path: path, line: header.line, problem: "'\(column)' in the header is not a language code (nor 'note')")
        }
        terms = try rows.dropFirst().compactMap { row in
            if row.fields.allSatisfy({ $0.trimmingHTMLWhitespace().isEmpty }) { return nil }
            guard row.fields.count == columns.count else {
                throw TolkError.malformedCatalog(path: path, line: row.line, problem: "\(row.fields.count) fields where the header has \(columns.count)")
            }
            var term = Term(forms: [:], note: nil, line: row.line)
            for (column, value) in zip(columns, row.fields) {
                let value = value.trimmingHTMLWhitespace()
                if column.lowercased() == "note" { term.note = value.isEmpty ? nil : value } else if !value.isEmpty { term.forms[column] = value }
            }
            return term
        }
    }

    /// The form of a term in `language` (matching `de` for `de-CH`).
    func form(_ term: Term, in language: String) -> String? {
        term.forms[language] ?? term.forms.first { LanguageTag.sameLanguage($0.key, language) }?.value
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
                        if following == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = following }
                    } else { quoted = false }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
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
            throw TolkError.malformedCatalog(path: path, line: rowLine, problem: "a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(Row(fields: fields, line: rowLine))
        }
        return rows
    }
}
