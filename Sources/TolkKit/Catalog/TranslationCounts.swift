/// How many messages (or segments) are in each state: the one tally behind the figures
/// every command prints (extract's summary, check in every format, stats, build's
/// threshold, serve's report). Translated means what the build publishes, so a
/// translation it refuses (its placeholders are wrong) counts as untranslated.
public struct TranslationCounts: Sendable, Equatable {
    public private(set) var translated = 0
    public private(set) var fuzzy = 0
    /// Untranslated and missing, without the refused.
    public private(set) var empty = 0
    /// Translations the build does not publish because their placeholders are wrong.
    public private(set) var refused = 0

    public init() {}

    /// Counts read back from a report, which shows the refused among the untranslated.
    init(translated: Int, fuzzy: Int, untranslated: Int) {
        self.translated = translated
        self.fuzzy = fuzzy
        empty = untranslated
    }

    public var total: Int { translated + fuzzy + empty + refused }
    /// Not translated, as the reports count it: empty or refused.
    public var untranslated: Int { empty + refused }
    /// The translated share in percent; 100 for nothing to translate.
    public var percent: Double { Share.percent(translated, of: total) }

    /// Counts one message or segment in `state` (or `count`, for a tally of words).
    public mutating func add(_ state: TranslationTable.EntryState, count: Int = 1) {
        switch state {
        case .translated: translated += count
        case .fuzzy: fuzzy += count
        case .untranslated: empty += count
        case .refused: refused += count
        }
    }

    public mutating func add(_ other: TranslationCounts) {
        translated += other.translated
        fuzzy += other.fuzzy
        empty += other.empty
        refused += other.refused
    }
}
