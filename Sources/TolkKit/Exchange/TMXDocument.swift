import Foundation

/// A TMX document (1.1 to 1.4b) read into memory units, as translation tools write them.
///
/// - A `<tuv>`'s language is `xml:lang` (1.4) or `lang` (1.1–1.3); a `<tu>` with several
///   languages gives a unit for each pair of them, both ways, so one TMX serves every
///   direction. `<tuv>`s may come in any order.
/// - In `<seg>`, `<bpt>`/`<ept>` (paired by `i`) become Tolk's `<N>…</N>`, and `<ph>`,
///   `<it>`, `<ut>` an empty `<N/>`; their content (the original markup) is kept for
///   export. `<hi>` is only a highlight: its text is the segment's. A `<sub>` inside a code
///   is the code's text, not the segment's.
/// - The file is read a `<tu>` at a time (`XMLTree.stream`): a memory of any size takes
///   the memory of its units, never of a whole XML tree.
/// - The encoding is libxml2's to detect (UTF-8, UTF-16 with a byte order mark, or the
///   XML declaration's). No entity is declared or read, no DTD loaded, nothing fetched.
///
/// Anything else is an error naming the line: not TMX, an unknown version, a `<tuv>`
/// without a language or a `<seg>`, an unpaired `<ept>`, an element `<seg>` cannot hold,
/// a character XML or a catalogue cannot hold, or a segment of over `maximumSegmentLength`
/// characters.
public enum TMXDocument {
    public static let versions: Set<String> = ["1.1", "1.2", "1.3", "1.4", "1.4b"]
    /// The longest segment read: a sentence, even a long paragraph, is far shorter.
    public static let maximumSegmentLength = 65_536
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// What a TMX file holds.
    public struct Contents: Sendable {
        public var version: String
        public var units: [MemoryUnit]
        /// `<tu>` elements read, and those skipped because they hold one language only.
        public var translationUnits: Int
        public var singleLanguage: Int
        public var languages: [String]
    }

    /// Reads `data`; `path` names the file in errors and in the units' origins.
    public static func read(_ data: Data, path: String) throws -> Contents {
        func fail(_ line: Int, _ problem: String) -> TolkError { TolkError.exchange(path: path, line: line, problem: problem) }
        var units: [MemoryUnit] = []
        var translationUnits = 0, singleLanguage = 0
        var languages: [String] = []
        var version = ""
        var sections: Set<String> = []
        // A unit at a time: a TMX of 100,000 units never stands in memory as a tree.
        let root = try XMLTree.stream(data, path: path, root: { root in
            guard root.name == "tmx", root.namespace == nil else {
                throw fail(root.line, "not a TMX document: the root element is <\(root.name)>, not <tmx>")
            }
            guard let found = root.attribute("version"), versions.contains(found) else {
                throw fail(root.line, "TMX version \(root.attribute("version").map { "'\($0)'" } ?? "missing"); Tolk reads 1.1 to 1.4b")
            }
            version = found
        }, each: { section, element in
            guard let tu = element else {
                sections.insert(section.name)
                return
            }
            guard section.name == "body" else { return }
            guard tu.name == "tu" else { throw fail(tu.line, "<\(tu.name)> in <body>, where TMX has only <tu>") }
            translationUnits += 1
            var props: [String: String] = [:]
            var variants: [(language: String, pieces: [Piece], line: Int)] = []
            for child in tu.elements {
                switch child.name {
                case "prop": if let type = child.attribute("type"), props[type] == nil { props[type] = child.text }
                case "note": break
                case "tuv":
                    guard let tag = child.attribute("lang", namespace: xmlNamespace) ?? child.attribute("lang"), !tag.isEmpty else {
                        throw fail(child.line, "a <tuv> without a language (xml:lang, or lang before TMX 1.4)")
                    }
                    guard LanguageTag.isKnown(tag), let language = LanguageTag.bcp47(tag) else {
                        throw fail(child.line, "'\(tag)' is not a language code ICU knows")
                    }
                    let segments = child.elements("seg", namespace: nil)
                    guard segments.count == 1 else {
                        throw fail(child.line, segments.isEmpty ? "a <tuv> without a <seg>" : "a <tuv> with \(segments.count) <seg>s; TMX allows one")
                    }
                    variants.append((language, try pieces(of: segments[0], fail: fail), segments[0].line))
                    if !languages.contains(language) { languages.append(language) }
                default:
                    throw fail(child.line, "<\(child.name)> in <tu>, where TMX has <note>, <prop> and <tuv>")
                }
            }
            guard Set(variants.map(\.language)).count > 1 else {
                singleLanguage += 1
                return
            }
            let origin = MemoryOrigin(file: path, line: tu.line, tuid: tu.attribute("tuid"))
            // Without inline codes, text is taken as Tolk's message text: a catalogue's
            // `<1>…</1>` that Translate Toolkit's po2tmx wrote as text stays a placeholder.
            let literal = !variants.contains { $0.pieces.contains { if case .code = $0 { return true }; return false } }
            for source in variants {
                for target in variants where target.language != source.language {
                    let (sourceText, targetText, codes) = render(source.pieces, target.pieces, literal: literal)
                    var unit = MemoryUnit(sourceLanguage: source.language, targetLanguage: target.language, source: sourceText,
                                          target: targetText, origin: origin, context: props["x-tolk-msgctxt"], page: props["x-tolk-page"],
                                          previous: props["x-tolk-previous"], next: props["x-tolk-next"])
                    unit.codes = codes
                    units.append(unit)
                }
            }
        })
        guard sections.contains("header") else { throw fail(root.line, "no <header>: TMX needs one") }
        guard sections.contains("body") else { throw fail(root.line, "no <body>: TMX needs one") }
        return Contents(version: version, units: units, translationUnits: translationUnits, singleLanguage: singleLanguage,
                        languages: languages)
    }

    /// A piece of a segment: text, or an inline code with its key (what pairs it across
    /// languages: `b` and `i` for a `<bpt>`/`<ept>`, else the element and its `x` or position).
    enum Piece {
        case text(String)
        case code(key: String, kind: Kind, content: String)
        enum Kind { case open, close, empty }
    }

    private static func pieces(of seg: XMLElement, fail: (Int, String) -> TolkError) throws -> [Piece] {
        var pieces: [Piece] = []
        var ordinal = 0
        var open = Set<String>()
        var length = 0
        func walk(_ element: XMLElement) throws {
            for child in element.children {
                switch child {
                case let .text(text):
                    length += text.unicodeScalars.count
                    if let bad = text.unicodeScalars.first(where: { ForbiddenCharacters.isForbidden($0) }) {
                        throw fail(element.line, String(format: "the segment holds U+%04X, a control character a catalogue cannot hold", bad.value))
                    }
                    pieces.append(.text(text))
                case let .element(code):
                    ordinal += 1
                    let content = code.elements.isEmpty ? code.text : code.children.map { part -> String in
                        if case let .text(text) = part { return text }
                        return ""
                    }.joined()
                    switch code.name {
                    case "hi": try walk(code)
                    case "bpt", "ept":
                        guard let i = code.attribute("i") else { throw fail(code.line, "<\(code.name)> without its i attribute") }
                        if code.name == "bpt" {
                            open.insert(i)
                            pieces.append(.code(key: "b\(i)", kind: .open, content: content))
                        } else {
                            guard open.remove(i) != nil else { throw fail(code.line, "<ept i=\"\(i)\"> with no <bpt i=\"\(i)\"> before it") }
                            pieces.append(.code(key: "b\(i)", kind: .close, content: content))
                        }
                    case "ph", "it", "ut":
                        pieces.append(.code(key: code.attribute("x").map { "x\($0)" } ?? "\(code.name)\(ordinal)", kind: .empty, content: content))
                    default:
                        throw fail(code.line, "<\(code.name)> in <seg>, where TMX has text, <bpt>, <ept>, <ph>, <it>, <ut> and <hi>")
                    }
                }
            }
        }
        try walk(seg)
        guard length <= maximumSegmentLength else {
            throw fail(seg.line, "a segment of \(length) characters; Tolk reads segments of up to \(maximumSegmentLength)")
        }
        // A <bpt> whose <ept> never comes is a code on its own.
        return pieces.map { piece in
            if case let .code(key, .open, content) = piece, open.contains(String(key.dropFirst())) { return .code(key: key, kind: .empty, content: content) }
            return piece
        }
    }

    /// The source and target as Tolk message text, placeholders numbered in the source's
    /// order (a target's code the source lacks gets a number of its own), and each
    /// number's original markup.
    private static func render(_ source: [Piece], _ target: [Piece], literal: Bool) -> (String, String, [Int: OriginalCode]) {
        var numbers: [String: Int] = [:]
        var codes: [Int: OriginalCode] = [:]
        func text(_ pieces: [Piece]) -> String {
            if literal {
                return pieces.map { if case let .text(text) = $0 { return text }; return "" }.joined()
            }
            return MessageText.text(of: pieces.map { piece -> MessageText.Piece in
                switch piece {
                case let .text(text): return .text(text)
                case let .code(key, kind, content):
                    let number = numbers[key] ?? (numbers.count + 1)
                    numbers[key] = number
                    switch kind {
                    case .open: codes[number, default: OriginalCode(start: content, end: nil)].start = content; return .open(number)
                    case .close: codes[number, default: OriginalCode(start: "", end: nil)].end = content; return .close(number)
                    case .empty: codes[number] = codes[number] ?? OriginalCode(start: content, end: nil); return .empty(number)
                    }
                }
            })
        }
        let sourceText = text(source)
        let sourceCodes = codes
        let targetText = text(target)
        return (sourceText, targetText, sourceCodes)
    }
}
