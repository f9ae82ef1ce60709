/// `Output/sitemap.xml`: every page in every language, with its `hreflang` alternates,
/// in the form search engines read (sitemaps.org with xhtml:link).
struct Sitemap {
    let events: [EventSummary]
    let indexName: String
    let languages: [String]
    let baseURL: String?

    func xml() -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">",
        ]
        var documents: [(relative: String, languages: [String], defaultLanguage: String)] = [
            (indexName, languages, languages.contains("en") ? "en" : languages.first ?? "en"),
        ]
        documents += events.map { ($0.relative, $0.languages.sorted(), $0.pageLanguage) }
        for document in documents {
            for language in document.languages {
                lines.append("  <url>")
                lines.append("    <loc>\(url(language, document.relative))</loc>")
                for other in document.languages {
                    lines.append("    <xhtml:link rel=\"alternate\" hreflang=\"\(other)\" href=\"\(url(other, document.relative))\"/>")
                }
                if document.languages.contains(document.defaultLanguage) {
                    lines.append("    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(url(document.defaultLanguage, document.relative))\"/>")
                }
                lines.append("  </url>")
            }
        }
        lines += ["</urlset>", ""]
        return lines.joined(separator: "\n")
    }

    private func url(_ language: String, _ relative: String) -> String {
        var base = baseURL ?? ""
        if !base.isEmpty, !base.hasSuffix("/") { base += "/" }
        return String(decoding: HTMLEscape.attribute(base + language + "/" + relative), as: UTF8.self)
    }
}
