/// The translation units and segments of one page, and what was wrong with its markup.
public struct PageExtraction: Sendable {
    /// Path relative to the project, as written in references (`Input/index.html`).
    public var path: String
    /// The page's language: its `<html lang>`, or `en` when it declares none.
    public var language: String
    /// Each unit with the segments it was cut into, in document order.
    public var units: [SegmentedUnit] {
        didSet { segments = Self.translatable(units) }
    }
    /// The `<time datetime>` elements outside every unit, which the build renders.
    public var standaloneTimes: [StandaloneTime] = []
    /// The legacy charset the page was read from (`windows-1252`), nil for UTF-8. Built
    /// pages are UTF-8, with the page's declaration changed to say so.
    public var legacyCharset: String?
    /// The page's text, which the build splices translations into.
    var text: String
    /// Where the build edits the page outside its units (found when `locate` is on).
    var outline: PageOutline?
    /// Markup problems libxml2 repaired, and text Tolk does not read.
    public var diagnostics: [Diagnostic]

    /// A unit and its segments.
    public struct SegmentedUnit: Sendable {
        public var unit: TranslationUnit
        public var segments: [SourceSegment]
    }

    /// The page's segments for translators, in order (kept with the units: every stage reads them).
    public private(set) var segments: [SourceSegment] = []

    private static func translatable(_ units: [SegmentedUnit]) -> [SourceSegment] {
        units.flatMap { $0.segments.filter(\.isTranslatable) }
    }

    /// The language a page is in when it does not say.
    public static let defaultLanguage = "en"

    /// Parses and segments one page.
    ///
    /// - Parameters:
    ///   - locate: find where each unit is in the page's bytes, for the build.
    ///   - its: the ITS global rules to apply besides the page's own scripts (the project's
    ///     rules file, and where linked rules files are found).
    /// - Throws: `TolkError.unknownLanguage` when `<html lang>` is no language ICU knows;
    ///   `TolkError.itsRules` for ITS rules that cannot be read or evaluated;
    ///   `TolkError.segmentationRules` when `segmentation` has no rules for the page's language.
    ///   - segmentation: a team's SRX rules, which replace Tolk's own sentence rules.
    public static func extract(path: String, bytes: [UInt8], locate: Bool = true, its: ITSContext = ITSContext(),
                               segmentation: SRXRules? = nil) throws -> PageExtraction {
        // The one way a page's bytes become text: its charset read, a legacy one remembered
        // so that the build can declare UTF-8 in what it writes.
        let (text, charset) = try PageEncoding.decode(bytes, path: path)
        var page = try extract(path: path, text: text, locate: locate, its: its, segmentation: segmentation)
        page.legacyCharset = charset
        return page
    }

    /// The page's units and segments from its text (already decoded); see `extract(path:bytes:)`.
    public static func extract(path: String, text: String, locate: Bool = true, its: ITSContext = ITSContext(),
                               segmentation: SRXRules? = nil) throws -> PageExtraction {
        let (document, ruleWarnings) = try parse(path: path, text: text, locate: locate, its: its)
        let language = document.declaredLanguage ?? defaultLanguage
        guard LanguageTag.isKnown(language) else {
            throw TolkError.unknownLanguage(code: language, source: "\(path):\(document.root.line) <html lang>")
        }
        let segmenter = Segmenter(locale: language, srx: try segmentation?.rules(for: language))
        let lines = SourceLines(text)
        var units: [SegmentedUnit] = []
        for unit in UnitExtractor(pageLanguage: language).units(of: document) {
            var line = unit.line
            var segments = try segmenter.segments(of: unit)
            if case .content = unit.kind {
                for index in segments.indices where segments[index].isTranslatable {
                    line = lines.line(of: segments[index].text, from: line)
                    segments[index].line = line
                }
            }
            units.append(SegmentedUnit(unit: unit, segments: segments))
        }
        var diagnostics = document.problems.map {
            Diagnostic(.markupRepaired, severity: .warning, file: path, line: $0.line, message: "\($0.message) (repaired)")
        } + ruleWarnings
        if let line = textAfterDocumentEnd(text) {
            diagnostics.append(Diagnostic(.contentAfterHTML, severity: .warning, file: path, line: line,
                message: "text after </html> (or in a second <html>) is not read by Tolk, but browsers show it; move it inside <body>",
                fix: "move it inside <body>"))
        }
        var extraction = PageExtraction(path: path, language: language, units: units, text: text,
                                        diagnostics: diagnostics)
        extraction.segments = translatable(units)
        if locate {
            let ranges = units.compactMap { unit -> Range<Int>? in
                if case let .content(range, _, _)? = unit.unit.location { return range }
                return nil
            }
            extraction.standaloneTimes = StandaloneTime.find(in: document, pageLanguage: language, units: ranges, text: text)
            extraction.outline = PageOutline(document: document)
        }
        return extraction
    }

    /// The page's tree with the ITS rules applied, and warnings about rules it links to
    /// but Tolk does not read.
    static func parse(path: String, text: String, locate: Bool, its: ITSContext) throws -> (HTMLDocument, [Diagnostic]) {
        var warnings: [Diagnostic] = []
        do {
            let document = try HTMLParser.parse(text, locate: locate) { references in
                try its.ruleSets(for: references, page: path) { line, message in
                    warnings.append(Diagnostic(.itsRulesLink, severity: .warning, file: path, line: line,
                                               message: message + "; the page is read with its other rules"))
                }
            }
            return (document, warnings)
        } catch let failure as XPathSelection.Failure {
            throw TolkError.itsRules(path: failure.path, line: failure.line, problem: failure.path == path ? failure.problem : failure.problem + " (on \(path))")
        }
    }

    /// The line of the first text after the page's first `</html>`, which libxml2 drops
    /// and browsers show (they put it in the body); nil when there is none.
    static func textAfterDocumentEnd(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        let endTag = Array("</html".utf8)
        var start: Int?
        var search = 0
        while let open = bytes[search...].firstIndex(of: UInt8(ascii: "<")) {
            if open + endTag.count <= bytes.count, zip(bytes[open..<open + endTag.count], endTag).allSatisfy({ a, b in
                (a >= 0x41 && a <= 0x5A ? a + 0x20 : a) == b
            }) {
                start = open
                break
            }
            search = open + 1
        }
        guard let start, let close = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        var index = close + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                // Comments and tags are not text; a tag's content may be.
                if bytes[index...].starts(with: Array("<!--".utf8)) {
                    guard let end = String(decoding: bytes[index...], as: UTF8.self).range(of: "-->") else { return nil }
                    index += String(decoding: bytes[index...], as: UTF8.self)[..<end.upperBound].utf8.count
                    continue
                }
                guard let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                index = end + 1
                continue
            }
            if !TagScanner.isSpace(byte) {
                return bytes[..<index].filter { $0 == 0x0A }.count + 1
            }
            index += 1
        }
        return nil
    }
}
