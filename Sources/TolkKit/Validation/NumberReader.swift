import Foundation

/// Reads the numbers of a text as values, the way its language writes them: numbers parsed
/// by ICU in that locale (1.000,5 in German is 1000.5), times as minutes of the day
/// (2pm, 14:00 and 14 Uhr are one value), ordinals and dates as their parts, and month
/// names as month numbers, so "13 October" and "13. Oktober" and "13.10." agree.
struct NumberReader {
    let locale: String

    /// A value a text holds: a number (a date's parts and a month are numbers too), or a
    /// time of day in minutes after midnight.
    enum Value: Hashable, Comparable, CustomStringConvertible {
        case number(Double)
        case timeOfDay(minutes: Int)

        /// As a message shows it: `13`, `1000.5`, `14:00`.
        var description: String {
            switch self {
            case let .number(value): return NumberReader.format(value)
            case let .timeOfDay(minutes): return String(format: "%d:%02d", minutes / 60, minutes % 60)
            }
        }
    }

    /// The values of `text`, in order.
    func values(in text: String) -> [Value] {
        let string = text as NSString
        var consumed = IndexSet()
        var values: [(Int, Value)] = []
        func take(_ pattern: String, _ make: (NSTextCheckingResult) -> [Value]?) {
            guard let regex = Self.regex(pattern) else { return }
            for match in regex.matches(in: text, range: NSRange(location: 0, length: string.length)) {
                let range = match.range
                guard !consumed.intersects(integersIn: range.location..<(range.location + range.length)),
                      let made = make(match) else { continue }
                consumed.insert(integersIn: range.location..<(range.location + range.length))
                values += made.map { (range.location, $0) }
            }
        }
        func group(_ match: NSTextCheckingResult, _ index: Int) -> String? {
            let range = match.range(at: index)
            return range.location == NSNotFound ? nil : string.substring(with: range)
        }
        func number(_ text: String?) -> Value? { text.flatMap { Double($0) }.map { .number($0) } }
        func time(_ hour: String?, _ minute: String?, _ marker: String?) -> [Value]? {
            guard var hours = hour.flatMap({ Int($0) }), hours <= 24 else { return nil }
            let minutes = minute.flatMap { Int($0) } ?? 0
            guard minutes < 60 else { return nil }
            let marker = marker?.lowercased().replacingOccurrences(of: ".", with: "")
            if marker == "pm", hours < 12 { hours += 12 }
            if marker == "am", hours == 12 { hours = 0 }
            return [.timeOfDay(minutes: hours * 60 + minutes)]
        }
        let day = #"(?<![\d.,])"#
        // Dates: 2022-10-13, 13.10.2022, 11/10/22, 13.10.
        take(#"\b(\d{4})-(\d{2})-(\d{2})\b"#) { match in [1, 2, 3].compactMap { number(group(match, $0)) } }
        take(day + #"(\d{1,2})[./](\d{1,2})[./](\d{2,4})\b"#) { match in [1, 2, 3].compactMap { number(group(match, $0)) } }
        take(day + #"(\d{1,2})\.(\d{1,2})\.(?!\d)"#) { match in
            guard let month = group(match, 2).flatMap({ Int($0) }), (1...12).contains(month) else { return nil }
            return [1, 2].compactMap { number(group(match, $0)) }
        }
        // Times: 14:00, 9.30 Uhr, 10:00 am, 2pm, 10 Uhr, 9.30–11.00.
        let marker = #"\s*(a\.?m\.?|p\.?m\.?|uhr|h\b)"#
        take(day + #"(\d{1,2}):(\d{2})(?:"# + marker + ")?") { time(group($0, 1), group($0, 2), group($0, 3)) }
        take(day + #"(\d{1,2})\.(\d{2})"# + marker) { time(group($0, 1), group($0, 2), group($0, 3)) }
        take(day + #"(\d{1,2})\.(\d{2})(?=\s*[-–]\s*\d{1,2}[.:]\d{2})"#) { time(group($0, 1), group($0, 2), nil) }
        // "at 9.30", "um 9.30": a time where a preposition of time says so.
        take(#"(?<=\b(?:at|from|until|till|to|by|um|ab|bis|von|gegen)\s)(\d{1,2})\.(\d{2})\b"#) { time(group($0, 1), group($0, 2), nil) }
        take(#"(?<=[-–]\s?)(\d{1,2})\.(\d{2})\b"#) { time(group($0, 1), group($0, 2), nil) }
        // "10–12 Uhr": both ends of a range are hours.
        take(day + #"(\d{1,2})\s*[-–]\s*(\d{1,2})\s*(uhr|h\b)"#) { match in
            guard let first = time(group(match, 1), nil, nil), let second = time(group(match, 2), nil, nil) else { return nil }
            return first + second
        }
        take(day + #"(\d{1,2})"# + marker) { time(group($0, 1), nil, group($0, 2)) }
        // Ordinals: 13th, 1st; German 13. before a word.
        take(#"\b(\d+)(?:st|nd|rd|th)\b"#) { [number(group($0, 1))].compactMap { $0 } }
        take(day + #"(\d{1,3})\.(?=\s+\p{L})"#) { [number(group($0, 1))].compactMap { $0 } }
        // Month names, in this language, as month numbers.
        let months = monthNames()
        take(Self.monthPatterns.value(for: locale) { Self.monthPattern(months) }) { match in
            guard let name = group(match, 1)?.lowercased(),
                  let month = months.firstIndex(where: { $0.contains(name) }) else { return nil }
            return [.number(Double(month + 1))]
        }
        // Everything else numeric, parsed by ICU the locale's way.
        let units = Array(text.utf16)
        var index = 0
        while index < units.count {
            let isDigit = units[index] >= 0x30 && units[index] <= 0x39
            if isDigit, !consumed.contains(index), let parsed = ICUText.parseNumber(Array(units[index...]), locale: locale) {
                let end = min(index + parsed.length, units.count)
                let overlap = consumed.intersects(integersIn: index..<end)
                if !overlap {
                    values.append((index, .number(parsed.value)))
                    consumed.insert(integersIn: index..<end)
                }
                index = max(end, index + 1)
                while index < units.count, units[index] >= 0x30 && units[index] <= 0x39 { index += 1 }
                continue
            }
            index += 1
        }
        return values.sorted { $0.0 < $1.0 }.map(\.1)
    }

    private static let months = LocaleCache<[[String]]>()
    private static let monthPatterns = LocaleCache<String>()

    static func regex(_ pattern: String) -> NSRegularExpression? {
        RegexCache.regex(pattern, caseInsensitive: true)
    }

    /// One pattern for all month names of a language, longest first.
    static func monthPattern(_ months: [[String]]) -> String {
        let names = Set(months.flatMap { $0 }.filter { $0.count >= 3 }).sorted { ($0.count, $0) > ($1.count, $1) }
        return #"(?<!\p{L})("# + names.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + #")\.?(?!\p{L})"#
    }

    /// Full and short month names in this language, lowercased, January first.
    private func monthNames() -> [[String]] {
        Self.months.value(for: locale) { Self.computeMonthNames(locale) }
    }

    private static func computeMonthNames(_ locale: String) -> [[String]] {
        (1...12).map { month in
            let date = MachineDate(String(format: "2022-%02d-15", month))!
            return ["MMMM", "MMM"].compactMap { ICUFormat.date(date, skeleton: $0, locale: locale)?.lowercased() }
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
