import Foundation

/// Sentences of plain text (what `tolk segment` prints): paragraphs are runs of lines
/// separated by blank lines, and each is cut into sentences as page text is.
public enum PlainText {
    /// The sentences of UTF-8 text in `data`, read from `path` (for error messages).
    ///
    /// - Parameter srx: SRX rules to cut by instead of Tolk's own.
    /// - Throws: `TolkError` for an unknown language, bytes that are not UTF-8 text, or SRX
    ///   rules with none for the language.
    public static func sentences(of data: Data, path: String, locale: String, srx: SRXRules? = nil) throws -> [String] {
        guard LanguageTag.isKnown(locale) else { throw TolkError.unknownLanguage(code: locale, source: "--locale") }
        let segmenter = Segmenter(locale: locale, srx: try srx?.rules(for: locale))
        return try paragraphs(TextFile.decode(data, path: path)).flatMap { try segmenter.sentences(in: $0) }
    }

    /// The sentences of the UTF-8 text file at `path`.
    public static func sentences(ofFile path: String, locale: String, srx: SRXRules? = nil) throws -> [String] {
        try sentences(of: TextFile.readData(path), path: path, locale: locale, srx: srx)
    }

    static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        return paragraphs
    }
}
