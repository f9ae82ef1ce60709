import Foundation

/// The progress report people look at: per language and per page, a bar of translated,
/// fuzzy and missing segments (and words), and what `tolk check` found, grouped by page.
///
/// One HTML file with its styles inside and no JavaScript: `tolk stats --format html`
/// writes it (a CI artifact), `tolk serve` shows it at `/_tolk/` with links to each page's
/// review view. The bars are SVG drawn here; each part has a pattern of its own and its
/// number written next to it, so nothing depends on telling colours apart.
public struct HTMLReport: Sendable {
    public var stats: TranslationStats
    /// `tolk check`'s findings; those with a page (`sourceFile`) are listed under it.
    public var findings: [Diagnostic]
    /// When the figures were made (the build's time in `tolk serve`).
    public var time: Date
    /// The address of a page's review view in `language`, when there is one (`tolk serve`).
    public var reviewLink: (@Sendable (_ page: String, _ language: String) -> String?)?

    /// The time a report names: `SOURCE_DATE_EPOCH` (seconds since 1970, the
    /// reproducible-builds convention) when it is set to a number, else now.
    public static func time(sourceDateEpoch: String?) -> Date {
        guard let seconds = sourceDateEpoch.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else { return Date() }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    public init(stats: TranslationStats, findings: [Diagnostic] = [], time: Date = Date(),
                reviewLink: (@Sendable (_ page: String, _ language: String) -> String?)? = nil) {
        self.stats = stats
        self.findings = findings
        self.time = time
        self.reviewLink = reviewLink
    }

    public func html() -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Translation progress</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <h1>Translation progress</h1>
            <p class="time">Figures of <time datetime="\(Self.isoTime(time))">\(Self.readableTime(time))</time>.
            Translated is what the build publishes; fuzzy waits for a translator's look; missing has no usable translation.</p>
            \(Self.legend)

            """
        let languages = stats.rows.filter { $0.page == nil }
        for total in languages {
            let language = total.language
            html += "<section aria-labelledby=\"lang-\(Self.escape(language))\">\n"
            html += "<h2 id=\"lang-\(Self.escape(language))\">\(Self.escape(Self.languageName(language))) (\(Self.escape(language)))</h2>\n"
            html += "<div class=\"total\" data-language=\"\(Self.escape(language))\">\n"
            html += Self.bar(total.counts, label: "All pages in \(language)") + "\n"
            html += "<p class=\"figures\">" + Self.figures(total.counts) + "</p>\n</div>\n"
            html += "<table>\n<thead><tr><th scope=\"col\">Page</th><th scope=\"col\">Segments</th><th scope=\"col\">Words</th><th scope=\"col\">Findings</th></tr></thead>\n<tbody>\n"
            for row in stats.rows where row.language == language && row.page != nil {
                let page = row.page!
                let pageFindings = findings.filter { $0.sourceFile == page && ($0.locale.map { LanguageTag.sameLanguage($0, language) } ?? true) }
                let name = reviewLink?(page, language).map { "<a href=\"\(Self.escape($0))\">\(Self.escape(page))</a>" } ?? Self.escape(page)
                html += "<tr data-page=\"\(Self.escape(page))\"><th scope=\"row\">\(name)</th>"
                html += "<td>\(Self.bar(row.counts, label: "\(page) in \(language)"))<span class=\"figures\">\(Self.figures(row.counts))</span></td>"
                html += "<td class=\"number\">\(row.counts.translatedWords) of \(row.counts.words)</td>"
                html += "<td class=\"number\">\(pageFindings.isEmpty ? "none" : String(pageFindings.count))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
            let listed = findings.filter { finding in finding.locale.map { LanguageTag.sameLanguage($0, language) } ?? false }
            if !listed.isEmpty {
                html += "<h3>What the check found</h3>\n"
                let byPage = Dictionary(grouping: listed) { $0.sourceFile ?? $0.file }
                for page in byPage.keys.sorted() {
                    let link = reviewLink?(page, language).map { " <a href=\"\(Self.escape($0))\">review</a>" } ?? ""
                    html += "<h4>\(Self.escape(page))\(link)</h4>\n<ul class=\"findings\">\n"
                    for finding in byPage[page]!.sorted(by: { ($0.sourceLine ?? $0.line, $0.rule) < ($1.sourceLine ?? $1.line, $1.rule) }) {
                        let place = finding.line > 0 ? "\(finding.file):\(finding.line)" : finding.file
                        html += "<li class=\"\(finding.severity.rawValue)\"><strong>\(finding.severity.rawValue)</strong> "
                            + "<code>\(Self.escape(finding.rule))</code> \(Self.escape(finding.message))"
                            + (finding.msgid.map { " — <q>\(Self.escape($0))</q>" } ?? "")
                            + " <span class=\"place\">(\(Self.escape(place)))</span></li>\n"
                    }
                    html += "</ul>\n"
                }
            }
            html += "</section>\n"
        }
        if languages.isEmpty {
            html += "<p>No catalogue yet: start one with <code>tolk extract --locale de</code>.</p>\n"
        }
        html += "</body>\n</html>\n"
        return html
    }

    /// "12 of 15 segments translated (80%), 1 fuzzy, 2 missing".
    static func figures(_ counts: TranslationStats.Counts) -> String {
        "<span class=\"translated\">\(counts.translated) of \(counts.segments) segments translated (\(String(format: "%.0f", counts.percent))%)</span>, "
            + "<span class=\"fuzzy\">\(counts.fuzzy) fuzzy</span>, <span class=\"missing\">\(counts.missing) missing</span>"
    }

    /// A bar of the three parts, each with its own pattern and a title a screen reader reads.
    static func bar(_ counts: TranslationStats.Counts, label: String) -> String {
        let width = 300.0
        let total = max(counts.segments, 1)
        var x = 0.0
        var parts = ""
        for (name, value) in [("translated", counts.translated), ("fuzzy", counts.fuzzy), ("missing", counts.missing)] where value > 0 {
            let w = width * Double(value) / Double(total)
            parts += "<rect class=\"\(name)\" x=\"\(String(format: "%.1f", x))\" y=\"0\" width=\"\(String(format: "%.1f", w))\" height=\"18\" "
                + "fill=\"url(#\(name))\" data-count=\"\(value)\"><title>\(value) \(name)</title></rect>"
            x += w
        }
        return "<svg class=\"bar\" role=\"img\" width=\"\(Int(width))\" height=\"18\" viewBox=\"0 0 \(Int(width)) 18\" "
            + "aria-label=\"\(escape(label)): \(counts.translated) translated, \(counts.fuzzy) fuzzy, \(counts.missing) missing\">"
            + "\(parts)<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"18\" fill=\"none\" stroke=\"#333\"/></svg>"
    }

    /// The patterns the bars use (solid, stripes, dots), once per page, and what they mean.
    static let legend = """
        <svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs id="patterns">
        <pattern id="translated" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#2e7d32"/></pattern>
        <pattern id="fuzzy" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff3c4"/><rect width="3" height="6" fill="#b58900"/></pattern>
        <pattern id="missing" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/><circle cx="3" cy="3" r="1.4" fill="#c62828"/></pattern>
        </defs></svg>
        <ul class="legend">
        <li><svg width="18" height="12" aria-hidden="true"><rect width="18" height="12" fill="url(#translated)" stroke="#333"/></svg> translated (solid)</li>
        <li><svg width="18" height="12" aria-hidden="true"><rect width="18" height="12" fill="url(#fuzzy)" stroke="#333"/></svg> fuzzy (stripes)</li>
        <li><svg width="18" height="12" aria-hidden="true"><rect width="18" height="12" fill="url(#missing)" stroke="#333"/></svg> missing (dots)</li>
        </ul>
        """

    static let style = """
        body{font:16px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #ddd;vertical-align:middle}
        td.number{text-align:right;white-space:nowrap}.bar{vertical-align:middle;margin-right:.5rem}.figures{font-size:.9rem}
        .legend{list-style:none;padding:0;display:flex;gap:1.5rem}.legend svg{vertical-align:middle}
        .findings li{margin:.2rem 0}.findings .error strong{color:#b00020}.place{color:#555;font-size:.85rem}.time{color:#444}
        """

    static func escape(_ text: String) -> String { HTMLEscape.escaped(text) }

    static func languageName(_ code: String) -> String {
        Locale(identifier: "en").localizedString(forIdentifier: code) ?? code
    }

    static func isoTime(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func readableTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "d MMMM yyyy, HH:mm:ss zzz"
        return formatter.string(from: date)
    }
}
