/// Replacements in a page's bytes, applied in one pass; everything else is copied as it is.
struct ByteEdits {
    struct Edit {
        var range: Range<Int>
        var bytes: [UInt8]
        var order: Int
    }

    private(set) var edits: [Edit] = []

    mutating func replace(_ range: Range<Int>, with bytes: [UInt8]) {
        edits.append(Edit(range: range, bytes: bytes, order: edits.count))
    }

    mutating func insert(_ bytes: [UInt8], at offset: Int) {
        replace(offset..<offset, with: bytes)
    }

    mutating func append(_ other: ByteEdits, where include: (Edit) -> Bool = { _ in true }) {
        for edit in other.edits where include(edit) { replace(edit.range, with: edit.bytes) }
    }

    /// `source[range]` with the edits that fall inside it applied. An edit that overlaps
    /// one placed before it is dropped and counted, so a bug can never corrupt a page.
    func apply(to source: [UInt8], in range: Range<Int>? = nil) -> (bytes: [UInt8], dropped: Int) {
        let range = range ?? 0..<source.count
        let sorted = edits.filter { range.contains($0.range.lowerBound) || $0.range.lowerBound == range.upperBound && $0.range.isEmpty }
            .filter { $0.range.upperBound <= range.upperBound }
            .sorted { ($0.range.lowerBound, $0.range.upperBound, $0.order) < ($1.range.lowerBound, $1.range.upperBound, $1.order) }
        var output: [UInt8] = []
        output.reserveCapacity(range.count + sorted.reduce(0) { $0 + $1.bytes.count })
        var cursor = range.lowerBound
        var dropped = 0
        for edit in sorted {
            guard edit.range.lowerBound >= cursor else {
                dropped += 1
                continue
            }
            output += source[cursor..<edit.range.lowerBound]
            output += edit.bytes
            cursor = edit.range.upperBound
        }
        output += source[cursor..<range.upperBound]
        return (output, dropped)
    }
}
