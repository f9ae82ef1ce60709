/// A placeholder's original markup: the start and end tags, or the whole element.
public struct OriginalCode: Sendable, Equatable {
    public var start: String
    public var end: String?

    public init(start: String, end: String?) {
        self.start = start
        self.end = end
    }

    init(_ code: InlineCode, bytes: [UInt8]) {
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        guard let span = code.span, span.startTagEnd <= bytes.count else {
            start = code.original.isEmpty ? "<\(code.element)>" : code.original
            end = nil
            return
        }
        if code.protection != nil || code.element.hasPrefix("#") {
            start = span.end.map { text(span.start..<min($0, bytes.count)) } ?? code.original
            end = nil
        } else {
            start = text(span.start..<span.startTagEnd)
            end = span.endTagStart.flatMap { endStart in span.end.map { text(endStart..<min($0, bytes.count)) } }
        }
    }
}
