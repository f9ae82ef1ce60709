import Foundation

/// Renders `<time datetime>` content for a language, showing the same parts the page's
/// author wrote (weekday, month name, year, time of day) in that language's own style.
struct DateRenderer {
    /// The language the page was written in, to recognise what its author showed.
    let sourceLocale: String
    /// The language to render in.
    let locale: String
    /// The IANA zone event times are given in (`tolk.toml`'s `site.time-zone`): times of day
    /// are shown in it, with its name in the language ("BST", "MESZ").
    var siteZone: String? = nil
    /// The zone this language's readers live in, when it is another: times are shown in it too.
    var audienceZone: String? = nil

    /// The text for one time element: `datetime` and what the page showed.
    func render(_ datetime: String, original: String, skeleton fixed: String? = nil) -> String? {
        guard var date = MachineDate(datetime) else { return nil }
        let skeleton = fixed ?? skeleton(date, original: original)
        guard let siteZone, date.isInstant, skeleton.contains("j") else {
            return ICUFormat.date(date, skeleton: skeleton, locale: locale)
        }
        date.zone = siteZone
        return formatted(date, skeleton: skeleton)
    }

    /// The same time (or range) in the language's own zone, " (11:00–13:00 Uhr MESZ)", or
    /// "" when it has none: written after the `<time>` element, whose `datetime` is the
    /// site's time, never inside it.
    func inAudienceZone(_ datetime: String, to end: String? = nil, original: String = "", skeleton fixed: String? = nil) -> String {
        guard siteZone != nil, var from = MachineDate(datetime), from.isInstant,
              (fixed ?? skeleton(from, original: original)).contains("j") else { return "" }
        var to = end.flatMap(MachineDate.init) ?? from
        guard to.zone == from.zone, from.millis <= to.millis else { return "" }
        from.zone = siteZone!
        to.zone = siteZone!
        return audienceTime(from, to)
    }

    /// The zone's short name where the language has one ("BST", "MESZ"), else its long name
    /// ("Britische Sommerzeit" rather than "GMT+1"), as an ICU field.
    private func zoneField(_ date: MachineDate) -> String {
        isOffset(ICUFormat.date(date, skeleton: "z", locale: locale)) ? "zzzz" : "z"
    }

    private func isOffset(_ name: String?) -> Bool {
        guard let name else { return true }
        return name.hasPrefix("GMT") || name.hasPrefix("UTC")
    }

    /// `skeleton` with the zone: the language's abbreviation ("MESZ"), else the one the
    /// zone's own country uses ("12:00 Uhr BST": after "Uhr", German reads an abbreviation,
    /// where a full name in the nominative, "Britische Sommerzeit", reads as a mistake),
    /// else the long name.
    private func formatted(_ date: MachineDate, skeleton: String) -> String? {
        let short = ICUFormat.date(date, skeleton: "z", locale: locale)
        guard isOffset(short), let offset = short, let home = ICUFormat.zoneLocale(date.zone),
              case let own = ICUFormat.date(date, skeleton: "z", locale: home), !isOffset(own), let own,
              let text = ICUFormat.date(date, skeleton: skeleton + "z", locale: locale), text.contains(offset) else {
            return ICUFormat.date(date, skeleton: skeleton + zoneField(date), locale: locale)
        }
        return text.replacingOccurrences(of: offset, with: own)
    }

    private func zoneName(_ date: MachineDate) -> String? {
        formatted(date, skeleton: "")
    }

    /// " (11:00 MESZ)": the time again in the audience's zone, when it has one of its own.
    private func audienceTime(_ from: MachineDate, _ to: MachineDate) -> String {
        guard let audienceZone, audienceZone != siteZone else { return "" }
        var from = from, to = to
        from.zone = audienceZone
        to.zone = audienceZone
        let text = from.millis == to.millis
            ? formatted(from, skeleton: "jm")
            : ICUFormat.interval(from, to, skeleton: "jm", locale: locale).map { $0.text + (zoneName(from).map { " " + $0 } ?? "") }
        return text.map { " (\($0))" } ?? ""
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
        guard var from = MachineDate(first.datetime), var to = MachineDate(second.datetime),
              from.zone == to.zone, from.millis <= to.millis else { return nil }
        // The range shows every part either end showed.
        let fields = Set(fieldsOf(skeleton(from, original: first.original)) + fieldsOf(skeleton(to, original: second.original)))
        var skeleton = fixed ?? Self.canonicalOrder.filter { fields.contains($0) }.joined()
        // Days without times, weekdays and all, leave the first day dangling ("Montag, 10. –
        // Freitag, 14. Oktober"; "Monday, 10 – Friday, 14 October"): a range of days reads as
        // ICU's day interval, "10.–14. Oktober 2022", "10–14 October 2022".
        if !skeleton.contains("j"), first.datetime.prefix(10) != second.datetime.prefix(10) {
            skeleton = skeleton.replacingOccurrences(of: "EEEE", with: "")
        }
        var extra = ""
        if let siteZone, from.isInstant, skeleton.contains("j") {
            from.zone = siteZone
            to.zone = siteZone
            // ICU's interval formatter shows only a zone's short name ("GMT+1" in German for
            // London): the name the language has is added after the range instead.
            extra = zoneName(from).map { " " + $0 } ?? ""
        }
        guard let interval = ICUFormat.interval(from, to, skeleton: skeleton, locale: locale),
              let firstPart = interval.first, let secondPart = interval.second, firstPart.upperBound <= secondPart.lowerBound
        else { return nil }
        let units = Array(interval.text.utf16)
        func text(_ range: Range<Int>) -> String { String(decoding: units[range], as: UTF16.self) }
        // Punctuation that ends the first date ("10." in German) belongs to it, not to the
        // separator, which the page shows between the two elements: "Montag, 10. – Freitag".
        var firstEnd = firstPart.upperBound
        while firstEnd < secondPart.lowerBound, let scalar = Unicode.Scalar(units[firstEnd]),
              scalar.properties.generalCategory == .otherPunctuation {
            firstEnd += 1
        }
        return (text(0..<firstEnd), text(firstEnd..<secondPart.lowerBound), text(secondPart.lowerBound..<units.count) + extra)
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
