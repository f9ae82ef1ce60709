/// One translation the project memory holds: a source sentence in Tolk's message text
/// (`MessageText`: `<1>…</1>` and `<2/>` for inline codes) and its translation, with
/// where it came from.
///
/// The memory is made of every usable translation of every catalogue of the project and
/// every unit of the TMX files under `Locales/memory/`. A TMX unit with several languages
/// gives a memory unit for each pair of them, both ways.
public struct MemoryUnit: Sendable, Equatable {
    /// BCP 47 tags, as the catalogue or the TMX file gives them.
    public var sourceLanguage: String
    public var targetLanguage: String
    public var source: String
    public var target: String
    public var origin: MemoryOrigin
    /// The msgctxt of the entry it came from (a TMX unit's `x-tolk-msgctxt` property).
    public var context: String?
    /// The page it was translated for: the entry's first `#:` page (`x-tolk-page`).
    public var page: String?
    /// The sources of the entries before and after it in its catalogue, which is in page
    /// order: with the page, what makes an exact match a context match.
    public var previous: String?
    public var next: String?
    /// The original markup of each placeholder number, when the unit came from a TMX file
    /// (a catalogue's are on its pages).
    public var codes: [Int: OriginalCode] = [:]

    public init(sourceLanguage: String, targetLanguage: String, source: String, target: String, origin: MemoryOrigin,
                context: String? = nil, page: String? = nil, previous: String? = nil, next: String? = nil) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.source = source
        self.target = target
        self.origin = origin
        self.context = context
        self.page = page
        self.previous = previous
        self.next = next
    }
}

/// Where a memory unit came from: a catalogue entry (`Locales/en/de.po:120`) or a TMX
/// unit (`Locales/memory/agency.tmx:57`, with its `tuid` when it has one). A catalogue's
/// line is its `msgstr`'s: where the translation is, as `tolk check`'s findings point.
public struct MemoryOrigin: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var tuid: String?

    public init(file: String, line: Int, tuid: String? = nil) {
        self.file = file
        self.line = line
        self.tuid = tuid
    }

    public var description: String {
        "\(file):\(line)" + (tuid.map { " (tuid \($0))" } ?? "")
    }
}

/// What the memory says about one sentence: its best unit and how close it is.
public struct MemoryMatch: Sendable, Equatable {
    public var unit: MemoryUnit
    /// 0–100, as `MatchScore` defines it.
    public var score: Int
    /// The two differ in a number: the translation's number must be checked.
    public var numbersDiffer: Bool
    /// An exact match for the same msgctxt on the same page between the same sentences.
    public var inContext: Bool
    /// The translation with its placeholders numbered as the sentence looked up numbers
    /// its own (`PlaceholderTransfer`).
    public var transferred: String
    /// Placeholders that could not be mapped between the two; each cost the score 5.
    public var unmappedPlaceholders: Int
}

extension MemoryUnit {
    /// The memory units of a catalogue (`path`, translating `source` into `target`): every
    /// entry the build would publish (translated, not fuzzy, placeholders right), in file
    /// order, plural and ICU MessageFormat entries left out. Each knows its neighbours.
    public static func units(of catalog: POCatalog, path: String, from source: String, to target: String) -> [MemoryUnit] {
        let table = TranslationTable(catalog: catalog, path: path)
        let active = catalog.activeMessages
        var units: [MemoryUnit] = []
        for (index, entry) in active.enumerated() where entry.pluralID == nil && !entry.id.isEmpty
            && entry.context != IndexMessage.context && !entry.flags.contains("icu-message-format")
            && table.verdict(context: entry.context, id: entry.id).isUsable {
            units.append(MemoryUnit(sourceLanguage: source, targetLanguage: target, source: entry.id, target: entry.translation,
                                    origin: MemoryOrigin(file: path, line: entry.translationLine), context: entry.context,
                                    page: MemoryLeverage.page(of: entry),
                                    previous: index > 0 ? active[index - 1].id : nil,
                                    next: index + 1 < active.count ? active[index + 1].id : nil))
        }
        return units
    }
}
