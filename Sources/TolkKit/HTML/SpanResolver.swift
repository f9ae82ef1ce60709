/// Finds where each element of a parsed page is in the page's bytes.
///
/// The start tags written in the page are read from the bytes in order (comments,
/// doctype, end tags and script/style content skipped) and matched to libxml2's elements
/// in document order: an element takes the next written start tag of its name. Elements
/// libxml2 implies (`html`, `head`, `body`, `tbody`, a `p` around stray text) take one only
/// if it is the very next tag; start tags libxml2 dropped (a second `<body>`) stay unmatched.
/// End tags are then found after each element's last child and before its next sibling.
struct SpanResolver {
    let bytes: [UInt8]

    /// Elements libxml2 creates without a start tag when the page leaves them out.
    static let impliable: Set<String> = ["html", "head", "body", "tbody", "p"]

    struct StartTag {
        var name: String
        var start: Int
        var end: Int
    }

    func resolve(_ root: inout HTMLElement) {
        var tags = startTags()[...]
        assignStarts(&root, tags: &tags)
        _ = resolveEnds(&root, cursor: 0, limit: bytes.count)
    }

    // MARK: Start tags

    /// Every start tag written in the page, in order.
    func startTags() -> [StartTag] {
        var tags: [StartTag] = []
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < count else { index += 1; continue }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") {
                if index + 3 < count, bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
                    index = commentEnd(after: index + 4, limit: count)
                } else {
                    index = (firstIndex(of: UInt8(ascii: ">"), from: index + 2) ?? count - 1) + 1
                }
                continue
            }
            guard isASCIILetter(next) else { index += 1; continue }
            var nameEnd = index + 1
            while nameEnd < count, !TagScanner.isSpace(bytes[nameEnd]), bytes[nameEnd] != UInt8(ascii: ">"), bytes[nameEnd] != UInt8(ascii: "/") {
                nameEnd += 1
            }
            let name = String(decoding: bytes[(index + 1)..<nameEnd], as: UTF8.self).lowercased()
            guard let end = TagScanner.startTagEnd(bytes, at: index, name: name) else { index += 1; continue }
            tags.append(StartTag(name: name, start: index, end: end))
            index = end
            if name == "script" || name == "style" {
                // Raw text: nothing inside is a tag, up to the first end tag.
                index = findEndTag(name, from: index, limit: count, skipComments: false)?.lowerBound ?? count
            }
        }
        return tags
    }

    /// Gives `element` and its descendants the start tags written for them.
    private func assignStarts(_ element: inout HTMLElement, tags: inout ArraySlice<StartTag>) {
        if Self.impliable.contains(element.name) {
            if let next = tags.first, next.name == element.name {
                element.span = SourceSpan(start: next.start, startTagEnd: next.end, endTagStart: nil, end: nil)
                tags = tags.dropFirst()
            }
        } else if let index = tags.firstIndex(where: { $0.name == element.name }) {
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

    /// The range of the first `</name\s*>` in `from..<limit`.
    private func findEndTag(_ name: String, from start: Int, limit: Int, skipComments: Bool) -> Range<Int>? {
        let limit = min(limit, bytes.count)
        var index = start
        while index + 1 < limit {
            if skipComments, bytes[index] == UInt8(ascii: "<"), index + 3 < limit, bytes[index + 1] == UInt8(ascii: "!"),
               bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
                index = commentEnd(after: index + 4, limit: limit)
                continue
            }
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/"),
               TagScanner.matchesName(bytes, at: index + 2, name: name) {
                var end = index + 2 + name.utf8.count
                while end < limit, TagScanner.isSpace(bytes[end]) { end += 1 }
                if end < limit, bytes[end] == UInt8(ascii: ">") { return index..<end + 1 }
            }
            index += 1
        }
        return nil
    }

    private func commentEnd(after start: Int, limit: Int) -> Int {
        var index = start
        while index + 2 < limit {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] == UInt8(ascii: ">") {
                return index + 3
            }
            index += 1
        }
        return limit
    }

    private func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
