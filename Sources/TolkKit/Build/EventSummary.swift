/// What the event index shows of a page: its title and its first date or time range.
struct EventSummary {
    var relative: String
    var pageLanguage: String
    /// The page's main heading (or `<title>`), and the unit it belongs to.
    var title: (segment: SourceSegment, unit: TranslationUnit)?
    /// The first `<time datetime>` of the page, and the one after a dash, if any.
    var start: InlineCode?
    var end: InlineCode?
    /// Languages the page was written in.
    var languages: Set<String> = []

    init(page: PageExtraction, relative: String) {
        self.relative = relative
        pageLanguage = page.language
        let headings = page.units.filter { if case .content(element: "h1") = $0.unit.kind { return true }; return false }
        let titles = page.units.filter { if case .content(element: "title") = $0.unit.kind { return true }; return false }
        if let unit = (headings.first ?? titles.first), let segment = unit.segments.first {
            title = (segment, unit.unit)
        }
        for unit in page.units {
            for segment in unit.segments {
                let tokens = segment.tokens
                guard let index = tokens.firstIndex(where: { token in
                    if case let .empty(code) = token, case .machineReadableTime = unit.unit.codes[code].protection { return true }
                    return false
                }), case let .empty(code) = tokens[index] else { continue }
                start = unit.unit.codes[code]
                if index + 2 < tokens.count, case let .text(between) = tokens[index + 1],
                   ["–", "-", "—"].contains(between.trimmingCharacters(in: .whitespaces)),
                   case let .empty(next) = tokens[index + 2], case .machineReadableTime = unit.unit.codes[next].protection {
                    end = unit.unit.codes[next]
                }
                return
            }
        }
    }

    /// The title in `language` as plain text, when the catalogue has a usable translation.
    func title(in language: String, table: TranslationTable?) -> (text: String, translated: Bool)? {
        guard let (segment, unit) = title else { return nil }
        let codeFor = Dictionary(uniqueKeysWithValues: segment.numbering.map { ($1, $0) })
        var message = segment.text
        var translated = false
        if let table, !LanguageTag.sameLanguage(language, pageLanguage),
           case let .translated(translation, _) = table.lookup(context: segment.context, id: segment.text),
           case .success = PlaceholderCheck.validate(translation: translation, source: segment.text) {
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
