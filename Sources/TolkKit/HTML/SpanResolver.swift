/// Completes the byte spans of a parsed page from its bytes.
///
/// libxml2 gives reliable start positions for elements with written start tags. Void
/// elements (`img`, `br`, `meta`) it does not record, implied ones (`tbody`, an unclosed
/// `p`'s end) have no tags, and its end positions are not reliable. So, in document order:
/// a void element is the next `<name` after the previous sibling; an element's end tag is
/// the first `</name>` after its last child and before its next sibling. Comments are
/// skipped while searching, since they may hold anything.
struct SpanResolver {
    let bytes: [UInt8]

    /// Resolves `element` and its descendants; returns the offset after the element.
    func resolve(_ element: inout HTMLElement, cursor: Int, limit: Int) -> Int {
        var cursor = cursor
        if element.span == nil, HTMLVocabulary.voidElements.contains(element.name),
           let start = find(Array("<\(element.name)".utf8), from: cursor, limit: limit, asTag: true),
           let startTagEnd = TagScanner.startTagEnd(bytes, at: start, name: element.name) {
            element.span = SourceSpan(start: start, startTagEnd: startTagEnd, endTagStart: nil, end: startTagEnd)
            return startTagEnd
        }
        guard var span = element.span else {
            // Implied by the parser: no tags of its own, only children.
            return resolveChildren(&element.children, cursor: cursor, limit: limit)
        }
        cursor = span.startTagEnd
        if HTMLVocabulary.voidElements.contains(element.name) || (bytes[span.startTagEnd - 2] == UInt8(ascii: "/") && element.children.isEmpty) {
            span.end = span.startTagEnd
            element.span = span
            return span.startTagEnd
        }
        if HTMLVocabulary.rawTextElements.contains(element.name) {
            // Script and style content is not markup: the first end tag closes it.
            if let endTag = findEndTag(element.name, from: cursor, limit: limit, skipComments: false) {
                span.endTagStart = endTag.lowerBound
                span.end = endTag.upperBound
            }
            element.span = span
            return span.end ?? cursor
        }
        cursor = resolveChildren(&element.children, cursor: cursor, limit: limit)
        if let endTag = findEndTag(element.name, from: cursor, limit: limit, skipComments: true) {
            span.endTagStart = endTag.lowerBound
            span.end = endTag.upperBound
            cursor = endTag.upperBound
        }
        element.span = span
        return cursor
    }

    private func resolveChildren(_ children: inout [HTMLNode], cursor: Int, limit: Int) -> Int {
        var cursor = cursor
        for index in children.indices {
            guard case var .element(child) = children[index] else { continue }
            // The next sibling whose start libxml2 recorded bounds this child.
            var childLimit = limit
            for later in children[(index + 1)...] {
                if case let .element(sibling) = later, let start = sibling.span?.start {
                    childLimit = start
                    break
                }
            }
            cursor = resolve(&child, cursor: max(cursor, 0), limit: childLimit)
            children[index] = .element(child)
        }
        return cursor
    }

    /// The range of the first `</name\s*>` in `from..<limit`.
    private func findEndTag(_ name: String, from start: Int, limit: Int, skipComments: Bool) -> Range<Int>? {
        var index = start
        let pattern = Array("</".utf8)
        while let found = find(pattern, from: index, limit: limit, asTag: false, skipComments: skipComments) {
            if TagScanner.matchesName(bytes, at: found + 2, name: name) {
                var end = found + 2 + name.utf8.count
                while end < limit, TagScanner.isSpace(bytes[end]) { end += 1 }
                if end < limit, bytes[end] == UInt8(ascii: ">") { return found..<end + 1 }
            }
            index = found + 2
        }
        return nil
    }

    /// The offset of `pattern` in `from..<limit`, outside comments; with `asTag`, only
    /// where a tag name ends right after it.
    private func find(_ pattern: [UInt8], from start: Int, limit: Int, asTag: Bool, skipComments: Bool = true) -> Int? {
        let limit = min(limit, bytes.count)
        var index = start
        while index + pattern.count <= limit {
            if skipComments, bytes[index] == UInt8(ascii: "<"), index + 3 < limit,
               bytes[index + 1] == UInt8(ascii: "!"), bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
                index = commentEnd(after: index + 4, limit: limit)
                continue
            }
            if matches(pattern, at: index) {
                if !asTag { return index }
                let after = index + pattern.count
                if after == bytes.count || TagScanner.isSpace(bytes[after]) || bytes[after] == UInt8(ascii: ">") || bytes[after] == UInt8(ascii: "/") {
                    return index
                }
            }
            index += 1
        }
        return nil
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        for (offset, byte) in pattern.enumerated() {
            var candidate = bytes[index + offset]
            if candidate >= 0x41 && candidate <= 0x5A { candidate += 0x20 }
            if candidate != byte { return false }
        }
        return true
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
}
