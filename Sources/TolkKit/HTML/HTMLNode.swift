/// A node of a parsed HTML page, as plain Swift values.
enum HTMLNode: Sendable, Equatable {
    case element(HTMLElement)
    /// Character data with entities decoded.
    case text(String)
    /// A comment, with its content exactly as written between `<!--` and `-->`.
    case comment(String)
    /// A processing instruction (`<?php … ?>`, `<?=$x?>`), exactly as written.
    case instruction(HTMLInstruction)
    /// Anything else never translated.
    case other
}

/// An HTML element with its attributes in source order.
struct HTMLElement: Sendable, Equatable {
    var name: String
    var attributes: [HTMLAttribute]
    var children: [HTMLNode]
    /// 1-based line of the start tag (0 when libxml2 implied the element).
    var line: Int
    /// Where the element's tags are in the page's bytes; nil when libxml2 implied it.
    var span: SourceSpan?
    /// What ITS global rules say of the element and its attributes; nil when no rule selects them.
    var its: ITSAnnotations?

    init(name: String, attributes: [HTMLAttribute] = [], children: [HTMLNode] = [], line: Int = 0,
                span: SourceSpan? = nil) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
        self.span = span
    }

    /// The value of attribute `name`, if present.
    subscript(attribute name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// All text below this element, entities decoded, markup dropped.
    var textContent: String {
        var result = ""
        func collect(_ nodes: [HTMLNode]) {
            for node in nodes {
                switch node {
                case let .text(text): result += text
                case let .element(element): collect(element.children)
                case .comment, .instruction, .other: break
                }
            }
        }
        collect(children)
        return result
    }
}

/// Byte offsets of an element in the page it was parsed from (UTF-8).
public struct SourceSpan: Sendable, Equatable {
    /// Offset of the `<` of the start tag.
    public var start: Int
    /// Offset just after the start tag's `>`.
    public var startTagEnd: Int
    /// Offset of the `<` of the end tag; nil for void elements and implied end tags.
    public var endTagStart: Int?
    /// Offset just after the element (after its end tag); nil when the end tag was implied.
    public var end: Int?

    /// The bytes between the start and end tags, when both were written.
    public var content: Range<Int>? {
        endTagStart.map { startTagEnd..<$0 }
    }
}

/// A processing instruction: its bytes in the page and its text, from `<?` to `>`.
struct HTMLInstruction: Sendable, Equatable {
    var text: String
    var range: Range<Int>
}

struct HTMLAttribute: Sendable, Equatable {
    var name: String
    var value: String

    init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A parsed page: its root element and what libxml2 had to repair on the way.
struct HTMLDocument: Sendable {
    var root: HTMLElement
    var problems: [HTMLProblem]

    /// The page's language from `<html lang>` (or `xml:lang`), if it says one.
    var declaredLanguage: String? {
        let value = root[attribute: "lang"] ?? root[attribute: "xml:lang"]
        guard let value, !value.trimmingHTMLWhitespace().isEmpty else { return nil }
        return value.trimmingHTMLWhitespace()
    }
}

/// Something wrong in a page's markup that libxml2 repaired.
struct HTMLProblem: Sendable, Equatable {
    var line: Int
    var message: String
}

/// What ITS global rules say of one element and of its attributes (by name).
final class ITSAnnotations: Sendable, Equatable {
    let element: ITSMarks
    let attributes: [String: ITSMarks]

    init(element: ITSMarks, attributes: [String: ITSMarks]) {
        self.element = element
        self.attributes = attributes
    }

    static func == (a: ITSAnnotations, b: ITSAnnotations) -> Bool {
        a.element == b.element && a.attributes == b.attributes
    }
}

/// Where a page names ITS rules, in document order.
enum ITSReference: Sendable, Equatable {
    /// `<link rel="its-rules" href>`.
    case linked(href: String, line: Int)
    /// The content of `<script type="application/its+xml">`, which starts on `line`.
    case inline(text: String, line: Int)
}
