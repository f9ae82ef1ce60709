import Foundation

/// How a page's bytes become text: UTF-8, or the legacy charset its `<meta charset>` or
/// `http-equiv` declaration names, read as browsers read it (the HTML encoding prescan of
/// the first 1,024 bytes) through ICU's converters.
enum PageEncoding {
    /// The page's text, and the charset it was in when that was not UTF-8.
    ///
    /// - Throws: what `TextFile.decode` throws for a page that is neither UTF-8 nor in a
    ///   charset it declares and ICU knows.
    static func decode(_ bytes: [UInt8], path: String) throws -> (text: String, legacyCharset: String?) {
        if !bytes.contains(0), let text = String(validating: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...], as: UTF8.self) {
            return (text, nil)
        }
        if !bytes.contains(0), let charset = declaredCharset(in: bytes), !["utf-8", "utf8"].contains(charset),
           case let .success(text) = ICUConvert.decode(bytes, charset: charset) {
            return (text, charset)
        }
        // Not UTF-8 and no usable declaration: the error names the first bad line.
        return (try TextFile.decode(Data(bytes), path: path), nil)
    }

    /// The charset a page declares in its first 1,024 bytes, lowercased.
    static func declaredCharset(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(1024).map { $0 < 0x80 ? $0 : UInt8(ascii: " ") }, as: UTF8.self).lowercased()
        var search = head.startIndex
        while let meta = head.range(of: "<meta", range: search..<head.endIndex) {
            search = meta.upperBound
            let tagEnd = head[meta.upperBound...].firstIndex(of: ">") ?? head.endIndex
            let tag = head[meta.upperBound..<tagEnd]
            guard let found = tag.range(of: "charset=") else { continue }
            let value = tag[found.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
            let name = value.prefix { $0.isLetter || $0.isNumber || "-_.:".contains($0) }
            if !name.isEmpty { return String(name) }
        }
        return nil
    }
}
