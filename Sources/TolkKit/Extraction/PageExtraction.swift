/// The segments of one page, and what was wrong with its markup.
public struct PageExtraction: Sendable {
    /// Path relative to the project, as written in references (`Input/index.html`).
    public var path: String
    /// The page's language: its `<html lang>`, or `en` when it declares none.
    public var language: String
    public var segments: [SourceSegment]
    /// Markup problems libxml2 repaired, as `file:line: message` warnings.
    public var warnings: [String]

    /// The language a page is in when it does not say.
    public static let defaultLanguage = "en"

    /// Parses and segments one page.
    ///
    /// - Throws: `TolkError.unknownLanguage` when `<html lang>` is no language ICU knows.
    public static func extract(path: String, text: String) throws -> PageExtraction {
        let document = HTMLParser.parse(text)
        let language = document.declaredLanguage ?? defaultLanguage
        guard LanguageTag.isKnown(language) else {
            throw TolkError.unknownLanguage(code: language, source: "\(path):\(document.root.line) <html lang>")
        }
        let segmenter = Segmenter(locale: language)
        let lines = SourceLines(text)
        var segments: [SourceSegment] = []
        for unit in UnitExtractor(pageLanguage: language).units(of: document) {
            var line = unit.line
            for var segment in try segmenter.segments(of: unit) {
                if case .content = unit.kind {
                    line = lines.line(of: segment.text, from: line)
                    segment.line = line
                }
                segments.append(segment)
            }
        }
        let warnings = document.problems.map { "\(path):\($0.line): warning: \($0.message) (repaired)" }
        return PageExtraction(path: path, language: language, segments: segments, warnings: warnings)
    }
}
