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
    /// The msgctxts of the catalogue's entries: a page's path among them means the page
    /// has translations of its own.
    private let contexts: Set<String>

    public init(catalog: POCatalog, path: String) {
        self.path = path
        var entries: [POEntry.Key: POEntry] = [:]
        var contexts: Set<String> = []
        for entry in catalog.entries where !entry.isObsolete && !entry.isHeader {
            entries[entry.key] = entry
            if let context = entry.context { contexts.insert(context) }
        }
        self.entries = entries
        self.contexts = contexts
    }

    /// Whether the catalogue has translations of `page`'s own (`PageTranslations`).
    public func hasTranslations(of page: String) -> Bool {
        contexts.contains(page)
    }

    /// The entry that answers `segment` on `page` (`Input/b.html`): the page's own
    /// translation (`PageTranslations`) when it has one the build can use, else the message's.
    public func key(for segment: SourceSegment, page: String) -> POEntry.Key {
        if segment.context == nil, contexts.contains(page), verdict(context: page, id: segment.text).isUsable {
            return POEntry.Key(context: page, id: segment.text)
        }
        return POEntry.Key(context: segment.context, id: segment.text)
    }

    /// The unit as one segment, when `page` has a translation of its own for all of it
    /// (`PageTranslations`) that the build publishes; nil when its sentences are translated one by one.
    public func wholeUnit(_ unit: PageExtraction.SegmentedUnit, page: String) -> SourceSegment? {
        guard contexts.contains(page), let whole = Segmenter.whole(unit), verdict(context: page, id: whole.text).isUsable else { return nil }
        return whole
    }

    /// What `segment` becomes on `page`: the verdict of the entry that answers it there
    /// (`key(for:page:)`).
    public func verdict(for segment: SourceSegment, page: String) -> Verdict {
        if segment.context == nil, contexts.contains(page) {
            let own = verdict(context: page, id: segment.text)
            if own.isUsable { return own }
        }
        return verdict(context: segment.context, id: segment.text)
    }

    public func lookup(context: String?, id: String) -> Lookup {
        guard let entry = entries[POEntry.Key(context: context, id: id)] else { return .missing }
        if entry.translation.isEmpty { return .untranslated(line: entry.line) }
        if entry.isFuzzy { return .fuzzy(line: entry.line) }
        return .translated(entry.translation, line: entry.line)
    }

    /// What a segment becomes in this catalogue's language: the one answer that build,
    /// stats, check and the index all use, so every command agrees on what is translated.
    public enum Verdict: Equatable, Sendable {
        /// A translation the build publishes, as pieces, from the entry at `line`.
        case usable([MessageText.Piece], line: Int)
        /// A translation the build does not use, because its placeholders are wrong.
        case refused(PlaceholderCheck.Problem, line: Int)
        case fuzzy(line: Int)
        case untranslated(line: Int)
        case missing

        public var isUsable: Bool { if case .usable = self { return true }; return false }
    }

    /// How one catalogue entry counts in the figures every command prints (extract's
    /// summary, the check's, stats): translated only when the build would publish it, so a
    /// translation whose placeholders it refuses is `refused`, not translated.
    public enum EntryState: Sendable, Equatable {
        case translated, refused, fuzzy, untranslated

        /// A segment's verdict as it counts: missing counts as untranslated.
        public init(_ verdict: Verdict) {
            switch verdict {
            case .usable: self = .translated
            case .refused: self = .refused
            case .fuzzy: self = .fuzzy
            case .untranslated, .missing: self = .untranslated
            }
        }
    }

    /// The state of `entry`; an ICU message's placeholders are ICU's to check, not the build's.
    public static func state(of entry: POEntry, isICUMessage: Bool) -> EntryState {
        guard entry.isTranslated, !entry.translation.isEmpty else { return .untranslated }
        if entry.isFuzzy { return .fuzzy }
        if isICUMessage { return .translated }
        return EntryState(verdict(of: entry))
    }

    /// What the translation of `entry` becomes in a page: the one definition of usable.
    static func verdict(of entry: POEntry) -> Verdict {
        if entry.translation.isEmpty { return .untranslated(line: entry.line) }
        if entry.isFuzzy { return .fuzzy(line: entry.line) }
        // A preformatted block starts and ends as its msgid does, however the translator trimmed it.
        switch PlaceholderCheck.validate(translation: POEntry.lineBreaks(of: entry.id, on: entry.translation), source: entry.id) {
        case let .success(pieces): return .usable(pieces, line: entry.line)
        case let .failure(problem): return .refused(problem, line: entry.line)
        }
    }

    public func verdict(context: String?, id: String) -> Verdict {
        guard let entry = entries[POEntry.Key(context: context, id: id)] else { return .missing }
        return Self.verdict(of: entry)
    }

    /// The entry for a message, for ICU messages and other lookups by key.
    public func entry(context: String?, id: String) -> POEntry? {
        entries[POEntry.Key(context: context, id: id)]
    }

    /// The catalogue's page messages (the index's own words aside), by state.
    public var messageCounts: TranslationCounts {
        var counts = TranslationCounts()
        for entry in entries.values where entry.context != IndexMessage.context {
            counts.add(EntryState(Self.verdict(of: entry)))
        }
        return counts
    }

    /// The share of the catalogue's page messages (the index's own words aside) whose
    /// translation the build uses, in percent; 100 for a catalogue with none.
    public var completion: Double { messageCounts.percent }
}
