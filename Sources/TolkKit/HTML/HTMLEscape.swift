/// HTML escaping for text a translator wrote: it can never become markup.
enum HTMLEscape {
    static func text(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += Array("&amp;".utf8)
            case UInt8(ascii: "<"): bytes += Array("&lt;".utf8)
            case UInt8(ascii: ">"): bytes += Array("&gt;".utf8)
            default: bytes.append(byte)
            }
        }
        return bytes
    }

    /// `text` escaped for an attribute value or element content, as a string.
    static func escaped(_ text: String) -> String {
        String(decoding: attribute(text), as: UTF8.self)
    }

    static func attribute(_ text: String, quote: UInt8 = UInt8(ascii: "\"")) -> [UInt8] {
        var bytes: [UInt8] = []
        for byte in self.text(text) {
            if byte == quote {
                bytes += Array((quote == UInt8(ascii: "\"") ? "&quot;" : "&#39;").utf8)
            } else {
                bytes.append(byte)
            }
        }
        return bytes
    }
}
