import Foundation

/// What a PO file's bytes are: the charset its header declares, read through ICU's
/// converters when it is not UTF-8, and the encodings gettext cannot read at all.
enum POCharset {
    /// A charset other than UTF-8 declared by a catalogue's header, with its line.
    struct Declared: Equatable {
        var name: String
        var line: Int
    }

    /// Looks at the first bytes of a catalogue for what makes reading it as UTF-8 wrong.
    ///
    /// - Returns: the declared charset when it is not UTF-8 (or ASCII, its subset).
    /// - Throws: `TolkError.malformedCatalog` for UTF-16 files and for lines
    ///   that end in a carriage return alone, which gettext cannot read either.
    static func inspect(_ head: [UInt8], path: String) throws -> Declared? {
        func fail(_ line: Int, _ problem: String) -> TolkError { .malformedCatalog(path: path, line: line, problem: problem) }
        if TextFile.isUTF16(head) {
            throw fail(1, "the catalogue is in UTF-16; gettext and Tolk read PO files in UTF-8 "
                + "(convert it with 'iconv -f UTF-16 -t UTF-8')")
        }
        if head.contains(0x0D), !head.contains(0x0A) {
            throw fail(1, "lines end in a carriage return alone (classic Mac OS line ends), which gettext cannot read either "
                + "(convert them with tr '\\r' '\\n')")
        }
        guard let (name, line) = declaredCharset(in: head) else { return nil }
        return isUTF8(name) ? nil : Declared(name: name, line: line)
    }

    /// True for names of UTF-8 and of its ASCII subset, and for gettext's template placeholder.
    static func isUTF8(_ name: String) -> Bool {
        let folded = name.lowercased().filter { $0 != "-" && $0 != "_" }
        return ["utf8", "ascii", "usascii", "ansix3.41968", "charset"].contains(folded)
    }

    /// The `charset=` of the header's Content-Type, with the line it is on.
    static func declaredCharset(in head: [UInt8]) -> (String, Int)? {
        // The header is the first entry: it ends at the first blank line after its msgstr.
        let text = String(decoding: head, as: UTF8.self)
        guard let msgstr = text.range(of: "msgstr") else { return nil }
        let end = text.range(of: "\n\n", range: msgstr.upperBound..<text.endIndex)?.lowerBound ?? text.endIndex
        guard let type = text.range(of: "Content-Type:", options: .caseInsensitive, range: msgstr.upperBound..<end),
              let charset = text.range(of: "charset=", options: .caseInsensitive, range: type.upperBound..<end)
        else { return nil }
        let name = text[charset.upperBound...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:+".contains($0)) }
        guard !name.isEmpty else { return nil }
        let line = text[..<charset.lowerBound].utf8.filter { $0 == 0x0A }.count + 1
        return (String(name), line)
    }

    /// Decodes a whole catalogue in `charset` through ICU.
    ///
    /// - Throws: `TolkError.malformedCatalog` naming the header line when ICU does not
    ///   know the charset, or the line of the first byte the charset does not have.
    static func decode(_ bytes: [UInt8], as declared: Declared, path: String) throws -> String {
        switch ICUConvert.decode(bytes, charset: declared.name) {
        case let .success(text):
            return text
        case .failure(.unknownCharset):
            throw TolkError.malformedCatalog(path: path, line: declared.line, problem:
                "the header declares charset=\(declared.name), which ICU does not know; declare the charset the file is in, "
                + "or convert it to UTF-8 (msgconv --to-code=UTF-8)")
        case .failure(.invalidBytes):
            // The line of the first byte the charset lacks.
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            let line = (lines.firstIndex { (try? ICUConvert.decode(Array($0), charset: declared.name).get()) == nil } ?? 0) + 1
            throw TolkError.malformedCatalog(path: path, line: line, problem:
                "a byte here is not a character of \(declared.name), the charset the header declares")
        case let .failure(.other(status)):
            throw TolkError.icu(operation: "decoding \(path) from \(declared.name)", status: status)
        }
    }
}
