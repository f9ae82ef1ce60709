/// A page built in one language, in memory.
public struct BuiltPage: Sendable {
    /// The page in the language: the source with only its translated text changed.
    public var html: String
    /// Segments for translators, and how many of them the catalogue translated.
    public var segments: Int
    public var translated: Int
    /// Translations not used, and why.
    public var diagnostics: [Diagnostic]
}

extension PageExtraction {
    /// This page in `language`, translated by `catalog` (what `tolk build` writes to
    /// `Output/LL/`, without the links to other languages, which need the whole site).
    /// The page's own language, or no catalogue, gives the page as written.
    ///
    /// - Parameter catalogPath: the catalogue's path, for diagnostics.
    public func built(in language: String, catalog: POCatalog?, catalogPath: String = "catalogue") -> BuiltPage {
        // No catalogue for another language: nothing is translated (not "all of it").
        let table = TranslationTable(catalog: catalog ?? POCatalog(), path: catalogPath)
        let output = PageBuilder(page: self, source: Array(text.utf8), language: language, table: table, alternates: []).build()
        return BuiltPage(html: String(decoding: output.bytes, as: UTF8.self), segments: output.segments,
                         translated: output.translated, diagnostics: output.diagnostics)
    }
}

/// Builds one page in one language by splicing translations into the page's own bytes.
///
/// Only what is translated changes: the doctype, scripts, styles, comments, whitespace,
/// entities in untouched text, attribute order and quoting are copied byte for byte.
struct PageBuilder {
    let page: PageExtraction
    let source: [UInt8]
    /// The language to build; the page's own language means "as written".
    let language: String
    /// The catalogue for `language`; nil when building the page's own language.
    let table: TranslationTable?
    /// `hreflang` alternates to link from the page's head (language, href).
    let alternates: [(language: String, href: String)]
    /// The locale whose formats dates take (`en-GB` for a British site's English), and
    /// whose region `og:locale` names; the language itself by default.
    var locale: String?
    /// The links of the language switcher (`data-tolk-languages`): every written version.
    var switcher: [(language: String, href: String)] = []
    /// This version's own absolute address, for `<link rel="canonical">` (with a base URL).
    var canonical: String?
    /// `tolk serve`'s review view: each segment wrapped with its state (never in Output/).
    var review = false
    /// The zone event times are given in, and the language's readers' own (`tolk.toml`).
    var siteZone: String?
    var audienceZone: String?

    /// What became of one page.
    struct Output {
        var bytes: [UInt8]
        var segments = 0
        var translated = 0
        var diagnostics: [Diagnostic] = []

        var fallbacks: Int { segments - translated }
        var completion: Double { segments == 0 ? 1 : Double(translated) / Double(segments) }
    }

    private var isTranslation: Bool { !LanguageTag.sameLanguage(language, page.language) }

    func build() -> Output {
        var edits = ByteEdits()
        var output = Output(bytes: [])
        var dates = DateRenderer(sourceLocale: page.language, locale: locale ?? language)
        dates.siteZone = siteZone
        dates.audienceZone = audienceZone
        output.segments = page.segments.count
        if isTranslation, let table {
            // Attributes first: a translated alt or title inside a rebuilt paragraph is
            // applied to the tag as the paragraph is written.
            var attributeEdits = ByteEdits()
            var contentEdits = ByteEdits()
            for segmented in page.units {
                var unitBuilder = UnitBuilder(unit: segmented.unit, segments: segmented.segments, source: source,
                                              table: table, sourceLanguage: page.language, dates: dates, page: page.path)
                if case .attribute = segmented.unit.kind {
                    unitBuilder.build(into: &attributeEdits)
                    output.translated += unitBuilder.translated
                    output.diagnostics += unitBuilder.diagnostics
                }
            }
            // Units ITS nests in others (`withinText="nested"`) first, innermost first: they
            // join the attributes as edits inside the unit around them, which copies them.
            let nested = page.units.contains { $0.unit.nesting > 0 }
            for segmented in nested ? page.units.sorted(by: { $0.unit.nesting > $1.unit.nesting }) : page.units {
                guard case .content = segmented.unit.kind else { continue }
                var unitBuilder = UnitBuilder(unit: segmented.unit, segments: segmented.segments, source: source,
                                              table: table, sourceLanguage: page.language, dates: dates, page: page.path,
                                              attributeEdits: attributeEdits, review: review)
                if segmented.unit.nesting > 0 {
                    unitBuilder.build(into: &attributeEdits)
                } else {
                    unitBuilder.build(into: &contentEdits)
                }
                output.translated += unitBuilder.translated
                output.diagnostics += unitBuilder.diagnostics
            }
            // An inner edit a rebuilt unit (or a rebuilt nested unit) around it already copied is not applied twice.
            let rebuilt = contentEdits.edits.map(\.range).filter { !$0.isEmpty }
            let inner = nested ? attributeEdits.edits.map(\.range).filter { !$0.isEmpty } : []
            edits.append(contentEdits)
            edits.append(attributeEdits) { edit in
                !rebuilt.contains { $0.overlaps(edit.range) || $0.contains(edit.range.lowerBound) }
                    && !inner.contains { $0 != edit.range && $0.lowerBound <= edit.range.lowerBound && edit.range.upperBound <= $0.upperBound }
            }
        } else {
            output.translated = output.segments
        }
        if isTranslation {
            setDocumentLanguage(&edits)
            setOpenGraphLocale(&edits)
            renderTimesOutsideUnits(&edits, dates: dates)
        }
        addAlternates(&edits)
        fillSwitcher(&edits)
        // Said once, with the page in its own language: the relative links Tolk writes
        // resolve against the page's <base href>, not against the page.
        if !isTranslation, let line = outline.baseLine, outline.switcher != nil, switcher.count > 1 {
            output.diagnostics.append(Diagnostic(.baseHref, severity: .warning, file: page.path, line: line,
                message: "the page sets <base href>, so the language switcher's relative links resolve against it and lead "
                    + "elsewhere than the page's other language versions",
                fix: "remove <base href> from the page, or write its links without it"))
        }
        if page.legacyCharset != nil, !edits.edits.isEmpty { declareUTF8(&edits) }
        let (bytes, dropped) = edits.apply(to: source)
        if dropped > 0 {
            output.diagnostics.append(Diagnostic(.overlappingEdits, severity: .warning, file: page.path,
                                                 message: "\(dropped) overlapping change(s) skipped while building \(language)"))
        }
        output.bytes = bytes
        return output
    }

    // MARK: Times

    /// Renders the `<time datetime>` elements no unit holds (a line of dates alone), as
    /// extraction found them: every date on a translated page is in its language.
    private func renderTimesOutsideUnits(_ edits: inout ByteEdits, dates: DateRenderer) {
        for time in page.standaloneTimes {
            if let end = time.end,
               let range = dates.renderRange((time.datetime, time.original), (end.datetime, end.original)) {
                edits.replace(time.content, with: HTMLEscape.text(range.first))
                edits.replace(end.between, with: HTMLEscape.text(range.separator))
                edits.replace(end.content, with: HTMLEscape.text(range.second))
                let other = dates.inAudienceZone(time.datetime, to: end.datetime, original: time.original + " " + end.original)
                if !other.isEmpty { edits.insert(HTMLEscape.text(other), at: end.elementEnd) }
            } else {
                // Not a range ICU can render (an end before its start): each date on its own.
                if let text = dates.render(time.datetime, original: time.original) {
                    edits.replace(time.content, with: HTMLEscape.text(text))
                    let other = dates.inAudienceZone(time.datetime, original: time.original)
                    if !other.isEmpty { edits.insert(HTMLEscape.text(other), at: time.elementEnd) }
                }
                if let end = time.end, let text = dates.render(end.datetime, original: end.original) {
                    edits.replace(end.content, with: HTMLEscape.text(text))
                    let other = dates.inAudienceZone(end.datetime, original: end.original)
                    if !other.isEmpty { edits.insert(HTMLEscape.text(other), at: end.elementEnd) }
                }
            }
        }
    }

    // MARK: The document

    /// A page read from a legacy charset is written as UTF-8: its `<meta charset>` or
    /// `http-equiv` declaration is changed to say so.
    private func declareUTF8(_ edits: inout ByteEdits) {
        for (span, attribute) in outline.charsetDeclarations {
            Attributes.set(attribute, to: attribute == "charset" ? "utf-8" : "text/html; charset=utf-8", on: span, in: source, edits: &edits)
        }
    }

    /// An XHTML page (`.xhtml`, served as XML) must stay well-formed XML: empty elements
    /// Tolk adds end in `/>`, and `xml:lang` follows `lang`.
    private var isXML: Bool { page.path.lowercased().hasSuffix(".xhtml") }

    private var emptyTagEnd: String { isXML ? " />" : ">" }

    /// Where extraction found the places a build edits outside units.
    private var outline: PageOutline { page.outline ?? PageOutline() }

    private func setDocumentLanguage(_ edits: inout ByteEdits) {
        guard let span = outline.root else { return }
        Attributes.set("lang", to: language, on: span, in: source, edits: &edits)
        if isXML || outline.rootHasXMLLang {
            Attributes.set("xml:lang", to: language, on: span, in: source, edits: &edits)
        }
        if ICUFormat.isRightToLeft(language) {
            Attributes.set("dir", to: "rtl", on: span, in: source, edits: &edits)
        } else if outline.rootIsRightToLeft {
            Attributes.set("dir", to: "ltr", on: span, in: source, edits: &edits)
        }
    }

    /// `og:locale` follows the language on pages that use Open Graph.
    private func setOpenGraphLocale(_ edits: inout ByteEdits) {
        let region = ICUFormat.likelyRegion(locale ?? language).map { "_" + $0 } ?? ""
        let value = LanguageTag.primary(language) + region
        if let existing = outline.openGraphLocale {
            Attributes.set("content", to: value, on: existing, in: source, edits: &edits)
        } else if let last = outline.lastOpenGraph, let end = last.end {
            let line = "\n" + indentation(before: last.start) + "<meta property=\"og:locale\" content=\"\(value)\"\(emptyTagEnd)"
            edits.insert(Array(line.utf8), at: end)
        }
    }

    /// The element marked `data-tolk-languages` gets a list of the page's language versions,
    /// each named in its own language, this one marked as the current page.
    private func fillSwitcher(_ edits: inout ByteEdits) {
        guard let span = outline.switcher, let content = span.content, switcher.count > 1 else { return }
        var html = "<ul class=\"languages\">"
        for version in switcher {
            let href = HTMLEscape.escaped(version.href)
            let name = String(decoding: HTMLEscape.text(LanguageTag.displayName(version.language)), as: UTF8.self)
            let current = LanguageTag.sameLanguage(version.language, language) ? " aria-current=\"page\"" : ""
            html += "<li><a href=\"\(href)\" hreflang=\"\(version.language)\"\(LanguageMarkup.attributes(for: version.language, inPageOf: language))\(current)>\(name)</a></li>"
        }
        edits.replace(content, with: Array((html + "</ul>").utf8))
    }

    /// `<link rel="canonical">` (this version's own address) and `<link rel="alternate"
    /// hreflang>` for every language version, before `</head>`.
    private func addAlternates(_ edits: inout ByteEdits) {
        var canonicalLine = ""
        if let canonical {
            if let existing = outline.canonical {
                Attributes.set("href", to: canonical, on: existing, in: source, edits: &edits)
            } else {
                canonicalLine = "<link rel=\"canonical\" href=\"\(HTMLEscape.escaped(canonical))\"\(emptyTagEnd)"
            }
        }
        guard !alternates.isEmpty || !canonicalLine.isEmpty, let head = outline.head else { return }
        for span in outline.alternates {
            if let end = span.end { edits.replace(span.start..<end, with: []) }
        }
        let lastChild = outline.headLastElement
        guard let anchor = lastChild?.end ?? head.endTagStart else { return }
        let indent = lastChild.map { indentation(before: $0.start) } ?? "  "
        var text = canonicalLine.isEmpty ? "" : "\n\(indent)" + canonicalLine
        for alternate in alternates {
            let href = HTMLEscape.escaped(alternate.href)
            text += "\n\(indent)<link rel=\"alternate\" hreflang=\"\(alternate.language)\" href=\"\(href)\"\(emptyTagEnd)"
        }
        edits.insert(Array(text.utf8), at: anchor)
    }

    /// The whitespace between the start of the line and `offset`, when only whitespace.
    private func indentation(before offset: Int) -> String {
        var start = offset
        while start > 0, source[start - 1] == UInt8(ascii: " ") || source[start - 1] == UInt8(ascii: "\t") { start -= 1 }
        return String(decoding: source[start..<offset], as: UTF8.self)
    }
}

/// Reading and setting attributes in a start tag's bytes.
enum Attributes {
    /// Sets `name` to `value` on the element whose start tag `span` locates: replaces the
    /// value in place (keeping the quote style) or adds the attribute before `>`.
    static func set(_ name: String, to value: String, on span: SourceSpan, in source: [UInt8], edits: inout ByteEdits) {
        let tag = span.start..<span.startTagEnd
        if let attribute = TagScanner.attributes(source, in: tag).first(where: { $0.name == name }) {
            if let valueRange = attribute.valueRange, let quote = attribute.quote {
                edits.replace(valueRange, with: HTMLEscape.attribute(value, quote: quote))
            } else {
                edits.replace(attribute.range, with: Array("\(name)=\"".utf8) + HTMLEscape.attribute(value) + [UInt8(ascii: "\"")])
            }
        } else {
            var insertAt = span.startTagEnd - 1
            if insertAt > span.start, source[insertAt - 1] == UInt8(ascii: "/") { insertAt -= 1 }
            while insertAt > span.start, TagScanner.isSpace(source[insertAt - 1]) { insertAt -= 1 }
            edits.insert(Array(" \(name)=\"".utf8) + HTMLEscape.attribute(value) + [UInt8(ascii: "\"")], at: insertAt)
        }
    }
}
