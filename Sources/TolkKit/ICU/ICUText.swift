import CICU

/// ICU's knowledge of text used by the checks: message structure, numbers, normalization,
/// quotation marks.
enum ICUText {
    /// The arguments and plural keywords of an ICU MessageFormat pattern.
    struct MessageShape: Equatable, Sendable {
        /// Argument names, in order of appearance (repeats kept once).
        var arguments: [String]
        /// Each plural (or selectordinal) argument with its keywords ("one", "other", "=0").
        var plurals: [(name: String, keywords: [String])]

        static func == (lhs: MessageShape, rhs: MessageShape) -> Bool {
            lhs.arguments == rhs.arguments && lhs.plurals.map(\.name) == rhs.plurals.map(\.name)
                && lhs.plurals.map(\.keywords) == rhs.plurals.map(\.keywords)
        }
    }

    /// ICU's parse of a MessageFormat pattern: its shape, or the offset of the syntax error.
    static func describeMessage(_ pattern: String) -> Result<MessageShape, ICUFormat.MessageError> {
        let units = Array(pattern.utf16)
        var buffer = [CChar](repeating: 0, count: 4096)
        var errorOffset: Int32 = -1
        var status: Int32 = 0
        let length = tolk_message_describe(units, Int32(units.count), &buffer, Int32(buffer.count), &errorOffset, &status)
        guard status <= 0 else {
            return .failure(ICUFormat.MessageError(offset: errorOffset >= 0 ? Int(errorOffset) : nil, status: status))
        }
        let text = String(decoding: buffer.prefix(Int(min(length, 4095))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var shape = MessageShape(arguments: [], plurals: [])
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            if fields.first == "arg", fields.count > 1, !shape.arguments.contains(fields[1]) { shape.arguments.append(fields[1]) }
            if fields.first == "plural", fields.count > 1 { shape.plurals.append((fields[1], Array(fields.dropFirst(2)))) }
        }
        return .success(shape)
    }

    /// A number written the locale's way at the start of `text`, and how many UTF-16 units it took.
    static func parseNumber(_ text: [UInt16], locale: String) -> (value: Double, length: Int)? {
        var value = 0.0
        let consumed = tolk_parse_number(locale, text, Int32(text.count), &value)
        return consumed > 0 ? (value, Int(consumed)) : nil
    }

    /// True when `text` is in Unicode Normalization Form C.
    static func isNFC(_ text: String) -> Bool {
        let units = Array(text.utf16)
        return units.isEmpty || tolk_is_nfc(units, Int32(units.count)) != 0
    }

    typealias QuotationMarks = (start: String, end: String, alternateStart: String, alternateEnd: String)
    private static let quotes = LocaleCache<QuotationMarks?>()

    /// The locale's quotation marks: primary start and end, alternate start and end.
    static func quotationMarks(_ locale: String) -> (start: String, end: String, alternateStart: String, alternateEnd: String)? {
        quotes.value(for: locale) { readQuotationMarks(locale) }
    }

    private static func readQuotationMarks(_ locale: String) -> QuotationMarks? {
        var buffer = [UInt16](repeating: 0, count: 16)
        guard tolk_quotation_marks(locale, &buffer) != 0 else { return nil }
        func mark(_ index: Int) -> String {
            String(decoding: buffer[(index * 4)..<(index * 4 + 4)].prefix { $0 != 0 }, as: UTF16.self)
        }
        return (mark(0), mark(1), mark(2), mark(3))
    }
}
