/// What the event index shows of a page: its title and its first date or time range.
struct EventSummary {
    var relative: String
    var pageLanguage: String
    /// The page's main heading (or `<title>`), and the unit it belongs to.
    var title: (segment: SourceSegment, unit: TranslationUnit)?
    /// The `datetime` of the page's first `<time>`, and of the one after a dash, if any.
    var start: String?
    var end: String?
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
        (start, end) = Self.firstDates(in: page.document.root)
    }

    /// The first `<time datetime>` in the page, and a second one after a dash, if any.
    static func firstDates(in element: HTMLElement) -> (String?, String?) {
        let children = element.children
        for (index, node) in children.enumerated() {
            guard case let .element(child) = node else { continue }
            if child.name == "time", let datetime = child[attribute: "datetime"], MachineDate(datetime) != nil {
                if index + 2 < children.count, case let .text(between) = children[index + 1],
                   ["–", "-", "—"].contains(between.trimmingHTMLWhitespace()),
                   case let .element(next) = children[index + 2], next.name == "time",
                   let to = next[attribute: "datetime"], MachineDate(to) != nil {
                    return (datetime, to)
                }
                return (datetime, nil)
            }
            let found = firstDates(in: child)
            if found.0 != nil { return found }
        }
        return (nil, nil)
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
