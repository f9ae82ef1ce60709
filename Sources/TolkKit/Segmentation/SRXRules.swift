import Foundation

/// Segmentation rules in SRX 2.0 (LISA/GALA), as Okapi, Trados, memoQ, Phrase and OmegaT
/// read and write them: a team's own rules, which replace Tolk's when a project has
/// `Locales/segmentation.srx`.
///
/// A language's rules are those of the `<languagemap>` entries whose `languagepattern`
/// matches its code (all of them in order with `cascade="yes"`, the first one without).
/// Between two characters of a unit's text, the first rule whose `<beforebreak>` matches
/// the text before and whose `<afterbreak>` matches the text after decides: a break with
/// `break="yes"`, none with `break="no"`; where no rule matches there is no break.
///
/// Patterns are ICU regular expressions (what `NSRegularExpression` runs), SRX's Java
/// flavour in nearly everything: `\p{Lu}`, `\b`, `(?i)`, lookaheads and possessive
/// quantifiers mean the same. Where they differ: ICU reads `\x{hhhh}` and `\uhhhh` for a
/// code point, and `\xhh` takes two digits in both (so `\xff61` is "ÿ61" in Java too);
/// Java's `\p{javaLowerCase}`-style classes and `\G` in a lookbehind are not ICU's, and
/// such a pattern is refused with its line.
public struct SRXRules: Sendable {
    public struct Rule: Sendable {
        public var breaks: Bool
        public var before: String
        public var after: String
        /// Line of the `<rule>` in the file.
        public var line: Int
        /// `(?:before)(?=after)`: each match ends where the rule applies.
        let pattern: Regex

        struct Regex: @unchecked Sendable {
            let expression: NSRegularExpression
        }
    }

    /// The file's path, as errors name it.
    public var path: String
    public var cascade: Bool
    /// The `<languagerule>` elements, by name.
    public var languageRules: [String: [Rule]]
    /// The `<languagemap>` elements in order: the pattern, the rule set it names, its line.
    var maps: [(pattern: Rule.Regex, source: String, rules: String, line: Int)]
    /// Line of `<maprules>`, for the error when no map matches a language.
    var mapLine: Int

    static let namespace = "http://www.lisa.org/srx20"

    /// Reads the SRX file at `path` (as the user gave it).
    public init(fileAt path: String) throws {
        try TextFile.requireRegularFile(path, displayPath: path)
        try self.init(data: TextFile.readData(path, displayPath: path), path: path)
    }

    /// Reads an SRX 2.0 document.
    ///
    /// - Throws: `TolkError.segmentationRules` with the line for a document that is not
    ///   well-formed SRX 2.0, a pattern ICU cannot compile, or a map naming no rule set.
    public init(data: Data, path: String) throws {
        self.path = path
        let root: XMLElement
        do {
            root = try XMLTree.read(data, path: path)
        } catch let TolkError.exchange(_, line, problem) {
            throw TolkError.segmentationRules(path: path, line: line, problem: problem)
        }
        func fail(_ line: Int, _ problem: String) -> TolkError {
            TolkError.segmentationRules(path: path, line: line, problem: problem)
        }
        guard root.name == "srx" else { throw fail(root.line, "the root element is <\(root.name)>, not SRX's <srx>") }
        guard root.namespace == nil || root.namespace == Self.namespace else {
            throw fail(root.line, "<srx> is in the namespace \(root.namespace!), not SRX 2.0's \(Self.namespace)")
        }
        guard root.attribute("version") == "2.0" else {
            throw fail(root.line, "version=\"\(root.attribute("version") ?? "")\": Tolk reads SRX 2.0 (version=\"2.0\")")
        }
        func children(_ element: XMLElement, _ name: String) -> [XMLElement] {
            element.elements.filter { $0.name == name && ($0.namespace == nil || $0.namespace == Self.namespace) }
        }
        let header = children(root, "header").first
        cascade = header?.attribute("cascade") != "no"
        guard let body = children(root, "body").first else { throw fail(root.line, "<srx> has no <body>") }
        var rules: [String: [Rule]] = [:]
        for set in children(body, "languagerules").flatMap({ children($0, "languagerule") }) {
            guard let name = set.attribute("languagerulename") else {
                throw fail(set.line, "<languagerule> has no languagerulename")
            }
            guard rules[name] == nil else { throw fail(set.line, "a second <languagerule> named '\(name)'") }
            rules[name] = try children(set, "rule").map { rule in
                let before = children(rule, "beforebreak").first?.text ?? ""
                let after = children(rule, "afterbreak").first?.text ?? ""
                guard before.isEmpty == false || after.isEmpty == false else {
                    throw fail(rule.line, "a <rule> needs a <beforebreak> or an <afterbreak> pattern")
                }
                let pattern: NSRegularExpression
                do {
                    // Each part alone first, so that one cannot close the other's group.
                    for part in [before, after] where !part.isEmpty { _ = try NSRegularExpression(pattern: part) }
                    pattern = try NSRegularExpression(pattern: "(?:\(before))(?=\(after))")
                } catch {
                    throw fail(rule.line, "ICU cannot compile the pattern /\(before)/ before, /\(after)/ after (see README: SRX patterns)")
                }
                return Rule(breaks: rule.attribute("break") != "no", before: before, after: after, line: rule.line,
                            pattern: Rule.Regex(expression: pattern))
            }
        }
        languageRules = rules
        let mapRules = children(body, "maprules").first
        mapLine = mapRules?.line ?? body.line
        maps = try (mapRules.map { children($0, "languagemap") } ?? []).map { map in
            guard let source = map.attribute("languagepattern"), let name = map.attribute("languagerulename") else {
                throw fail(map.line, "<languagemap> needs languagepattern and languagerulename")
            }
            guard rules[name] != nil else { throw fail(map.line, "<languagemap> names '\(name)', which no <languagerule> is") }
            guard let pattern = try? NSRegularExpression(pattern: "^(?:\(source))$") else {
                throw fail(map.line, "ICU cannot compile the languagepattern /\(source)/")
            }
            return (Rule.Regex(expression: pattern), source, name, map.line)
        }
    }

    /// The rules that apply to `language`, in order.
    ///
    /// - Throws: `TolkError.segmentationRules` when no `<languagemap>` matches it.
    public func rules(for language: String) throws -> [Rule] {
        var found: [Rule] = []
        var matched = false
        for map in maps {
            let range = NSRange(language.startIndex..., in: language)
            guard map.pattern.expression.firstMatch(in: language, range: range) != nil else { continue }
            matched = true
            found += languageRules[map.rules] ?? []
            if !cascade { break }
        }
        guard matched else {
            throw TolkError.segmentationRules(path: path, line: mapLine,
                problem: "no <languagemap> matches '\(language)', so Tolk has no rules for it; add one (languagepattern=\".*\" matches every language)")
        }
        return found
    }

    /// Where `text` (UTF-16) breaks under `rules`: each position between two characters
    /// goes by the first rule that matches there.
    static func breaks(in text: [UInt16], rules: [Rule]) -> [Int] {
        guard !text.isEmpty else { return [] }
        let string = String(decoding: text, as: UTF16.self)
        let whole = NSRange(string.startIndex..., in: string)
        var decided: [Int: Bool] = [:]
        for rule in rules {
            rule.pattern.expression.enumerateMatches(in: string, range: whole) { match, _, _ in
                guard let match else { return }
                let position = match.range.location + match.range.length
                if position > 0, position < text.count, decided[position] == nil { decided[position] = rule.breaks }
            }
        }
        return decided.filter(\.value).keys.sorted()
    }
}
