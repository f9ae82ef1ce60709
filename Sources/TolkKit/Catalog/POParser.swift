import Foundation

/// Reads gettext PO files as GNU gettext, Poedit and Weblate write them.
///
/// Any problem stops the read with `TolkError.malformedCatalog` naming the line.
public struct POParser {
    let path: String
    let references: References

    /// How much of the `#:` references to keep: a site-scale catalogue holds one per page
    /// a sentence is on, which the build does not need and the check needs one of.
    public enum References: Sendable {
        case all, first, none
    }

    public init(path: String, references: References = .all) {
        self.path = path
        self.references = references
    }

    /// Parses a PO file's text.
    public func parse(_ text: String) throws -> POCatalog {
        var state = State(parser: self)
        var number = 0
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            try state.read(Substring(line), number: number)
        }
        return try state.finish()
    }

    /// Reads and parses the PO file at `absolutePath` a block at a time, so a large
    /// catalogue is never held whole as text; `eachBlock` sees the file's raw blocks.
    ///
    /// A catalogue whose header declares another charset (ISO-8859-1, KOI8-R, ...) is
    /// read through ICU's converter for it; the result says so in `convertedFrom`, and
    /// its header declares UTF-8, the charset Tolk writes.
    public func parse(fileAt absolutePath: String, eachBlock: ((Data) -> Void)? = nil) throws -> POCatalog {
        let head = try TextFile.head(of: absolutePath, displayPath: path)
        if let declared = try POCharset.inspect(head, path: path) {
            let data = try TextFile.readData(absolutePath, displayPath: path)
            if let eachBlock {
                for start in stride(from: 0, to: data.count, by: FastHash.blockSize) {
                    eachBlock(data.subdata(in: start..<min(start + FastHash.blockSize, data.count)))
                }
            }
            var catalog = try parse(try POCharset.decode([UInt8](data), as: declared, path: path))
            catalog.convertedFrom = declared.name
            if let index = catalog.entries.firstIndex(where: \.isHeader) {
                catalog.entries[index].translations[0] = catalog.entries[index].translation
                    .replacingOccurrences(of: "charset=\(declared.name)", with: "charset=UTF-8")
            }
            return catalog
        }
        var state = State(parser: self)
        try TextFile.forEachLine(in: absolutePath, displayPath: path, skipping: references == .none ? Array("#:".utf8) : [],
                                 eachBlock: eachBlock) { line, number in
            try state.read(line, number: number)
        }
        return try state.finish()
    }

    /// The entries read so far, and the one being read.
    private struct State {
        let parser: POParser
        var entries: [POEntry] = []
        var pending = PendingEntry()
        var seen: [POEntry.Key: Int] = [:]

        init(parser: POParser) {
            self.parser = parser
        }

        mutating func finishEntry() throws {
            guard pending.hasContent else { return }
            let entry = try pending.entry(path: parser.path)
            if let first = seen[entry.key], !entry.isObsolete {
                throw parser.error(entry.line, "duplicate message definition (first defined on line \(first))")
            }
            if !entry.isObsolete { seen[entry.key] = entry.line }
            entries.append(entry)
            pending = PendingEntry()
        }

        mutating func read(_ rawLine: Substring, number lineNumber: Int) throws {
            // References the caller does not want: skipped before any string work.
            if parser.references == .none, rawLine.utf8.starts(with: [0x23, 0x3A]) { return }
            // The syntax is ASCII: read on UTF-8 bytes rather than Characters.
            var line = rawLine
            if line.utf8.last == 0x0D { line = Substring(line.utf8.dropLast()) }
            let trimmed = line.droppingBlanks()
            if trimmed.isEmpty { return }

            // "#~" marks an obsolete entry and "#|" a previous msgid (of a fuzzy entry);
            // "#~|" is both. What follows is read like any keyword or string line.
            var obsolete = false
            var previous = false
            var content = trimmed
            if content.startsWith("#~") {
                obsolete = true
                content = Substring(content.utf8.dropFirst(2))
                if content.startsWith("|") {
                    previous = true
                    content = Substring(content.utf8.dropFirst())
                }
            } else if content.startsWith("#|") {
                previous = true
                content = Substring(content.utf8.dropFirst(2))
            } else if content.startsWith("#") {
                try pending.requireStrings(path: parser.path)
                if pending.hasKeyword { try finishEntry() }
                pending.start(line: lineNumber)
                try parser.readComment(content, into: &pending, line: lineNumber)
                return
            }
            content = content.droppingBlanks()
            if content.isEmpty { return }
            try readTokens(content, obsolete: obsolete, previous: previous, line: lineNumber)
        }

        /// Keywords and strings; gettext allows a keyword and its string on separate lines,
        /// and several of them on one.
        mutating func readTokens(_ text: Substring, obsolete: Bool, previous: Bool, line lineNumber: Int) throws {
            var content = text
            while !content.isEmpty {
                if content.startsWith("\"") {
                    guard let field = pending.lastField, field.isPrevious == previous else {
                        throw parser.error(lineNumber, previous
                            ? "a '#|' string here belongs to no '#|' keyword (expected '#| msgid' first)"
                            : "a string here belongs to no keyword (expected msgid, msgstr, ...)")
                    }
                    let (value, rest) = try parser.readString(content, line: lineNumber)
                    pending.append(value, to: field)
                    content = rest
                    continue
                }
                let (keyword, rest) = try parser.readKeywordName(content, line: lineNumber)
                try pending.requireStrings(path: parser.path)
                let field = try parser.field(for: keyword, previous: previous, line: lineNumber)
                // msgctxt / msgid (and their previous forms) start a new entry once the
                // pending one has its msgstr.
                switch field {
                case .context, .id, .previousContext, .previousID:
                    if pending.hasTranslation { try finishEntry() }
                default: break
                }
                pending.start(line: lineNumber)
                if obsolete { pending.isObsolete = true }
                try pending.set(field, line: lineNumber, path: parser.path)
                content = rest
            }
        }

        mutating func finish() throws -> POCatalog {
            try pending.requireStrings(path: parser.path)
            try finishEntry()
            return POCatalog(entries: entries)
        }
    }

    fileprivate func readComment(_ content: Substring, into pending: inout PendingEntry, line: Int) throws {
        let kind = content.dropFirst().first
        switch kind {
        case ".":
            pending.entry.extractedComments.append(String(dropOneSpace(content.dropFirst(2))))
        case ":":
            switch references {
            case .none: break
            case .first where !pending.entry.references.isEmpty: break
            case .first:
                if let first = content.utf8.dropFirst(2).split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).first {
                    pending.entry.references = [String(Substring(first))]
                }
            case .all:
                for reference in content.utf8.dropFirst(2).split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }) {
                    pending.entry.references.append(String(Substring(reference)))
                }
            }
        case ",":
            for flag in content.dropFirst(2).split(separator: ",") {
                let name = flag.trimmingHTMLWhitespace()
                if name.isEmpty { continue }
                if name == "fuzzy" {
                    pending.entry.isFuzzy = true
                } else if !pending.entry.flags.contains(name) {
                    pending.entry.flags.append(name)
                }
            }
        default:
            pending.entry.translatorComments.append(String(dropOneSpace(content.dropFirst())))
        }
    }

    private func dropOneSpace(_ text: Substring) -> Substring {
        text.first == " " ? text.dropFirst() : text
    }

    /// The keyword at the start of `content` (`msgid`, `msgstr[1]`, ...) and what follows it.
    fileprivate func readKeywordName(_ content: Substring, line: Int) throws -> (String, Substring) {
        let bytes = content.utf8
        var end = bytes.startIndex
        while end < bytes.endIndex, bytes[end] == 0x5F || (0x61...0x7A).contains(bytes[end]) { end = bytes.index(after: end) }
        guard end > bytes.startIndex else {
            throw error(line, "expected a keyword (msgid, msgstr, ...) or a string, found '\(content.prefix(40))'")
        }
        var keyword = String(Substring(bytes[..<end]))
        var rest = Substring(bytes[end...]).droppingBlanks()
        // msgstr[N], also written msgstr [ N ].
        if keyword == "msgstr", rest.startsWith("[") {
            let inside = Substring(rest.utf8.dropFirst()).droppingBlanks()
            let digits = inside.utf8.prefix(while: { (0x30...0x39).contains($0) })
            let after = Substring(inside.utf8[digits.endIndex...]).droppingBlanks()
            guard !digits.isEmpty, after.startsWith("]"), let index = Int(Substring(digits)) else {
                throw error(line, "expected msgstr[N] with a number N")
            }
            keyword = "msgstr[\(index)]"
            rest = Substring(after.utf8.dropFirst()).droppingBlanks()
        }
        return (keyword, rest)
    }

    fileprivate func field(for keyword: String, previous: Bool, line: Int) throws -> PendingEntry.Field {
        switch keyword {
        case "msgctxt": return previous ? .previousContext : .context
        case "msgid": return previous ? .previousID : .id
        case "msgid_plural": return previous ? .previousPluralID : .pluralID
        case "msgstr" where !previous: return .translation(-1)
        default:
            if !previous, keyword.hasPrefix("msgstr["), let index = Int(keyword.dropFirst(7).dropLast()) {
                return .translation(index)
            }
            throw error(line, previous ? "'#|' takes msgctxt, msgid or msgid_plural, not '\(keyword)'" : "unknown keyword '\(keyword)'")
        }
    }

    /// Reads one C-style quoted string with gettext's escapes into bytes, and returns
    /// what follows it on the line.
    ///
    /// Escapes make bytes, as in gettext: `"\303\244"` and `"\xc3\xa4"` are "ä" in UTF-8.
    fileprivate func readString(_ content: Substring, line: Int) throws -> ([UInt8], Substring) {
        let utf8 = content.utf8
        guard utf8.first == 0x22 else { throw error(line, "expected a string in double quotes") }
        var index = utf8.index(after: utf8.startIndex)
        // Most strings have no escapes: the bytes between the quotes are the value.
        if let close = utf8[index...].firstIndex(where: { $0 == 0x22 || $0 == 0x5C }), utf8[close] == 0x22 {
            return (Array(utf8[index..<close]), Substring(utf8[utf8.index(after: close)...]).droppingBlanks())
        }
        var result: [UInt8] = []
        func hexValue(_ byte: UInt8) -> Int? {
            switch byte {
            case 0x30...0x39: return Int(byte - 0x30)
            case 0x41...0x46: return Int(byte - 0x41 + 10)
            case 0x61...0x66: return Int(byte - 0x61 + 10)
            default: return nil
            }
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            index = utf8.index(after: index)
            switch byte {
            case 0x22:
                return (result, Substring(utf8[index...]).droppingBlanks())
            case 0x5C:
                guard index < utf8.endIndex else { throw error(line, "string ends inside an escape sequence") }
                let escaped = utf8[index]
                index = utf8.index(after: index)
                switch escaped {
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "a"): result.append(0x07)
                case UInt8(ascii: "b"): result.append(0x08)
                case UInt8(ascii: "f"): result.append(0x0C)
                case UInt8(ascii: "v"): result.append(0x0B)
                case 0x5C, 0x22: result.append(escaped)
                case 0x30...0x37:
                    var value = Int(escaped - 0x30)
                    for _ in 0..<2 {
                        guard index < utf8.endIndex, (0x30...0x37).contains(utf8[index]) else { break }
                        value = value * 8 + Int(utf8[index] - 0x30)
                        index = utf8.index(after: index)
                    }
                    result.append(UInt8(truncatingIfNeeded: value))
                case UInt8(ascii: "x"):
                    guard index < utf8.endIndex, var value = hexValue(utf8[index]) else {
                        throw error(line, "'\\x' must be followed by hexadecimal digits")
                    }
                    index = utf8.index(after: index)
                    while index < utf8.endIndex, let digit = hexValue(utf8[index]) {
                        value = (value * 16 + digit) & 0xFFFF
                        index = utf8.index(after: index)
                    }
                    result.append(UInt8(truncatingIfNeeded: value))
                default:
                    throw error(line, "invalid escape sequence '\\\(String(Unicode.Scalar(escaped)))'")
                }
            default:
                result.append(byte)
            }
        }
        throw error(line, "string is not terminated (missing closing quote)")
    }

    fileprivate func error(_ line: Int, _ problem: String) -> TolkError {
        .malformedCatalog(path: path, line: line, problem: problem)
    }
}

/// An entry being read, line by line. Strings are kept as bytes until the entry is
/// complete, since escapes may spell one character across two strings.
private struct PendingEntry {
    enum Field: Hashable {
        case previousContext, previousID, previousPluralID, context, id, pluralID
        case translation(Int)

        var isPrevious: Bool {
            switch self {
            case .previousContext, .previousID, .previousPluralID: true
            default: false
            }
        }
    }

    var entry = POEntry(id: "", translations: [])
    var started = false
    var hasKeyword = false
    var hasID = false
    var hasTranslation = false
    var isObsolete = false
    var lastField: Field?
    /// The keyword last read, and its line, until a string follows it.
    var awaitingString: (keyword: Field, line: Int)?
    var values: [Field: [UInt8]] = [:]
    var lines: [Field: Int] = [:]
    var translationCount = 0

    var hasContent: Bool { started }

    mutating func start(line: Int) {
        if !started {
            started = true
            entry.line = line
        }
    }

    /// A keyword without any string is an error, as in gettext.
    func requireStrings(path: String) throws {
        if let (field, line) = awaitingString {
            throw TolkError.malformedCatalog(path: path, line: line, problem: "\(Self.name(field)) has no string (expected \"...\" after it)")
        }
    }

    static func name(_ field: Field) -> String {
        switch field {
        case .previousContext: "#| msgctxt"
        case .previousID: "#| msgid"
        case .previousPluralID: "#| msgid_plural"
        case .context: "msgctxt"
        case .id: "msgid"
        case .pluralID: "msgid_plural"
        case let .translation(index): index < 0 ? "msgstr" : "msgstr[\(index)]"
        }
    }

    mutating func set(_ field: Field, line: Int, path: String) throws {
        func fail(_ problem: String) -> TolkError { .malformedCatalog(path: path, line: line, problem: problem) }
        if values[field] != nil {
            switch field {
            case .id: throw fail("a second msgid in one entry (is a msgstr missing?)")
            case .context: throw fail("a second msgctxt in one entry")
            case .translation(-1): throw fail("a second msgstr in one entry")
            case let .translation(index): throw fail("msgstr[\(index)] appears twice")
            default: throw fail("a second \(Self.name(field)) in one entry")
            }
        }
        switch field {
        case .previousContext, .previousID, .previousPluralID: break
        case .context:
            if hasID { throw fail("msgctxt must come before msgid") }
            hasKeyword = true
        case .id:
            hasID = true
            hasKeyword = true
        case .pluralID:
            if !hasID { throw fail("msgid_plural without msgid") }
            if hasTranslation { throw fail("msgid_plural must come before msgstr[0]") }
        case let .translation(index):
            if !hasID { throw fail("msgstr without msgid") }
            if entry.translationLine == 0 { entry.translationLine = line }
            let plural = values[.pluralID] != nil
            if index < 0 {
                if plural { throw fail("a plural message needs msgstr[0], msgstr[1], ... instead of msgstr") }
                if translationCount > 0 { throw fail("a second msgstr in one entry") }
            } else {
                if !plural { throw fail("msgstr[\(index)] without msgid_plural") }
                if index != translationCount { throw fail("msgstr[\(index)] is out of order (expected msgstr[\(translationCount)])") }
            }
            translationCount += 1
            hasTranslation = true
        }
        values[field] = []
        lines[field] = line
        lastField = field
        awaitingString = (field, line)
    }

    mutating func append(_ value: [UInt8], to field: Field) {
        values[field, default: []] += value
        awaitingString = nil
    }

    func entry(path: String) throws -> POEntry {
        guard hasID else {
            throw TolkError.malformedCatalog(path: path, line: entry.line, problem: "comments without a message (msgid is missing)")
        }
        guard hasTranslation else {
            throw TolkError.malformedCatalog(path: path, line: entry.line, problem: "msgid without msgstr")
        }
        func text(_ field: Field) throws -> String? {
            guard let bytes = values[field] else { return nil }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw TolkError.malformedCatalog(path: path, line: lines[field] ?? entry.line,
                                                 problem: "the escapes in this \(Self.name(field)) do not spell valid UTF-8")
            }
            return text
        }
        var result = entry
        result.isObsolete = isObsolete
        result.previousContext = try text(.previousContext)
        result.previousID = try text(.previousID)
        result.previousPluralID = try text(.previousPluralID)
        result.context = try text(.context)
        result.id = try text(.id) ?? ""
        result.pluralID = try text(.pluralID)
        if result.pluralID == nil {
            result.translations = [try text(.translation(-1)) ?? ""]
        } else {
            result.translations = try (0..<translationCount).map { try text(.translation($0)) ?? "" }
        }
        return result
    }
}

extension Substring {
    /// True when the text starts with `prefix`, compared byte for byte (PO syntax is ASCII).
    fileprivate func startsWith(_ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { utf8.starts(with: $0) }
    }

    /// The text after leading spaces and tabs.
    fileprivate func droppingBlanks() -> Substring {
        Substring(utf8.drop(while: { $0 == 0x20 || $0 == 0x09 }))
    }
}
