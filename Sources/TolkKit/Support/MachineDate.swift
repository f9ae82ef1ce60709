/// A machine-readable date from a `<time datetime>` attribute (HTML's valid date strings).
struct MachineDate: Sendable, Equatable {
    enum Precision: Int, Sendable, Comparable {
        case year, month, day, minute

        static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Milliseconds since 1970 of the instant.
    var millis: Double
    /// The time zone to show it in: the offset the page gave ("GMT+01:00"), or UTC for
    /// floating dates and times, so the wall time written in the page is what is shown.
    var zone: String
    var precision: Precision
    var year: Int

    /// A time of day with an offset (`10:00+01:00`, `10:00Z`): one instant, which can be
    /// shown in any zone. A floating time (`10:00`) is a wall time and is shown as written.
    var isInstant: Bool { precision == .minute && zone != "UTC" }

    /// Reads `2022`, `2022-10`, `2022-10-11`, `2022-10-11T10:00`, `2022-10-11T10:00:30+01:00`,
    /// `2022-10-11 10:00Z`; nil for anything else (durations, weeks, times alone).
    init?(_ value: String) {
        let text = value.trimmingHTMLWhitespace()
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "T" || $0 == " " })
        guard (1...2).contains(parts.count) else { return nil }
        let dateFields = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(dateFields.count), dateFields[0].count == 4,
              let year = Int(dateFields[0]) else { return nil }
        let month = dateFields.count > 1 ? Int(dateFields[1]) : 1
        let day = dateFields.count > 2 ? Int(dateFields[2]) : 1
        guard let month, let day, (1...12).contains(month), (1...31).contains(day),
              dateFields.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }
        var seconds = Double(Self.daysFromCivil(year: year, month: month, day: day)) * 86_400
        var zone = "UTC"
        var precision: Precision = [.year, .month, .day][dateFields.count - 1]
        if parts.count == 2 {
            guard dateFields.count == 3 else { return nil }
            var time = Substring(parts[1])
            var offset = 0
            if time.hasSuffix("Z") {
                time = time.dropLast()
                zone = "GMT"
            } else if let sign = time.lastIndex(where: { $0 == "+" || $0 == "-" }) {
                let offsetFields = time[time.index(after: sign)...].split(separator: ":")
                guard let hours = offsetFields.first.flatMap({ Int($0) }), hours <= 23 else { return nil }
                let minutes = offsetFields.count > 1 ? Int(offsetFields[1]) ?? 0 : 0
                offset = (hours * 3600 + minutes * 60) * (time[sign] == "-" ? -1 : 1)
                zone = "GMT" + String(time[sign...])
                if !zone.contains(":") { zone += ":00" }
                time = time[..<sign]
            }
            let timeFields = time.split(separator: ":")
            guard timeFields.count >= 2, let hour = Int(timeFields[0]), let minute = Int(timeFields[1]),
                  hour < 24, minute < 60 else { return nil }
            let second = timeFields.count > 2 ? Double(timeFields[2]) ?? 0 : 0
            seconds += Double(hour * 3600 + minute * 60) + second - Double(offset)
            precision = .minute
        }
        self.millis = seconds * 1000
        self.zone = zone
        self.precision = precision
        self.year = year
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
