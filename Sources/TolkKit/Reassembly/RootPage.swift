/// `Output/index.html`: where a visitor chooses a language, each named in its own language;
/// the `x-default` of the language index pages.
struct RootPage {
    let languages: [String]
    let indexName: String
    let links: SiteLinks
    /// Each language's index heading ("Events", "Veranstaltungen").
    let headings: [String: String]

    func html() -> String {
        let first = links.defaultLanguage.flatMap { languages.contains($0) ? $0 : nil } ?? languages.first ?? "en"
        var lines = [
            "<!DOCTYPE html>",
            "<html lang=\"\(HTMLEscape.escaped(first))\">",
            "<head>",
            "  <meta charset=\"utf-8\">",
            "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "  <title>\(HTMLEscape.escaped(headings[first] ?? indexName))</title>",
        ]
        for language in languages {
            lines.append("  <link rel=\"alternate\" hreflang=\"\(HTMLEscape.escaped(language))\" href=\"\(HTMLEscape.escaped(href(language)))\">")
        }
        if let base = links.baseURL {
            lines.append("  <link rel=\"alternate\" hreflang=\"x-default\" href=\"\(HTMLEscape.escaped(base + "index.html"))\">")
        }
        lines += ["</head>", "<body>", "  <main>", "    <ul class=\"languages\">"]
        for language in languages {
            lines.append("      <li lang=\"\(HTMLEscape.escaped(language))\"><a href=\"\(HTMLEscape.escaped(href(language)))\" hreflang=\"\(HTMLEscape.escaped(language))\">"
                + "\(HTMLEscape.escaped(headings[language] ?? indexName)) · \(HTMLEscape.escaped(LanguageTag.displayName(language)))</a></li>")
        }
        lines += ["    </ul>", "  </main>", "</body>", "</html>", ""]
        return lines.joined(separator: "\n")
    }

    private func href(_ language: String) -> String {
        (links.baseURL ?? "") + language + "/" + URLPath.percentEncoded(indexName)
    }
}
