/// A gettext PO catalogue: a header entry and messages, in file order.
public struct POCatalog: Sendable, Equatable {
    /// All entries in file order; the header (empty msgid) comes first when present.
    public var entries: [POEntry]
    /// The charset the file declared when it was not UTF-8; Tolk writes UTF-8.
    public var convertedFrom: String?

    public init(entries: [POEntry] = []) {
        self.entries = entries
    }

    public var header: POEntry? {
        entries.first(where: \.isHeader)
    }

    /// The messages that are not obsolete, header excluded.
    public var activeMessages: [POEntry] {
        entries.filter { !$0.isHeader && !$0.isObsolete }
    }

    /// A header field such as `Language` or `Plural-Forms`.
    public func headerField(_ name: String) -> String? {
        guard let header else { return nil }
        for line in header.translation.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].trimmingHTMLWhitespace().lowercased() == name.lowercased() {
                return line[line.index(after: colon)...].trimmingHTMLWhitespace()
            }
        }
        return nil
    }
}
