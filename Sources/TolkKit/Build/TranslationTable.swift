/// The translations of one catalogue, looked up by msgctxt and msgid.
public struct TranslationTable: Sendable {
    /// What a catalogue says about one segment.
    public enum Lookup: Equatable, Sendable {
        case translated(String, line: Int)
        case fuzzy(line: Int)
        case untranslated(line: Int)
        case missing
    }

    /// The catalogue's path, for warnings (`Locales/de.po`).
    public let path: String
    private let entries: [POEntry.Key: POEntry]

    public init(catalog: POCatalog, path: String) {
        self.path = path
        var entries: [POEntry.Key: POEntry] = [:]
        for entry in catalog.entries where !entry.isObsolete && !entry.isHeader {
            entries[entry.key] = entry
        }
        self.entries = entries
    }

    public func lookup(context: String?, id: String) -> Lookup {
        guard let entry = entries[POEntry.Key(context: context, id: id)] else { return .missing }
        if entry.translation.isEmpty { return .untranslated(line: entry.line) }
        if entry.isFuzzy { return .fuzzy(line: entry.line) }
        return .translated(entry.translation, line: entry.line)
    }

    /// The entry for a message, for ICU messages and other lookups by key.
    public func entry(context: String?, id: String) -> POEntry? {
        entries[POEntry.Key(context: context, id: id)]
    }
}
