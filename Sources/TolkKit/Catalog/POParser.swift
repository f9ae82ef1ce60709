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
    public func parse(fileAt absolutePath: String, eachBlock: ((Data) -> Void)? = nil) throws -> POCatalog {
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

            var obsolete = false
            var content = trimmed
            if content.startsWith("#~") {
                obsolete = true
                content = Substring(content.utf8.dropFirst(2))
                if content.startsWith("|") {
                    // "#~| msgid ..." : a previous msgid of an obsolete entry.
                    if pending.hasKeyword { try finishEntry() }
                    pending.start(line: lineNumber, obsolete: true)
                    try parser.readKeyword(Substring(content.utf8.dropFirst()).droppingBlanks(), into: &pending, previous: true,
                                           line: lineNumber)
                    return
                }
                content = content.droppingBlanks()
                if content.isEmpty { return }
            } else if content.startsWith("#") {
                if pending.hasKeyword { try finishEntry() }
                pending.start(line: lineNumber, obsolete: false)
                try parser.readComment(content, into: &pending, line: lineNumber)
                return
            }

            if content.startsWith("\"") {
                guard pending.lastField != nil else {
                    throw parser.error(lineNumber, "a string here belongs to no keyword (expected msgid, msgstr, ...)")
                }
                let value = try parser.readString(content, line: lineNumber)
                pending.appendToLastField(value)
                return
            }
            // A keyword line: msgctxt / msgid start a new entry if the pending one has its msgstr.
            if content.startsWith("msgctxt") || (content.startsWith("msgid") && !content.startsWith("msgid_plural")) {
                if pending.hasTranslation { try finishEntry() }
            }
            pending.start(line: lineNumber, obsolete: obsolete)
            if obsolete { pending.isObsolete = true }
            try parser.readKeyword(content, into: &pending, previous: false, line: lineNumber)
        }

        mutating func finish() throws -> POCatalog {
            try finishEntry()
            try parser.checkCharset(entries)
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
        case "|":
            try readKeyword(content.dropFirst(2).drop(while: { $0 == " " }), into: &pending, previous: true, line: line)
        default:
            pending.entry.translatorComments.append(String(dropOneSpace(content.dropFirst())))
        }
    }

    private func dropOneSpace(_ text: Substring) -> Substring {
        text.first == " " ? text.dropFirst() : text
    }

    fileprivate func readKeyword(_ content: Substring, into pending: inout PendingEntry, previous: Bool, line: Int) throws {
        let scalars = content.unicodeScalars
        guard let space = scalars.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\"" }) else {
            throw error(line, "expected a keyword and a string, found '\(content.prefix(40))'")
        }
        let keyword = String(scalars[..<space])
        let rest = scalars[space...].drop(while: { $0 == " " || $0 == "\t" })
        let value = try readString(Substring(rest), line: line)
        let field: PendingEntry.Field
        switch keyword {
        case "msgctxt": field = previous ? .previousContext : .context
        case "msgid": field = previous ? .previousID : .id
        case "msgid_plural": field = previous ? .previousPluralID : .pluralID
        case "msgstr" where !previous: field = .translation(-1)
        default:
            if !previous, keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"),
               let index = Int(keyword.dropFirst(7).dropLast()), index >= 0 {
                field = .translation(index)
            } else {
                throw error(line, "unknown keyword '\(keyword)'")
            }
        }
        try pending.set(field, to: value, line: line, path: path)
    }

    /// Reads one C-style quoted string with gettext's escapes.
    ///
    /// Works on Unicode scalars: a quote followed by a combining mark is one `Character`
    /// in Swift, but two things in a PO file.
    fileprivate func readString(_ content: Substring, line: Int) throws -> String {
        // Most strings have no escapes: the text between the quotes is the value.
        let utf8 = content.utf8
        if utf8.first == 0x22, !utf8.contains(0x5C), let close = utf8.dropFirst().firstIndex(of: 0x22),
           utf8[utf8.index(after: close)...].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            return String(Substring(utf8[utf8.index(after: utf8.startIndex)..<close]))
        }
        var scalars = content.unicodeScalars.makeIterator()
        guard scalars.next() == "\"" else {
            throw error(line, "expected a string in double quotes")
        }
        var result = String.UnicodeScalarView()
        var closed = false
        while let scalar = scalars.next() {
            if closed {
                if scalar == " " || scalar == "\t" { continue }
                throw error(line, "unexpected text after the closing quote")
            }
            switch scalar {
            case "\"":
                closed = true
            case "\\":
                guard let escaped = scalars.next() else { throw error(line, "string ends inside an escape sequence") }
                switch escaped {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                case "a": result.append("\u{07}")
                case "b": result.append("\u{08}")
                case "f": result.append("\u{0C}")
                case "v": result.append("\u{0B}")
                case "\\": result.append("\\")
                case "\"": result.append("\"")
                case "0"..."7":
                    var value = Int(escaped.value - 48)
                    var lookahead = scalars
                    for _ in 0..<2 {
                        guard let next = lookahead.next(), ("0"..."7").contains(next) else { break }
                        value = value * 8 + Int(next.value - 48)
                        scalars = lookahead
                    }
                    guard value < 0x80 else {
                        throw error(line, "octal escape '\\\(String(value, radix: 8))' is not ASCII; write the character itself in UTF-8")
                    }
                    result.append(Unicode.Scalar(UInt8(value)))
                default:
                    throw error(line, "invalid escape sequence '\\\(escaped)'")
                }
            default:
                result.append(scalar)
            }
        }
        guard closed else { throw error(line, "string is not terminated (missing closing quote)") }
        return String(result)
    }

    fileprivate func checkCharset(_ entries: [POEntry]) throws {
        guard let header = entries.first(where: \.isHeader) else { return }
        for field in header.translation.split(separator: "\n") where field.lowercased().hasPrefix("content-type:") {
            let lowered = field.lowercased()
            if let range = lowered.range(of: "charset=") {
                let charset = lowered[range.upperBound...].trimmingHTMLWhitespace()
                if !["utf-8", "utf8", "charset", "ascii", "us-ascii"].contains(charset.lowercased()) {
                    throw error(header.line, "the catalogue is in \(charset); Tolk reads UTF-8 only (convert it with 'msgconv --to-code=UTF-8')")
                }
            }
        }
    }

    fileprivate func error(_ line: Int, _ problem: String) -> TolkError {
        .malformedCatalog(path: path, line: line, problem: problem)
    }
}

/// An entry being read, line by line.
private struct PendingEntry {
    enum Field: Equatable {
        case previousContext, previousID, previousPluralID, context, id, pluralID
        case translation(Int)
    }

    var entry = POEntry(id: "", translations: [])
    var started = false
    var hasKeyword = false
    var hasID = false
    var hasTranslation = false
    var isObsolete = false
    var lastField: Field?
    var translationsByIndex: [Int: String] = [:]
    var usesPluralIndices = false

    var hasContent: Bool { started }

    mutating func start(line: Int, obsolete: Bool) {
        if !started {
            started = true
            entry.line = line
        }
    }

    mutating func set(_ field: Field, to value: String, line: Int, path: String) throws {
        func fail(_ problem: String) -> TolkError { .malformedCatalog(path: path, line: line, problem: problem) }
        switch field {
        case .previousContext: entry.previousContext = value
        case .previousID: entry.previousID = value
        case .previousPluralID: entry.previousPluralID = value
        case .context:
            if hasID { throw fail("msgctxt must come before msgid") }
            entry.context = value
            hasKeyword = true
        case .id:
            if hasID { throw fail("a second msgid in one entry (is a msgstr missing?)") }
            entry.id = value
            hasID = true
            hasKeyword = true
        case .pluralID:
            if !hasID { throw fail("msgid_plural without msgid") }
            entry.pluralID = value
        case let .translation(index):
            if !hasID { throw fail("msgstr without msgid") }
            if entry.translationLine == 0 { entry.translationLine = line }
            if index < 0 {
                if entry.pluralID != nil { throw fail("a plural message needs msgstr[0], msgstr[1], ... instead of msgstr") }
                if translationsByIndex[0] != nil { throw fail("a second msgstr in one entry") }
                translationsByIndex[0] = value
            } else {
                if entry.pluralID == nil { throw fail("msgstr[\(index)] without msgid_plural") }
                if translationsByIndex[index] != nil { throw fail("msgstr[\(index)] appears twice") }
                if index != translationsByIndex.count { throw fail("msgstr[\(index)] is out of order (expected msgstr[\(translationsByIndex.count)])") }
                translationsByIndex[index] = value
                usesPluralIndices = true
            }
            hasTranslation = true
        }
        lastField = field
    }

    mutating func appendToLastField(_ value: String) {
        switch lastField {
        case .previousContext?: entry.previousContext = (entry.previousContext ?? "") + value
        case .previousID?: entry.previousID = (entry.previousID ?? "") + value
        case .previousPluralID?: entry.previousPluralID = (entry.previousPluralID ?? "") + value
        case .context?: entry.context = (entry.context ?? "") + value
        case .id?: entry.id += value
        case .pluralID?: entry.pluralID = (entry.pluralID ?? "") + value
        case let .translation(index)?: translationsByIndex[max(index, 0), default: ""] += value
        case nil: break
        }
    }

    func entry(path: String) throws -> POEntry {
        guard hasID else {
            throw TolkError.malformedCatalog(path: path, line: entry.line, problem: "comments without a message (msgid is missing)")
        }
        guard hasTranslation else {
            throw TolkError.malformedCatalog(path: path, line: entry.line, problem: "msgid without msgstr")
        }
        var result = entry
        result.isObsolete = isObsolete
        result.translations = (0..<translationsByIndex.count).map { translationsByIndex[$0] ?? "" }
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
