import CICU
import Foundation

/// Dates, intervals and messages formatted by ICU for a language.
enum ICUFormat {
    /// `date` formatted with the language's best pattern for `skeleton` ("EEEEdMMMMy", "jm").
    static func date(_ date: MachineDate, skeleton: String, locale: String) -> String? {
        let skeletonUnits = Array(skeleton.utf16), zone = Array(date.zone.utf16)
        var output = [UInt16](repeating: 0, count: 256)
        var status: Int32 = 0
        let length = tolk_format_date(locale, skeletonUnits, Int32(skeletonUnits.count), date.millis,
                                      zone, Int32(zone.count), &output, Int32(output.count), &status)
        guard status <= 0, length > 0 else { return nil }
        return String(decoding: output[0..<Int(min(length, 256))], as: UTF16.self)
    }

    /// A formatted interval and the parts of it that belong to each date.
    struct Interval: Equatable, Sendable {
        var text: String
        /// UTF-16 offsets of the first and second date's parts, when ICU shows them apart.
        var first: Range<Int>?
        var second: Range<Int>?
    }

    /// `from`–`to` formatted with ICU's date-interval formatter, which shows shared
    /// fields once ("Dienstag, 11. Oktober 2022, 10:00–12:00").
    static func interval(_ from: MachineDate, _ to: MachineDate, skeleton: String, locale: String) -> Interval? {
        let skeletonUnits = Array(skeleton.utf16), zone = Array(from.zone.utf16)
        var output = [UInt16](repeating: 0, count: 256)
        var spans = [Int32](repeating: -1, count: 4)
        var status: Int32 = 0
        let length = tolk_format_interval(locale, skeletonUnits, Int32(skeletonUnits.count), from.millis, to.millis,
                                          zone, Int32(zone.count), &output, Int32(output.count), &spans, &status)
        guard status <= 0, length > 0, length <= 256 else { return nil }
        func range(_ index: Int) -> Range<Int>? {
            spans[index] >= 0 && spans[index + 1] >= spans[index] ? Int(spans[index])..<Int(spans[index + 1]) : nil
        }
        return Interval(text: String(decoding: output[0..<Int(length)], as: UTF16.self), first: range(0), second: range(2))
    }

    /// A value for a MessageFormat argument.
    enum Argument: Sendable {
        case number(Double)
        case string(String)
    }

    /// Why a MessageFormat pattern could not be formatted.
    struct MessageError: Error, Equatable, Sendable {
        /// Offset in the pattern where ICU's parser stopped, if it was a syntax error.
        var offset: Int?
        var status: Int32
    }

    /// Formats an ICU MessageFormat pattern (`{count, plural, one {# event} other {# events}}`)
    /// with named arguments, for a language.
    static func message(_ pattern: String, locale: String, arguments: [String: Argument]) -> Result<String, MessageError> {
        let patternUnits = Array(pattern.utf16)
        let names = arguments.keys.sorted()
        let numbers = names.map { name -> Double in
            if case let .number(value) = arguments[name]! { return value }
            return 0
        }
        let strings: [[UInt16]?] = names.map { name in
            if case let .string(value) = arguments[name]! { return Array(value.utf16) }
            return nil
        }
        var output = [UInt16](repeating: 0, count: 4096)
        var errorOffset: Int32 = -1
        var status: Int32 = 0
        let cNames: [UnsafeMutablePointer<CChar>] = names.map { strdup($0)! }
        defer { cNames.forEach { free($0) } }
        let namePointers: [UnsafePointer<CChar>] = cNames.map { UnsafePointer($0) }
        let length: Int32 = namePointers.withUnsafeBufferPointer { nameBuffer in
            withStringPointers(strings) { stringPointers, lengths in
                tolk_format_message(locale, patternUnits, Int32(patternUnits.count),
                                    nameBuffer.baseAddress, numbers, stringPointers, lengths,
                                    Int32(names.count), &output, Int32(output.count), &errorOffset, &status)
            }
        }
        guard status <= 0 else {
            return .failure(MessageError(offset: errorOffset >= 0 ? Int(errorOffset) : nil, status: status))
        }
        return .success(String(decoding: output[0..<Int(min(length, 4096))], as: UTF16.self))
    }

    private static func withStringPointers<R>(_ strings: [[UInt16]?],
                                              _ body: (UnsafePointer<UnsafePointer<UInt16>?>?, UnsafePointer<Int32>?) -> R) -> R {
        let buffers = strings.map { $0.map { units -> UnsafeMutablePointer<UInt16> in
            let pointer = UnsafeMutablePointer<UInt16>.allocate(capacity: max(units.count, 1))
            pointer.initialize(from: units, count: units.count)
            return pointer
        } }
        defer { buffers.forEach { $0?.deallocate() } }
        let pointers: [UnsafePointer<UInt16>?] = buffers.map { $0.map { UnsafePointer($0) } }
        let lengths = strings.map { Int32($0?.count ?? 0) }
        return pointers.withUnsafeBufferPointer { pointerBuffer in
            lengths.withUnsafeBufferPointer { lengthBuffer in
                body(pointerBuffer.baseAddress, lengthBuffer.baseAddress)
            }
        }
    }

    /// The likely region of a language ("DE" for "de"), for `og:locale`.
    static func likelyRegion(_ locale: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 16)
        let length = tolk_likely_region(locale, &buffer, Int32(buffer.count))
        guard length > 0 else { return nil }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True for languages written right to left.
    /// Windows' mirrored pseudo-locale, written right to left (ICU knows no script for it).
    static let mirroredPseudoLocale = "qps-plocm"

    static func isRightToLeft(_ locale: String) -> Bool {
        locale.lowercased() == mirroredPseudoLocale || tolk_is_right_to_left(locale) != 0
    }

    /// The likely locale of the country `zone` is in ("en-GB" for Europe/London), nil for
    /// a zone in no country: whose abbreviation ("BST") is the zone's own.
    static func zoneLocale(_ zone: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 64)
        let length = tolk_zone_locale(zone, &buffer, Int32(buffer.count))
        guard length > 0, length < buffer.count else { return nil }
        return String(cString: buffer)
    }
}
