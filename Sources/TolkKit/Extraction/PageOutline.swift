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

    /// The first `<time datetime>` in the page, and a second one after a dash, if any.
    static func firstDates(in element: HTMLElement) -> (String?, String?) {
        let children = element.children
        for (index, node) in children.enumerated() {
            guard case let .element(child) = node else { continue }
            if child.name == "time", let datetime = child[attribute: "datetime"], MachineDate(datetime) != nil {
                if index + 2 < children.count, case let .text(between) = children[index + 1],
                   MachineDate.isRangeSeparator(between),
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
}
