/// Two times joined by a dash ("10:00–12:00") or by "bis" as German writes "10 bis 12
/// Uhr": a range, which ICU's interval formatter renders as one. The one rule by which the
/// page outline (an event's dates for the index), the times outside units and the times
/// inside a unit's translation are paired.
enum TimeRange {
    /// The two times when `items[index]`, `items[index + 1]` and `items[index + 2]` are a
    /// time, text that joins them, and a time; `time` says what in `items` is a time (nil
    /// for anything else), `text` what is text.
    static func at<Item, Time>(_ index: Int, in items: [Item], time: (Item) -> Time?, text: (Item) -> String?) -> (Time, Time)? {
        guard index + 2 < items.count, let first = time(items[index]), let between = text(items[index + 1]),
              isSeparator(between), let second = time(items[index + 2]) else { return nil }
        return (first, second)
    }

    /// The `datetime` of a `<time>` element that can be in a range: one Tolk reads as a date or time.
    static func datetime(of element: HTMLElement) -> String? {
        guard element.name == "time", let datetime = element[attribute: "datetime"], MachineDate(datetime) != nil else { return nil }
        return datetime
    }

    /// A `datetime` that can be in a range, as a unit's placeholder holds it.
    static func datetime(of protection: InlineCode.Protection?) -> String? {
        guard case let .machineReadableTime(datetime) = protection, MachineDate(datetime) != nil else { return nil }
        return datetime
    }

    /// The text of a node, for `at(_:in:time:text:)` over an element's children.
    static func text(of node: HTMLNode) -> String? {
        if case let .text(text) = node { return text }
        return nil
    }

    /// True when the text between two times makes them a range: a dash, or "bis".
    static func isSeparator(_ text: some StringProtocol) -> Bool {
        ["–", "-", "—", "bis"].contains(String(text).trimmingHTMLWhitespace())
    }
}
