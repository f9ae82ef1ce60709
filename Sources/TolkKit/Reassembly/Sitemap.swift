/// `Output/sitemap.xml`: every page in every language, with its `hreflang` alternates,
/// in the form search engines read (sitemaps.org with xhtml:link).
struct Sitemap {
    let events: [EventSummary]
    let indexName: String
    let languages: [String]
    let baseURL: String?

    func xml() -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        var documents: [(relative: String, languages: [String], defaultLanguage: String)] = [
            (indexName, languages, languages.contains("en") ? "en" : languages.first ?? "en"),
        ]
        documents += events.map { ($0.relative, $0.languages.sorted(), $0.pageLanguage) }
        var base = baseURL ?? ""
        if !base.isEmpty, !base.hasSuffix("/") { base += "/" }
        for document in documents {
            let urls = Dictionary(uniqueKeysWithValues: document.languages.map { language in
                (language, String(decoding: HTMLEscape.attribute(base + language + "/" + URLPath.percentEncoded(document.relative)), as: UTF8.self))
            })
            for language in document.languages {
                xml += "  <url>\n    <loc>\(urls[language]!)</loc>\n"
                for other in document.languages {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(other)\" href=\"\(urls[other]!)\"/>\n"
                }
                if let fallback = urls[document.defaultLanguage] {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(fallback)\"/>\n"
                }
                xml += "  </url>\n"
            }
        }
        return xml + "</urlset>\n"
    }
}
