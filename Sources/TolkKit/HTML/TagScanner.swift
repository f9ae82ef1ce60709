/// Reads start and end tags straight from a page's bytes, so that the build can copy
/// them exactly and change one attribute without touching the rest.
enum TagScanner {
    /// An attribute as written in a start tag.
    struct Attribute: Sendable, Equatable {
        /// The attribute name, lowercased.
        var name: String
        /// Bytes of the whole attribute, from its name to the end of its value.
        var range: Range<Int>
        /// Bytes of the value without quotes (nil for a bare attribute like `hidden`).
        var valueRange: Range<Int>?
        /// The quote around the value, if any (`"` or `'`).
        var quote: UInt8?
    }

    /// The offset just after the `>` of the start tag that begins at `start`, or nil when
    /// `start` does not hold a start tag named `name`.
    static func startTagEnd(_ bytes: [UInt8], at start: Int, name: String) -> Int? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "<"), matchesName(bytes, at: start + 1, name: name) else {
            return nil
        }
        return startTagEnd(bytes, at: start, nameLength: name.utf8.count)
    }

    /// The offset just after the `>` of the start tag at `start`, whose name is `nameLength` bytes.
    static func startTagEnd(_ bytes: [UInt8], at start: Int, nameLength: Int) -> Int? {
        var index = start + 1 + nameLength
        guard index <= bytes.count else { return nil }
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: ">"):
                return index + 1
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let quote = bytes[index]
                index += 1
                while index < bytes.count, bytes[index] != quote { index += 1 }
                index += 1
            default:
                index += 1
            }
        }
        return nil
    }

    /// The attributes of the start tag in `tag` (from `<` to after `>`), in source order.
    static func attributes(_ bytes: [UInt8], in tag: Range<Int>) -> [Attribute] {
        var result: [Attribute] = []
        var index = tag.lowerBound + 1
        while index < tag.upperBound, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
            index += 1
        }
        let end = tag.upperBound - 1
        while index < end {
            while index < end, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < end else { break }
            let nameStart = index
            while index < end, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") {
                index += 1
            }
            // A stray '=' or '>' inside the tag (libxml2 repaired `title="A""`): skip it,
            // so the scan always moves on.
            guard index > nameStart else {
                index += 1
                continue
            }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            var probe = index
            while probe < end, isSpace(bytes[probe]) { probe += 1 }
            guard probe < end, bytes[probe] == UInt8(ascii: "=") else {
                result.append(Attribute(name: name, range: nameStart..<index, valueRange: nil, quote: nil))
                continue
            }
            probe += 1
            while probe < end, isSpace(bytes[probe]) { probe += 1 }
            if probe < end, bytes[probe] == UInt8(ascii: "\"") || bytes[probe] == UInt8(ascii: "'") {
                let quote = bytes[probe]
                var close = probe + 1
                while close < end, bytes[close] != quote { close += 1 }
                result.append(Attribute(name: name, range: nameStart..<min(close + 1, end), valueRange: probe + 1..<close, quote: quote))
                index = close + 1
            } else {
                var close = probe
                while close < end, !isSpace(bytes[close]), bytes[close] != UInt8(ascii: ">") { close += 1 }
                result.append(Attribute(name: name, range: nameStart..<close, valueRange: probe..<close, quote: nil))
                index = close
            }
        }
        return result
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// True when `name` (ASCII, lowercase) is at `offset`, in any case, followed by a tag delimiter.
    static func matchesName(_ bytes: [UInt8], at offset: Int, name: String) -> Bool {
        let length = name.utf8.count
        guard offset + length <= bytes.count else { return false }
        var index = offset
        for byte in name.utf8 {
            var candidate = bytes[index]
            if candidate >= 0x41 && candidate <= 0x5A { candidate += 0x20 }
            if candidate != byte { return false }
            index += 1
        }
        return index == bytes.count || isSpace(bytes[index]) || bytes[index] == UInt8(ascii: ">") || bytes[index] == UInt8(ascii: "/")
    }
}
