import CICU

/// Text in a legacy charset (ISO-8859-1, windows-1252, KOI8-R, Shift_JIS…) read through
/// ICU's converters.
enum ICUConvert {
    enum Failure: Error, Equatable {
        /// ICU knows no charset by that name.
        case unknownCharset
        /// A byte the charset does not have.
        case invalidBytes
        case other(Int32)
    }

    /// `bytes` decoded from `charset`; a byte the charset lacks is an error, never a substitute.
    static func decode(_ bytes: [UInt8], charset: String) -> Result<String, Failure> {
        var status: Int32 = 0
        var units = [UInt16](repeating: 0, count: bytes.count + 1)
        let input = bytes.map { CChar(bitPattern: $0) } + [0]
        let count = tolk_decode(charset, input, Int32(bytes.count), &units, Int32(units.count), &status)
        switch status {
        case ...0: return .success(String(decoding: units[..<Int(count)], as: UTF16.self))
        case 4: return .failure(.unknownCharset)
        case 10, 11, 12: return .failure(.invalidBytes)
        default: return .failure(.other(status))
        }
    }
}
