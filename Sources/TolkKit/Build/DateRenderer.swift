import Foundation

/// Renders `<time datetime>` content for a language, showing the same parts the page's
/// author wrote (weekday, month name, year, time of day) in that language's own style.
struct DateRenderer {
    /// The language the page was written in, to recognise what its author showed.
    let sourceLocale: String
    /// The language to render in.
    let locale: String

    /// The text for one time element: `datetime` and what the page showed.
    func render(_ datetime: String, original: String) -> String? {
        guard let date = MachineDate(datetime) else { return nil }
        return ICUFormat.date(date, skeleton: skeleton(date, original: original), locale: locale)
    }

    /// The texts for two time elements that form a range ("A–B"), from ICU's interval
    /// formatter, and the text that goes between them.
    func renderRange(_ first: (datetime: String, original: String), _ second: (datetime: String, original: String))
        -> (first: String, separator: String, second: String)? {
        guard let from = MachineDate(first.datetime), let to = MachineDate(second.datetime),
              from.zone == to.zone, from.millis <= to.millis else { return nil }
        let fields = Set(skeleton(from, original: first.original)).union(skeleton(to, original: second.original))
        let skeleton = Self.canonicalOrder.filter { fields.contains($0) }
        guard let interval = ICUFormat.interval(from, to, skeleton: String(skeleton), locale: locale),
              let firstPart = interval.first, let secondPart = interval.second, firstPart.upperBound <= secondPart.lowerBound
        else { return nil }
        let units = Array(interval.text.utf16)
        func text(_ range: Range<Int>) -> String { String(decoding: units[range], as: UTF16.self) }
        return (text(0..<firstPart.upperBound), text(firstPart.upperBound..<secondPart.lowerBound),
                text(secondPart.lowerBound..<units.count))
    }

    static let canonicalOrder: [Character] = ["E", "y", "M", "d", "j", "m"]

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
