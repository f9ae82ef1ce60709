import CICU

/// Text boundaries found by ICU's rule-based break iterators.
///
/// Offsets are UTF-16 code-unit offsets into the text, because that is what ICU
/// works in; callers convert with `String.UTF16View`.
enum BreakIterator {
    enum Kind: Int32 {
        case character = 0
        case word = 1
        case line = 2
        case sentence = 3
    }

    struct Boundary: Equatable {
        /// UTF-16 offset of the boundary (the start of what follows it).
        var offset: Int
        /// ICU's rule status for the boundary; for word breaks, 0 means the
        /// piece before it holds no letters, numbers or ideographs.
        var ruleStatus: Int32
    }

    /// All boundaries after the start of `text`, ending with `text.count`.
    ///
    /// - Throws: `TolkError.icu` when ICU cannot open an iterator for the locale.
    static func boundaries(_ kind: Kind, in text: [UInt16], locale: String) throws -> [Boundary] {
        guard !text.isEmpty else { return [] }
        var status: Int32 = 0
        let boundaries: [Boundary]? = text.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress,
                  let iterator = tolk_break_open(kind.rawValue, locale, base, Int32(buffer.count), &status)
            else { return nil }
            defer { tolk_break_close(iterator) }
            var result: [Boundary] = []
            while true {
                let next = tolk_break_next(iterator)
                if next < 0 { break }
                result.append(Boundary(offset: Int(next), ruleStatus: tolk_break_rule_status(iterator)))
            }
            return result
        }
        guard let boundaries, status <= 0 else {
            throw TolkError.icu(operation: "opening a \(kind) break iterator for '\(locale)'", status: status)
        }
        return boundaries
    }

    /// The words of `text` (pieces holding letters, numbers or ideographs), per ICU's word rules.
    static func words(in text: String, locale: String) -> [Substring] {
        let units = Array(text.utf16)
        guard let boundaries = try? boundaries(.word, in: units, locale: locale) else { return [] }
        var words: [Substring] = []
        var start = 0
        for boundary in boundaries {
            // UBRK_WORD_NONE_LIMIT is 100: statuses from 100 up mark real words.
            if boundary.ruleStatus >= 100 {
                let utf16 = text.utf16
                let lower = utf16.index(utf16.startIndex, offsetBy: start)
                let upper = utf16.index(utf16.startIndex, offsetBy: boundary.offset)
                words.append(text[lower..<upper])
            }
            start = boundary.offset
        }
        return words
    }
}
