/// A `<time datetime>` that no unit holds (a line of dates alone), which the build
/// renders in each page language. Found by extraction with the same scope resolver as
/// the units: a time under `translate="no"` or in another language is not one.
public struct StandaloneTime: Sendable, Equatable {
    public var datetime: String
    /// The text the author wrote, which says which parts of the date to show.
    public var original: String
    /// The element's content in the page's bytes.
    public var content: Range<Int>
    /// Where the element ends (after `</time>`): what is said about the time in another
    /// zone goes there, outside the element, whose `datetime` it does not describe.
    public var elementEnd: Int
    /// The time this one forms a range with ("10:00–12:00"), and the bytes between them.
    public var end: End?

    public struct End: Sendable, Equatable {
        public var datetime: String
        public var original: String
        public var content: Range<Int>
        public var between: Range<Int>
        public var elementEnd: Int
    }

    /// The standalone times of `document`, outside the byte ranges of `units`.
    static func find(in document: HTMLDocument, pageLanguage: String, units: [Range<Int>], text: String) -> [StandaloneTime] {
        // Most pages have no <time> at all: no walk for them.
        guard text.utf8.containsSubsequence(Array("<time".utf8), caseInsensitive: true) else { return [] }
        var times: [StandaloneTime] = []
        func inUnit(_ span: SourceSpan) -> Bool { units.contains { $0.contains(span.start) } }
        func walk(_ element: HTMLElement, scope: UnitExtractor.Scope) {
            guard !UnitExtractor.isProtected(scope, pageLanguage: pageLanguage) else { return }
            let children = element.children
            var index = 0
            while index < children.count {
                defer { index += 1 }
                guard case let .element(child) = children[index] else { continue }
                let childScope = UnitExtractor.scope(for: child, inheriting: scope)
                guard child.name == "time", let datetime = child[attribute: "datetime"], let span = child.span,
                      let content = span.content, !inUnit(span), !UnitExtractor.isProtected(childScope, pageLanguage: pageLanguage)
                else {
                    walk(child, scope: childScope)
                    continue
                }
                var time = StandaloneTime(datetime: datetime, original: child.textContent, content: content,
                                          elementEnd: span.end ?? content.upperBound)
                // Two times joined by a dash are a range, which ICU renders as one.
                let range = TimeRange.at(index, in: children, time: { node -> HTMLElement? in
                    guard case let .element(element) = node, TimeRange.datetime(of: element) != nil,
                          !UnitExtractor.isProtected(UnitExtractor.scope(for: element, inheriting: scope), pageLanguage: pageLanguage)
                    else { return nil }
                    return element
                }, text: TimeRange.text(of:))
                if let next = range?.1, let nextDatetime = next[attribute: "datetime"], let nextSpan = next.span,
                   let nextContent = nextSpan.content, let end = span.end {
                    time.end = End(datetime: nextDatetime, original: next.textContent, content: nextContent, between: end..<nextSpan.start,
                                   elementEnd: nextSpan.end ?? nextContent.upperBound)
                    index += 2
                }
                times.append(time)
            }
        }
        let root = document.root
        walk(root, scope: UnitExtractor.scope(for: root, inheriting: UnitExtractor.Scope(language: document.declaredLanguage ?? pageLanguage)))
        return times
    }
}

extension String.UTF8View {
    /// True when `needle` (ASCII, lowercase when `caseInsensitive`) occurs in the bytes.
    func containsSubsequence(_ needle: [UInt8], caseInsensitive: Bool) -> Bool {
        guard let first = needle.first else { return true }
        var index = startIndex
        while let found = self[index...].firstIndex(of: first) {
            var probe = self.index(after: found)
            var matched = 1
            while matched < needle.count, probe < endIndex {
                var byte = self[probe]
                if caseInsensitive, byte >= 0x41, byte <= 0x5A { byte += 0x20 }
                guard byte == needle[matched] else { break }
                matched += 1
                probe = self.index(after: probe)
            }
            if matched == needle.count { return true }
            index = self.index(after: found)
        }
        return false
    }
}
