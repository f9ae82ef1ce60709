extension MachineDate {
    /// True when the text between two times makes them a range: a dash, or "bis" as German
    /// writes "10 bis 12 Uhr". The one recogniser for extraction, the build and the index.
    static func isRangeSeparator(_ text: some StringProtocol) -> Bool {
        ["–", "-", "—", "bis"].contains(String(text).trimmingHTMLWhitespace())
    }
}
