/// Fills new and empty catalogue entries from the memory, as `tolk extract` does.
///
/// The best unit at or above `minimumMatch` gives the entry its translation, placeholders
/// mapped by order and kind, marked `fuzzy` with the unit's source as `#|` msgid and an
/// extracted comment naming the score and the origin:
///
/// ```
/// #. Memory: 92% from Locales/en/de.po:120
/// #. Memory: 100% from Locales/memory/agency.tmx:57 (tuid 4711), numbers differ
/// ```
///
/// Only an exact match for the same msgctxt on the same page between the same sentences
/// (a context match) is taken as translated, and only with `trustInContext`. Plural
/// entries and ICU MessageFormat entries (the index's words) are left alone.
public struct MemoryLeverage: Sendable {
    public static let defaultMinimumMatch = 75

    public var index: MemoryIndex
    public var minimumMatch: Int
    public var trustInContext: Bool

    public init(index: MemoryIndex, minimumMatch: Int = Self.defaultMinimumMatch, trustInContext: Bool = false) {
        self.index = index
        self.minimumMatch = minimumMatch
        self.trustInContext = trustInContext
    }

    /// `CatalogMerger`'s leverage step: each request filled, or nil.
    public func fill(_ requests: [CatalogMerger.LeverageRequest]) -> [POEntry?] {
        guard !index.isEmpty else { return requests.map { _ in nil } }
        return Parallel.map(requests) { request in fill(request) }.map { (try? $0.get()) ?? nil }
    }

    func fill(_ request: CatalogMerger.LeverageRequest) -> POEntry? {
        let entry = request.entry
        guard entry.pluralID == nil, !entry.id.isEmpty, entry.context != IndexMessage.context,
              !entry.flags.contains("icu-message-format") else { return nil }
        let context = MemoryIndex.Context(msgctxt: entry.context, page: Self.page(of: entry),
                                          previous: request.previous, next: request.next)
        guard let match = index.best(for: entry.id, minimum: minimumMatch, context: context) else { return nil }
        var filled = entry
        filled.translations = [POEntry.lineBreaks(of: entry.id, on: match.transferred)]
        filled.isFuzzy = !(trustInContext && match.inContext)
        if filled.isFuzzy {
            filled.previousContext = match.unit.context
            filled.previousID = match.unit.source
        }
        filled.extractedComments.append(Self.comment(for: match))
        return filled
    }

    /// `Memory: 92% from Locales/en/de.po:120`, with what the translator must look at.
    static func comment(for match: MemoryMatch) -> String {
        var notes: [String] = []
        if match.inContext { notes.append("context match") }
        if match.numbersDiffer { notes.append("numbers differ") }
        if match.unmappedPlaceholders > 0 { notes.append("\(match.unmappedPlaceholders) placeholder(s) to place") }
        return CatalogMerger.memoryCommentPrefix + "\(match.score)% from \(match.unit.origin)"
            + (notes.isEmpty ? "" : ", " + notes.joined(separator: ", "))
    }

    /// The page an entry was translated for: its msgctxt when that is a page, else its first reference's file.
    static func page(of entry: POEntry) -> String? {
        if let context = entry.context, context.hasPrefix("Input/") { return context }
        guard let reference = entry.sourceReferences.first else { return nil }
        if let colon = reference.lastIndex(of: ":"), reference[reference.index(after: colon)...].allSatisfy(\.isNumber) {
            return String(reference[..<colon])
        }
        return reference
    }
}
