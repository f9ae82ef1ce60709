/// What an element says about text in another language than its page's: ` lang="en"`,
/// and ` dir="ltr"` (or `rtl`) when that language is written the other way, so that a
/// screen reader pronounces it right and punctuation stays on its side. The one place
/// the build, the switcher and the index write them.
enum LanguageMarkup {
    static func attributes(for language: String, inPageOf pageLanguage: String) -> String {
        " lang=\"\(HTMLEscape.escaped(language))\"" + (direction(for: language, inPageOf: pageLanguage).map { " dir=\"\($0)\"" } ?? "")
    }

    /// The `dir` text in `language` needs inside a page in `pageLanguage`, nil when the same.
    static func direction(for language: String, inPageOf pageLanguage: String) -> String? {
        let rightToLeft = ICUFormat.isRightToLeft(language)
        return rightToLeft != ICUFormat.isRightToLeft(pageLanguage) ? (rightToLeft ? "rtl" : "ltr") : nil
    }
}
