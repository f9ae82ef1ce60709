import Foundation

/// One pass over a page's bytes before libxml2 reads them: where the start tags are, and
/// what libxml2 would misread, masked so that it cannot.
///
/// libxml2's HTML parser reads markup inside `title` and `textarea` (whose content HTML
/// makes text), reads only `<?name …>` as a processing instruction, ends one at the first
/// `>` (inside `$a > $b`), and turns the short template forms (`<?=$x?>`, `<? … ?>`) into
/// text. So, byte for byte in length, so that every offset in the page stays the same:
/// - each processing instruction becomes `<?tN   >`, one node whose name says it is number N;
/// - each `<` in the content of a text-only or raw-text element becomes a space, and the
///   parser puts the element's real content back from the page (`content(of:)`).
struct PageScan {
    struct StartTag {
        /// Where the tag's name is in the bytes (read as written, in any case).
        var name: Range<Int>
        var start: Int
        var end: Int
    }

    /// The content of an element HTML reads as text, not markup.
    struct TextContent {
        var element: String
        var range: Range<Int>
        /// True when markup-like bytes in it were masked, so its parsed content is not its content.
        var isMasked: Bool
    }

    /// Elements whose content is text: entities decoded in `title` and `textarea`, not in the others.
    /// (libxml2 itself reads `script` and `style` as raw text.)
    static let escapableRawText: Set<String> = ["title", "textarea"]
    static let rawText: Set<String> = ["xmp", "iframe", "noembed", "noframes"]

    /// Every start tag written in the page, in order.
    private(set) var startTags: [StartTag] = []
    /// Each processing instruction's bytes, in order: masked node `tN` is number N.
    private(set) var instructions: [Range<Int>] = []
    /// The content of every text-only and raw-text element, in order.
    private(set) var textContents: [TextContent] = []

    /// Scans `bytes` and masks, in place, what libxml2 would misread.
    /// - Parameter recordingTags: keep every start tag (for `SpanResolver`).
    init(masking bytes: inout [UInt8], recordingTags: Bool) {
        var index = 0
        let count = bytes.count
        while let open = Self.nextTagOpen(in: bytes, from: index) {
            index = open
            guard index + 1 < count else { break }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") {
                index = Self.declarationEnd(from: index, in: bytes)
                continue
            }
            if next == UInt8(ascii: "?") {
                index = maskInstruction(at: index, limit: count, in: &bytes)
                continue
            }
            guard Self.isASCIILetter(next) else { index += 1; continue }
            var nameEnd = index + 1
            while nameEnd < count, !TagScanner.isSpace(bytes[nameEnd]), bytes[nameEnd] != UInt8(ascii: ">"), bytes[nameEnd] != UInt8(ascii: "/") {
                nameEnd += 1
            }
            guard let end = TagScanner.startTagEnd(bytes, at: index, nameLength: nameEnd - index - 1) else { index += 1; continue }
            if recordingTags { startTags.append(StartTag(name: (index + 1)..<nameEnd, start: index, end: end)) }
            let name = Self.textElement(bytes, (index + 1)..<nameEnd)
            index = end
            if let name, name == "script" || name == "style" {
                // Raw text libxml2 reads as such: nothing inside is a tag, up to the first end tag.
                index = Self.endTag(name, from: index, in: bytes)?.lowerBound ?? count
            } else if let name, bytes[end - 2] != UInt8(ascii: "/") {
                let contentEnd = Self.endTag(name, from: index, in: bytes)?.lowerBound ?? count
                maskText(index..<contentEnd, of: name, in: &bytes)
                index = contentEnd
            }
        }
    }

    /// Masks the instruction at `start`; returns the offset after it.
    ///
    /// An instruction runs from `<?` to the first `?>`, or to the first `>` when there is none
    /// (what browsers read). One too short to hold its mask (`<?>`) stays as libxml2 reads it.
    private mutating func maskInstruction(at start: Int, limit: Int, in bytes: inout [UInt8]) -> Int {
        var index = start + 2
        var firstClose: Int?
        var end: Int?
        while index < limit {
            if bytes[index] == UInt8(ascii: ">") {
                if bytes[index - 1] == UInt8(ascii: "?"), index - 1 >= start + 2 { end = index + 1; break }
                if firstClose == nil { firstClose = index + 1 }
            }
            index += 1
        }
        guard let end = end ?? firstClose else { return start + 2 }
        let mask = Array("<?t\(instructions.count)".utf8)
        guard end - start > mask.count else { return end }
        for offset in start..<end { bytes[offset] = UInt8(ascii: " ") }
        bytes.replaceSubrange(start..<start + mask.count, with: mask)
        bytes[end - 1] = UInt8(ascii: ">")
        instructions.append(start..<end)
        return end
    }

    /// Masks every `<` in a text-only element's content; instructions in it stay instructions
    /// (a template's `<title><?= $title ?></title>`).
    private mutating func maskText(_ range: Range<Int>, of element: String, in bytes: inout [UInt8]) {
        var masked = false
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == UInt8(ascii: "<") {
                if index + 1 < range.upperBound, bytes[index + 1] == UInt8(ascii: "?") {
                    index = maskInstruction(at: index, limit: range.upperBound, in: &bytes)
                    continue
                }
                bytes[index] = UInt8(ascii: " ")
                masked = true
            }
            index += 1
        }
        textContents.append(TextContent(element: element, range: range, isMasked: masked))
    }

    /// The instruction a masked node's name (`tN`) stands for.
    func instruction(named name: String) -> Range<Int>? {
        guard name.first == "t", let number = Int(name.dropFirst()), instructions.indices.contains(number) else { return nil }
        return instructions[number]
    }

    // MARK: Scanning

    /// The offset of the next `<` from `start` on (memchr: text between tags is most of a page).
    private static func nextTagOpen(in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base + start, Int32(UInt8(ascii: "<")), buffer.count - start) else {
                return nil
            }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    private static let textElements = ["script", "style"] + escapableRawText.sorted() + rawText.sorted()
    /// First letters of the text elements' names, so most tags are passed over at one byte.
    private static let textElementInitials = Set(textElements.map { $0.utf8.first! })

    /// The name of the text element (script, style, title, …) whose name is at `range`, or nil.
    private static func textElement(_ bytes: [UInt8], _ range: Range<Int>) -> String? {
        guard textElementInitials.contains(bytes[range.lowerBound] | 0x20) else { return nil }
        return textElements.first { $0.utf8.count == range.count && TagScanner.matchesName(bytes, at: range.lowerBound, name: $0) }
    }

    /// After a comment, a doctype or another `<!…>` declaration.
    static func declarationEnd(from start: Int, in bytes: [UInt8]) -> Int {
        let count = bytes.count
        if start + 3 < count, bytes[start + 2] == UInt8(ascii: "-"), bytes[start + 3] == UInt8(ascii: "-") {
            return commentEnd(after: start + 4, limit: count, in: bytes)
        }
        var index = start + 2
        while index < count, bytes[index] != UInt8(ascii: ">") { index += 1 }
        return index + 1
    }

    /// After the `-->` that ends a comment whose content starts at `start`.
    static func commentEnd(after start: Int, limit: Int, in bytes: [UInt8]) -> Int {
        var index = start
        while index + 2 < limit {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] == UInt8(ascii: ">") {
                return index + 3
            }
            index += 1
        }
        return limit
    }

    /// The range of the first `</name\s*>` from `start` on.
    static func endTag(_ name: String, from start: Int, limit: Int? = nil, skipComments: Bool = false, in bytes: [UInt8]) -> Range<Int>? {
        let limit = min(limit ?? bytes.count, bytes.count)
        var index = start
        while index + 1 < limit {
            guard let open = nextTagOpen(in: bytes, from: index), open + 1 < limit else { return nil }
            index = open
            if skipComments, bytes[index] == UInt8(ascii: "<"), index + 3 < limit, bytes[index + 1] == UInt8(ascii: "!"),
               bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
                index = commentEnd(after: index + 4, limit: limit, in: bytes)
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

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
