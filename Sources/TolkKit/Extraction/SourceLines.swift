/// Finds the source line a segment starts on.
///
/// libxml2 records reliable lines for start tags only (a text node gets the line
/// where the parser happened to deliver it), so a segment's line is found by looking
/// for its first word from its element's line on. Works on the page's UTF-8 bytes.
struct SourceLines {
    private let bytes: [UInt8]
    /// Offset where each line starts; line N (1-based) starts at `starts[N - 1]`.
    private let starts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        self.starts = starts
    }

    /// The first line at or after `start` (1-based) holding the first word of `message`;
    /// `start` itself when the word cannot be seen in the source (split by a tag or entity).
    func line(of message: String, from start: Int) -> Int {
        guard let word = Self.firstWord(message), !word.isEmpty else { return start }
        let lower = max(start, 1)
        guard lower <= starts.count else { return start }
        let upper = min(starts.count, lower + 200)
        let searchEnd = upper < starts.count ? starts[upper] : bytes.count
        guard let found = find(word, from: starts[lower - 1], to: searchEnd) else { return start }
        // The line holding the match: the last line start at or before it.
        var low = lower - 1, high = upper - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= found { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The UTF-8 bytes of the first run of letters or digits in a message's text.
    static func firstWord(_ message: String) -> [UInt8]? {
        var word = String.UnicodeScalarView()
        var inPlaceholder = false
        for scalar in message.unicodeScalars {
            if scalar == "<" { inPlaceholder = true; continue }
            if inPlaceholder { if scalar == ">" { inPlaceholder = false }; continue }
            let isWordScalar = scalar.isASCII
                ? UInt8(scalar.value).isASCIILetter || (0x30...0x39).contains(scalar.value)
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWordScalar { word.append(scalar) } else if !word.isEmpty { break }
        }
        return word.isEmpty ? nil : Array(String(word).utf8)
    }

    private func find(_ needle: [UInt8], from start: Int, to end: Int) -> Int? {
        guard let first = needle.first, end - start >= needle.count else { return nil }
        var index = start
        let last = end - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}
