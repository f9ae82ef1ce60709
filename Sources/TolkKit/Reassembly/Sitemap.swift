/// `Output/sitemap.xml`: every page in every language, with its `hreflang` alternates, in
/// the form search engines read (sitemaps.org with xhtml:link). The protocol allows only
/// absolute URLs, so there is a sitemap only with a base URL; past 50,000 URLs it is split
/// into `sitemap-N.xml` files listed by a sitemap index.
struct Sitemap {
    let events: [EventSummary]
    let indexName: String
    let languages: [String]
    let links: SiteLinks
    /// The protocol's limit of URLs per sitemap file.
    var maximumURLs = 50_000

    /// The files to write (paths under `Output/`) and their XML; none without a base URL.
    func files() -> [(path: String, xml: String)] {
        guard let base = links.baseURL else { return [] }
        var entries: [String] = []
        // The language chooser at the root, then each language's index, then the pages.
        let root = HTMLEscape.escaped(base + "index.html")
        entries.append("  <url>\n    <loc>\(root)</loc>\n  </url>\n")
        var documents: [(relative: String, languages: [String], xDefault: String?)] = [(indexName, languages, root)]
        documents += events.map { event in
            let languages = event.languages.sorted()
            let fallback = links.defaultVersion(among: languages, pageLanguage: event.pageLanguage)
            return (event.relative, languages, HTMLEscape.escaped(links.href(to: event.relative, in: fallback, from: event.relative)))
        }
        for document in documents {
            let urls = Dictionary(uniqueKeysWithValues: document.languages.map { language in
                (language, HTMLEscape.escaped(links.href(to: document.relative, in: language, from: document.relative)))
            })
            for language in document.languages {
                var entry = "  <url>\n    <loc>\(urls[language]!)</loc>\n"
                for other in document.languages {
                    entry += "    <xhtml:link rel=\"alternate\" hreflang=\"\(other)\" href=\"\(urls[other]!)\"/>\n"
                }
                if let fallback = document.xDefault {
                    entry += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(fallback)\"/>\n"
                }
                entries.append(entry + "  </url>\n")
            }
        }
        let header = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        guard entries.count > maximumURLs else { return [("Output/sitemap.xml", header + entries.joined() + "</urlset>\n")] }
        var files: [(path: String, xml: String)] = []
        var index = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        for (number, start) in stride(from: 0, to: entries.count, by: maximumURLs).enumerated() {
            let name = "sitemap-\(number + 1).xml"
            files.append(("Output/\(name)", header + entries[start..<min(start + maximumURLs, entries.count)].joined() + "</urlset>\n"))
            index += "  <sitemap>\n    <loc>\(HTMLEscape.escaped(base + name))</loc>\n  </sitemap>\n"
        }
        return [("Output/sitemap.xml", index + "</sitemapindex>\n")] + files
    }
}
