/// `Output/LL/index.html`: the events of one language, with localized titles, dates and
/// links. Its own words are ICU MessageFormat messages kept in the same catalogues.
struct EventIndex {
    let language: String
    let events: [EventSummary]
    let table: TranslationTable?
    let siteLanguages: [String]
    let fileName: String
    /// The locale whose formats the dates take.
    var locale: String?
    /// The zone event times are given in, and this language's readers' own.
    var siteZone: String?
    var audienceZone: String?
    /// How the index links to its other languages and to the language chooser (`x-default`).
    var links = SiteLinks()
    private(set) var diagnostics: [Diagnostic] = []

    init(language: String, events: [EventSummary], table: TranslationTable?, siteLanguages: [String], fileName: String) {
        self.language = language
        self.table = table
        self.siteLanguages = siteLanguages
        self.fileName = fileName
        // In date order; undated pages last, by path.
        self.events = events.map { ($0, $0.start.flatMap { MachineDate($0)?.millis }) }
            .sorted { a, b in
                switch (a.1, b.1) {
                case let (x?, y?) where x != y: return x < y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a.0.relative < b.0.relative
                }
            }
            .map(\.0)
    }

    /// A message formatted for the index's language: the catalogue's translation when it has
    /// one that ICU accepts, else the English source (and `lang="en"` on its element).
    mutating func text(_ message: IndexMessage, arguments: [String: ICUFormat.Argument] = [:]) -> (text: String, language: String) {
        if !LanguageTag.sameLanguage(language, IndexMessage.sourceLanguage), let table,
           let entry = table.entry(context: IndexMessage.context, id: message.rawValue), !entry.translation.isEmpty, !entry.isFuzzy {
            switch ICUFormat.message(entry.translation, locale: language, arguments: arguments) {
            case let .success(text): return (text, language)
            case let .failure(error):
                diagnostics.append(Diagnostic(rule: ICUSyntaxRule.id, severity: .warning, file: table.path, line: entry.line,
                    message: "ICU message not used (\(error.offset.map { "syntax error at offset \($0)" } ?? "error \(error.status)")); the index shows it in English",
                    msgctxt: entry.context, msgid: entry.id, msgstr: entry.translation))
            }
        }
        let english = (try? ICUFormat.message(message.rawValue, locale: IndexMessage.sourceLanguage, arguments: arguments).get()) ?? message.rawValue
        return (english, IndexMessage.sourceLanguage)
    }

    mutating func html() -> String {
        let heading = text(.heading)
        let count = text(.count, arguments: ["count": .number(Double(events.count))])
        let readMore = text(.readMore)
        let others = text(.otherLanguages)
        var dates = DateRenderer(sourceLocale: language, locale: locale ?? language)
        dates.siteZone = siteZone
        dates.audienceZone = audienceZone
        var lines: [String] = [
            "<!DOCTYPE html>",
            "<html lang=\"\(HTMLEscape.escaped(language))\"\(ICUFormat.isRightToLeft(language) ? " dir=\"rtl\"" : "")>",
            "<head>",
            "  <meta charset=\"utf-8\">",
            "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "  <title\(langAttribute(heading.language))>\(HTMLEscape.escaped(heading.text))</title>",
        ]
        if links.baseURL != nil {
            lines.append("  <link rel=\"canonical\" href=\"\(HTMLEscape.escaped(links.href(to: fileName, in: language, from: fileName)))\">")
        }
        for other in siteLanguages {
            lines.append("  <link rel=\"alternate\" hreflang=\"\(HTMLEscape.escaped(other))\" href=\"\(HTMLEscape.escaped(links.href(to: fileName, in: other, from: fileName)))\">")
        }
        if !siteLanguages.isEmpty {
            lines.append("  <link rel=\"alternate\" hreflang=\"x-default\" href=\"\(HTMLEscape.escaped((links.baseURL ?? "../") + "index.html"))\">")
        }
        lines += [
            "</head>",
            "<body>",
            "  <main>",
            "    <h1\(langAttribute(heading.language))>\(HTMLEscape.escaped(heading.text))</h1>",
            "    <p\(langAttribute(count.language))>\(HTMLEscape.escaped(count.text))</p>",
            "    <ul class=\"events\">",
        ]
        for (number, event) in events.enumerated() {
            let title = event.titles[language] ?? EventSummary.Title(text: event.relative, translated: false)
            let titleLanguage = title.translated ? language : event.pageLanguage
            // Every "Read more" says which event it is for (a screen reader lists links by
            // their names, and four identical ones tell nothing): its description is the title.
            let titleID = "event-\(number + 1)"
            var item = "      <li><a id=\"\(titleID)\" href=\"\(HTMLEscape.escaped(URLPath.percentEncoded(event.relative)))\"\(langAttribute(titleLanguage))>\(HTMLEscape.escaped(title.text))</a>"
            if let when = dateHTML(event, dates: dates) { item += "<br>" + when }
            item += "<br><a href=\"\(HTMLEscape.escaped(URLPath.percentEncoded(event.relative)))\" aria-describedby=\"\(titleID)\"\(langAttribute(readMore.language))>\(HTMLEscape.escaped(readMore.text))</a></li>"
            lines.append(item)
        }
        lines.append("    </ul>")
        let otherLanguages = siteLanguages.filter { $0 != language }
        if !otherLanguages.isEmpty {
            lines.append("    <h2\(langAttribute(others.language))>\(HTMLEscape.escaped(others.text))</h2>")
            lines.append("    <ul class=\"languages\">")
            for other in otherLanguages {
                lines.append("      <li><a href=\"../\(HTMLEscape.escaped(other))/\(fileName)\" hreflang=\"\(HTMLEscape.escaped(other))\"\(LanguageMarkup.attributes(for: other, inPageOf: language))>\(HTMLEscape.escaped(LanguageTag.displayName(other)))</a></li>")
            }
            lines.append("    </ul>")
        }
        lines += ["  </main>", "</body>", "</html>", ""]
        return lines.joined(separator: "\n")
    }

    private func dateHTML(_ event: EventSummary, dates: DateRenderer) -> String? {
        guard let from = event.start else { return nil }
        // The index spells dates out in full, whatever the page showed.
        let skeleton = DateRenderer.fullSkeleton(from)
        if let to = event.end,
           let range = dates.renderRange((from, ""), (to, ""), skeleton: skeleton) {
            return "<time datetime=\"\(HTMLEscape.escaped(from))\">\(HTMLEscape.escaped(range.first))</time>\(HTMLEscape.escaped(range.separator))<time datetime=\"\(HTMLEscape.escaped(to))\">\(HTMLEscape.escaped(range.second))</time>"
                + HTMLEscape.escaped(dates.inAudienceZone(from, to: to, skeleton: skeleton))
        }
        guard let text = dates.render(from, original: "", skeleton: skeleton) else { return nil }
        return "<time datetime=\"\(HTMLEscape.escaped(from))\">\(HTMLEscape.escaped(text))</time>"
            + HTMLEscape.escaped(dates.inAudienceZone(from, skeleton: skeleton))
    }

    private func langAttribute(_ textLanguage: String) -> String {
        LanguageTag.sameLanguage(textLanguage, language) ? "" : LanguageMarkup.attributes(for: textLanguage, inPageOf: language)
    }
}
