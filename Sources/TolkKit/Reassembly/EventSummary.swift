/// What the event index and the sitemap need of a page: its title in each language,
/// its first date or time range, and the languages it was written in. Small, so the
/// build cache can keep it for pages it does not rebuild.
struct EventSummary: Sendable, Equatable {
    struct Title: Sendable, Equatable {
        var text: String
        /// False when the title fell back to the page's language.
        var translated: Bool
    }

    var relative: String
    var pageLanguage: String
    var titles: [String: Title] = [:]
    /// The `datetime` of the page's first `<time>`, and of the one after a dash, if any.
    var start: String?
    var end: String?
    /// Languages the page was written in.
    var languages: Set<String> = []

    /// Reads a page; `tables` gives the catalogue of each language to title it in.
    init(relative: String, pageLanguage: String) {
        self.relative = relative
        self.pageLanguage = pageLanguage
    }

    init(page: PageExtraction, relative: String, languages: [String], tables: [String: TranslationTable]) {
        self.relative = relative
        pageLanguage = page.language
        let headings = page.units.filter { if case .content(element: "h1") = $0.unit.kind { return true }; return false }
        let titleUnits = page.units.filter { if case .content(element: "title") = $0.unit.kind { return true }; return false }
        if let unit = (headings.first ?? titleUnits.first), let segment = unit.segments.first {
            for language in languages {
                if let title = Self.title(segment, unit.unit, page: page.path, pageLanguage: page.language, in: language, table: tables[language]) {
                    titles[language] = Title(text: title.text, translated: title.translated)
                }
            }
        }
        (start, end) = (page.outline?.firstDate, page.outline?.firstDateEnd)
    }

    /// The title in `language` as plain text, and whether the catalogue translated it.
    static func title(_ segment: SourceSegment, _ unit: TranslationUnit, page: String, pageLanguage: String, in language: String,
                      table: TranslationTable?) -> (text: String, translated: Bool)? {
        let codeFor = Dictionary(uniqueKeysWithValues: segment.numbering.map { ($1, $0) })
        var message = segment.text
        var translated = false
        if let table, !LanguageTag.sameLanguage(language, pageLanguage),
           case let key = table.key(for: segment, page: page), table.verdict(context: key.context, id: key.id).isUsable,
           case let .translated(translation, _) = table.lookup(context: key.context, id: key.id) {
            message = translation
            translated = true
        } else if LanguageTag.sameLanguage(language, pageLanguage) {
            translated = true
        }
        // Placeholders show what they stand for: protected names as written, tags as their text.
        let text = MessageText.parse(message).reduce(into: "") { result, piece in
            switch piece {
            case let .text(text): result += text
            case let .empty(number): if let code = codeFor[number] { result += unit.codes[code].original }
            case .open, .close: break
            }
        }
        return (text, translated)
    }
}
