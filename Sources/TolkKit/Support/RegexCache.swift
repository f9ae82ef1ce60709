import Foundation

/// Compiled regular expressions, kept: compiling one (ICU's regex engine, case folding
/// `\p{L}`) costs far more than matching it, and the checks match thousands of entries.
enum RegexCache {
    private static let sensitive = LocaleCache<NSRegularExpression?>()
    private static let insensitive = LocaleCache<NSRegularExpression?>()

    static func regex(_ pattern: String, caseInsensitive: Bool = false) -> NSRegularExpression? {
        (caseInsensitive ? insensitive : sensitive).value(for: pattern) {
            try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        }
    }

    /// Every match of `pattern` in `text`, as strings.
    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = regex(pattern) else { return [] }
        let string = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: string.length)).map { string.substring(with: $0.range) }
    }

    /// True when `pattern` matches somewhere in `text`.
    static func contains(_ pattern: String, in text: String, caseInsensitive: Bool = false) -> Bool {
        guard let regex = regex(pattern, caseInsensitive: caseInsensitive) else { return false }
        return regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }
}
