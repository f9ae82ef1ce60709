import Foundation

/// Renders `<time datetime>` content for a language, showing the same parts the page's
/// author wrote (weekday, month name, year, time of day) in that language's own style.
struct DateRenderer {
    /// The language the page was written in, to recognise what its author showed.
    let sourceLocale: String
    /// The language to render in.
    let locale: String

    /// The text for one time element: `datetime` and what the page showed.
    func render(_ datetime: String, original: String, skeleton fixed: String? = nil) -> String? {
        guard let date = MachineDate(datetime) else { return nil }
        return ICUFormat.date(date, skeleton: fixed ?? skeleton(date, original: original), locale: locale)
    }

    /// A full skeleton for a date's precision: weekday, day, month and year, and the time.
    static func fullSkeleton(_ datetime: String) -> String {
        switch MachineDate(datetime)?.precision {
        case .year?: return "y"
        case .month?: return "yMMMM"
        case .minute?: return "EEEEyMMMMdjm"
        default: return "EEEEyMMMMd"
        }
    }

    /// The texts for two time elements that form a range ("A–B"), from ICU's interval
    /// formatter, and the text that goes between them.
    func renderRange(_ first: (datetime: String, original: String), _ second: (datetime: String, original: String),
                     skeleton fixed: String? = nil) -> (first: String, separator: String, second: String)? {
        guard let from = MachineDate(first.datetime), let to = MachineDate(second.datetime),
              from.zone == to.zone, from.millis <= to.millis else { return nil }
        // The range shows every part either end showed.
        let fields = Set(fieldsOf(skeleton(from, original: first.original)) + fieldsOf(skeleton(to, original: second.original)))
        let skeleton = fixed ?? Self.canonicalOrder.filter { fields.contains($0) }.joined()
        guard let interval = ICUFormat.interval(from, to, skeleton: skeleton, locale: locale),
              let firstPart = interval.first, let secondPart = interval.second, firstPart.upperBound <= secondPart.lowerBound
        else { return nil }
        let units = Array(interval.text.utf16)
        func text(_ range: Range<Int>) -> String { String(decoding: units[range], as: UTF16.self) }
        return (text(0..<firstPart.upperBound), text(firstPart.upperBound..<secondPart.lowerBound),
                text(secondPart.lowerBound..<units.count))
    }

    static let canonicalOrder = ["EEEE", "y", "MMMM", "d", "j", "m"]

    /// "EEEEyMMMMdjm" as its fields: ["EEEE", "y", "MMMM", "d", "j", "m"].
    func fieldsOf(_ skeleton: String) -> [String] {
        var fields: [String] = []
        for character in skeleton {
            if let last = fields.last, last.last == character { fields[fields.count - 1].append(character) } else { fields.append(String(character)) }
        }
        return fields
    }

    /// An ICU skeleton with the parts the original text shows.
    func skeleton(_ date: MachineDate, original: String) -> String {
        switch date.precision {
        case .year:
            return "y"
        case .month:
            return "yMMMM"
        case .day, .minute:
            let timePattern = #"\d{1,2}[:.]\d{2}|\d\s?(am|pm|uhr)\b"#
            let timeWritten = original.range(of: timePattern, options: [.regularExpression, .caseInsensitive]) != nil
            // What is left once times are removed tells which date parts were written.
            let dateText = original.replacingOccurrences(of: timePattern, with: " ", options: [.regularExpression, .caseInsensitive])
                .lowercased()
            let shows: (String) -> Bool = { skeleton in
                guard let name = ICUFormat.date(date, skeleton: skeleton, locale: sourceLocale)?.lowercased() else { return false }
                return dateText.range(of: #"(^|[^\p{L}\d])"# + NSRegularExpression.escapedPattern(for: name) + #"($|[^\p{L}\d])"#,
                                      options: .regularExpression) != nil
            }
            var skeleton = ""
            if shows("EEEE") || shows("EEE") { skeleton += "EEEE" }
            if dateText.contains(String(date.year)) { skeleton += "y" }
            if shows("MMMM") || shows("MMM") || shows("d") || skeleton.isEmpty && !timeWritten { skeleton += "MMMMd" }
            if date.precision == .minute && (timeWritten || skeleton.isEmpty) { skeleton += "jm" }
            return skeleton
        }
    }
}
