import CICU

/// Small Unicode facts Tolk asks ICU for.
enum UnicodeText {
    /// Columns a scalar takes on a fixed-width terminal, as GNU gettext counts them
    /// when it wraps PO lines (0 for combining marks, 2 for wide East Asian).
    static func width(of scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x7F { return scalar.value < 0x20 ? 0 : 1 }
        return max(0, Int(tolk_char_width(Int32(bitPattern: scalar.value))))
    }

    /// The NFC form of `text`, via ICU's normaliser.
    static func nfc(_ text: String) -> String {
        let source = Array(text.utf16)
        if source.isEmpty { return text }
        var status: Int32 = 0
        let needed = source.withUnsafeBufferPointer { buffer in
            tolk_normalize_nfc(buffer.baseAddress!, Int32(buffer.count), nil, 0, &status)
        }
        var destination = [UInt16](repeating: 0, count: Int(needed) + 1)
        status = 0
        let written = source.withUnsafeBufferPointer { buffer in
            destination.withUnsafeMutableBufferPointer { out in
                tolk_normalize_nfc(buffer.baseAddress!, Int32(buffer.count), out.baseAddress, Int32(out.count), &status)
            }
        }
        guard status <= 0 else { return text }
        return String(decoding: destination[0..<Int(written)], as: UTF16.self)
    }
}
