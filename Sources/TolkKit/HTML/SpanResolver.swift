/// Finds where each element of a parsed page is in the page's bytes.
///
/// The start tags written in the page (`PageScan` read them from the bytes in order) are matched to libxml2's elements
/// in document order: an element takes the next written start tag of its name. Elements
/// libxml2 implies (`html`, `head`, `body`, `tbody`, a `p` around stray text) take one only
/// if it is the very next tag; start tags libxml2 dropped (a second `<body>`) stay unmatched.
/// End tags are then found after each element's last child and before its next sibling.
struct SpanResolver {
    let bytes: [UInt8]

    /// Elements libxml2 creates without a start tag when the page leaves them out.
    static let impliable: Set<String> = ["html", "head", "body", "tbody", "p"]

    typealias StartTag = PageScan.StartTag

    /// Matches the start tags `PageScan` found in `bytes` to the elements of `root`.
    func resolve(_ root: inout HTMLElement, startTags: [StartTag]) {
        var tags = startTags[...]
        assignStarts(&root, tags: &tags)
        _ = resolveEnds(&root, cursor: 0, limit: bytes.count)
    }

    /// Gives `element` and its descendants the start tags written for them.
    private func assignStarts(_ element: inout HTMLElement, tags: inout ArraySlice<StartTag>) {
        if Self.impliable.contains(element.name) {
            if let next = tags.first, isNamed(next, element.name) {
                element.span = SourceSpan(start: next.start, startTagEnd: next.end, endTagStart: nil, end: nil)
                tags = tags.dropFirst()
            }
        } else if let index = tags.firstIndex(where: { isNamed($0, element.name) }) {
            let tag = tags[index]
            element.span = SourceSpan(start: tag.start, startTagEnd: tag.end, endTagStart: nil, end: nil)
            tags = tags[(index + 1)...]
        }
        for index in element.children.indices {
            guard case var .element(child) = element.children[index] else { continue }
            assignStarts(&child, tags: &tags)
            element.children[index] = .element(child)
        }
    }

    /// True when `tag` is written with `name` (lowercase ASCII), in any case.
    private func isNamed(_ tag: StartTag, _ name: String) -> Bool {
        tag.name.count == name.utf8.count && TagScanner.matchesName(bytes, at: tag.name.lowerBound, name: name)
    }

    // MARK: End tags

    /// Finds end tags for `element` and its descendants; returns the offset after the element.
    private func resolveEnds(_ element: inout HTMLElement, cursor: Int, limit: Int) -> Int {
        guard var span = element.span else {
            return resolveChildren(&element.children, cursor: cursor, limit: limit)
        }
        if HTMLVocabulary.voidElements.contains(element.name)
            || (bytes[span.startTagEnd - 2] == UInt8(ascii: "/") && element.children.isEmpty) {
            span.end = span.startTagEnd
            element.span = span
            return span.startTagEnd
        }
        var position = span.startTagEnd
        if element.name == "script" || element.name == "style" {
            let endTag = findEndTag(element.name, from: position, limit: limit, skipComments: false)
            span.endTagStart = endTag?.lowerBound
            span.end = endTag?.upperBound
            element.span = span
            return span.end ?? position
        }
        position = resolveChildren(&element.children, cursor: position, limit: limit)
        if let endTag = findEndTag(element.name, from: position, limit: limit, skipComments: true) {
            span.endTagStart = endTag.lowerBound
            span.end = endTag.upperBound
            position = endTag.upperBound
        }
        element.span = span
        return position
    }

    private func resolveChildren(_ children: inout [HTMLNode], cursor: Int, limit: Int) -> Int {
        var cursor = cursor
        for index in children.indices {
            guard case var .element(child) = children[index] else { continue }
            // The next sibling's start tag bounds this child's end tag.
            var childLimit = limit
            for later in children[(index + 1)...] {
                if case let .element(sibling) = later, let start = sibling.span?.start {
                    childLimit = start
                    break
                }
            }
            if let start = child.span?.start { cursor = max(cursor, start) }
            cursor = resolveEnds(&child, cursor: cursor, limit: childLimit)
            children[index] = .element(child)
        }
        return cursor
    }

    // MARK: Scanning

    private func findEndTag(_ name: String, from start: Int, limit: Int, skipComments: Bool) -> Range<Int>? {
        PageScan.endTag(name, from: start, limit: limit, skipComments: skipComments, in: bytes)
    }
}
