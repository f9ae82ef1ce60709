/// Processing instructions in a page (`<?php echo $name; ?>`, `<?=$x?>`, `<? … ?>`,
/// `<?xml …?>`), found in the bytes before libxml2 reads them.
///
/// libxml2's HTML parser reads only `<?name …>` as an instruction, ends it at the first `>`
/// (inside `$a > $b`), and turns the short template forms into text. So each instruction
/// written where a tag could start is masked, byte for byte in length, as `<?tN   >`: libxml2
/// then keeps it as one node, whose name `tN` says which instruction it stands for, and
/// every byte offset in the page stays the same.
struct ProcessingInstructions {
    /// Each instruction's bytes in the page, in order; a masked node `tN` is number N.
    private(set) var ranges: [Range<Int>] = []

    /// Finds the instructions in `bytes` and masks them in place.
    ///
    /// An instruction runs from `<?` to the first `?>`, or to the first `>` when there is
    /// none (what browsers read). Instructions inside comments, tags, scripts and styles
    /// are left alone. One too short to hold its mask (`<?>`) stays as libxml2 reads it.
    init(masking bytes: inout [UInt8]) {
        let count = bytes.count
        guard Self.mayContainInstruction(bytes) else { return }
        var index = 0
        while index + 1 < count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "?") {
                guard let end = Self.end(of: index, in: bytes) else { return }
                let mask = Array("<?t\(ranges.count)".utf8)
                if end - index >= mask.count + 1 {
                    for offset in index..<end { bytes[offset] = UInt8(ascii: " ") }
                    bytes.replaceSubrange(index..<index + mask.count, with: mask)
                    bytes[end - 1] = UInt8(ascii: ">")
                    ranges.append(index..<end)
                }
                index = end
            } else if next == UInt8(ascii: "!") {
                index = Self.declarationEnd(from: index, in: bytes)
            } else if Self.isASCIILetter(next) {
                index = Self.skipStartTag(from: index, in: bytes)
            } else {
                index += 1
            }
        }
    }

    /// True when `<?` occurs at all: most pages have none and are not scanned.
    private static func mayContainInstruction(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "?") { return true }
            index += 1
        }
        return false
    }

    /// The offset after the instruction that starts at `start`.
    private static func end(of start: Int, in bytes: [UInt8]) -> Int? {
        var index = start + 2
        var firstClose: Int?
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: ">") {
                if bytes[index - 1] == UInt8(ascii: "?"), index - 1 >= start + 2 { return index + 1 }
                if firstClose == nil { firstClose = index + 1 }
            }
            index += 1
        }
        return firstClose
    }

    /// After a comment, a doctype or another `<!…>` declaration.
    private static func declarationEnd(from start: Int, in bytes: [UInt8]) -> Int {
        let count = bytes.count
        if start + 3 < count, bytes[start + 2] == UInt8(ascii: "-"), bytes[start + 3] == UInt8(ascii: "-") {
            var index = start + 4
            while index + 2 < count {
                if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] == UInt8(ascii: ">") {
                    return index + 3
                }
                index += 1
            }
            return count
        }
        var index = start + 2
        while index < count, bytes[index] != UInt8(ascii: ">") { index += 1 }
        return index + 1
    }

    /// After a start tag (quoted values may hold `>`), and after the content of a script or
    /// style, which is never markup.
    private static func skipStartTag(from start: Int, in bytes: [UInt8]) -> Int {
        var nameEnd = start + 1
        while nameEnd < bytes.count, !TagScanner.isSpace(bytes[nameEnd]), bytes[nameEnd] != UInt8(ascii: ">"), bytes[nameEnd] != UInt8(ascii: "/") {
            nameEnd += 1
        }
        let name = String(decoding: bytes[(start + 1)..<nameEnd], as: UTF8.self).lowercased()
        guard let end = TagScanner.startTagEnd(bytes, at: start, name: name) else { return start + 1 }
        guard name == "script" || name == "style" else { return end }
        var index = end
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/"), TagScanner.matchesName(bytes, at: index + 2, name: name) {
                return index
            }
            index += 1
        }
        return bytes.count
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// The instruction a masked node's name (`tN`) stands for.
    func range(named name: String) -> Range<Int>? {
        guard name.first == "t", let number = Int(name.dropFirst()), ranges.indices.contains(number) else { return nil }
        return ranges[number]
    }
}
