import Foundation

/// The places outside the units that a build edits, found once by extraction: the
/// `<html>` tag, the head's charset declarations, Open Graph tags and language links,
/// where new head elements go, and the event's first date.
struct PageOutline: Sendable {
    /// The `<html>` start tag, when the page writes one.
    var root: SourceSpan?
    /// The `<html>` tag says `xml:lang`, or `dir="rtl"`.
    var rootHasXMLLang = false
    var rootIsRightToLeft = false
    /// `<meta charset>` and `http-equiv` Content-Type declarations, and the attribute to change in each.
    var charsetDeclarations: [(span: SourceSpan, attribute: String)] = []
    /// The `og:locale` meta, and the last `og:` meta (a new `og:locale` goes after it).
    var openGraphLocale: SourceSpan?
    var lastOpenGraph: SourceSpan?
    /// `<link rel="alternate" hreflang>` already in the head (the build replaces them).
    var alternates: [SourceSpan] = []
    /// `<link rel="canonical">`, whose `href` the build sets to each version's own address.
    var canonical: SourceSpan?
    /// The head's last element (new links go after it, indented like it), or the head's
    /// own span when it is empty.
    var headLastElement: SourceSpan?
    var head: SourceSpan?
    /// Every relative address the page refers to (`src`, `href`, `srcset`, `poster`,
    /// `url()` in styles), with its line: the build checks that each one will resolve.
    var references: [(target: String, line: Int)] = []
    /// The line of the page's `<base href>`, which changes what its relative addresses mean.
    var baseLine: Int?
    var hasBase: Bool { baseLine != nil }
    /// The element marked `data-tolk-languages`, whose content the build replaces with
    /// links to the page's other language versions.
    var switcher: SourceSpan?
    static let switcherAttribute = "data-tolk-languages"
    /// The `datetime` of the page's first `<time>`, and of one after a dash (a range).
    var firstDate: String?
    var firstDateEnd: String?

    init() {}

    init(document: HTMLDocument) {
        let root = document.root
        self.root = root.span
        rootHasXMLLang = root[attribute: "xml:lang"] != nil
        rootIsRightToLeft = root[attribute: "dir"]?.lowercased() == "rtl"
        (firstDate, firstDateEnd) = Self.firstDates(in: root)
        collectReferences(root)
        guard let head = root.children.lazy.compactMap({ node -> HTMLElement? in
            if case let .element(element) = node, element.name == "head" { return element }
            return nil
        }).first else { return }
        self.head = head.span
        for case let .element(element) in head.children {
            if let span = element.span { headLastElement = span }
            guard let span = element.span else { continue }
            switch element.name {
            case "meta":
                if element[attribute: "charset"] != nil {
                    charsetDeclarations.append((span, "charset"))
                } else if element[attribute: "http-equiv"]?.lowercased() == "content-type",
                          element[attribute: "content"]?.lowercased().contains("charset=") == true {
                    charsetDeclarations.append((span, "content"))
                }
                if let property = element[attribute: "property"]?.lowercased(), property.hasPrefix("og:") {
                    lastOpenGraph = span
                    if property == "og:locale", openGraphLocale == nil { openGraphLocale = span }
                }
            case "link":
                let rel = element[attribute: "rel"]?.lowercased()
                if rel == "alternate", element[attribute: "hreflang"] != nil {
                    alternates.append(span)
                } else if rel == "canonical", canonical == nil {
                    canonical = span
                }
            default:
                break
            }
        }
    }

    /// The relative addresses in `element` and below.
    private mutating func collectReferences(_ element: HTMLElement) {
        if element.name == "base", element[attribute: "href"] != nil, baseLine == nil { baseLine = element.line }
        if switcher == nil, element[attribute: Self.switcherAttribute] != nil, element.span?.content != nil { switcher = element.span }
        for attribute in element.attributes {
            switch attribute.name {
            case "src", "href", "poster":
                add(attribute.value, line: element.line)
            case "data" where element.name == "object":
                add(attribute.value, line: element.line)
            case "srcset", "imagesrcset":
                // "a.jpg 1x, b.jpg 2x": each candidate's address is its first word.
                for candidate in attribute.value.split(separator: ",") {
                    if let address = candidate.split(whereSeparator: \.isHTMLWhitespace).first { add(String(address), line: element.line) }
                }
            case "style":
                for address in Self.cssURLs(attribute.value) { add(address, line: element.line) }
            default:
                break
            }
        }
        if element.name == "style" {
            for address in Self.cssURLs(element.textContent) { add(address, line: element.line) }
        }
        for case let .element(child) in element.children { collectReferences(child) }
    }

    private mutating func add(_ address: String, line: Int) {
        let trimmed = address.trimmingHTMLWhitespace()
        guard Self.isRelative(trimmed) else { return }
        references.append((trimmed, line))
    }

    /// True for an address relative to the page: no scheme, not from the site root, not a fragment.
    static func isRelative(_ address: String) -> Bool {
        guard let first = address.first, first != "/", first != "#", first != "?", !address.hasPrefix("{{") else { return false }
        if let colon = address.firstIndex(of: ":") {
            let scheme = address[..<colon]
            if !scheme.isEmpty, scheme.first!.isLetter, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) }) { return false }
        }
        return true
    }

    /// The addresses of `url(…)` in CSS text.
    static func cssURLs(_ css: String) -> [String] {
        var addresses: [String] = []
        var rest = Substring(css)
        while let start = rest.range(of: "url(", options: .caseInsensitive) {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: ")") else { break }
            var address = rest[..<end].trimmingCharacters(in: .whitespaces)
            if let quote = address.first, quote == "\"" || quote == "'", address.count >= 2, address.last == quote {
                address = String(address.dropFirst().dropLast())
            }
            addresses.append(address)
            rest = rest[end...]
        }
        return addresses
    }

    /// The first `<time datetime>` in the page, and a second one after a dash, if any.
    static func firstDates(in element: HTMLElement) -> (String?, String?) {
        let children = element.children
        for (index, node) in children.enumerated() {
            guard case let .element(child) = node else { continue }
            if let datetime = TimeRange.datetime(of: child) {
                let range = TimeRange.at(index, in: children, time: { node -> String? in
                    if case let .element(element) = node { return TimeRange.datetime(of: element) }
                    return nil
                }, text: TimeRange.text(of:))
                return (datetime, range?.1)
            }
            let found = firstDates(in: child)
            if found.0 != nil { return found }
        }
        return (nil, nil)
    }
}
