/// The memory's units from one language into another, indexed for fuzzy lookups.
///
/// An inverted index from each case-folded word (and one key for all numbers) to the units
/// holding it. A unit can only score `t` (0–1) against a sentence of weight `w` if it
/// misses at most `(1 − t) ÷ t × w` of the sentence's words (each missing word costs at
/// least 1, and a unit more than `w ÷ t` heavy scores below `t`), so a lookup reads the
/// units of the sentence's rarest words only, that many plus three, keeps those holding
/// enough of them, and compares them best bound first (`MatchScore.bound`) until no other
/// can do better: the common words, in most units, are never read.
public struct MemoryIndex: Sendable {
    public let sourceLanguage: String
    public let targetLanguage: String
    /// The units, each source and translation once (the first origin kept), in memory order.
    public let units: [MemoryUnit]
    private let tokens: [MatchTokens]
    private let postings: [UInt64: [Int32]]
    private let exact: [String: [Int32]]

    /// Indexes the units of `memory` from `source` into `target` (languages compared as
    /// `LanguageTag.sameLanguage` does: `de-DE` is `de`).
    public init(_ memory: [MemoryUnit], from source: String, to target: String) {
        sourceLanguage = source
        targetLanguage = target
        var seen = Set<PairKey>()
        var units: [MemoryUnit] = []
        for unit in memory where LanguageTag.sameLanguage(unit.sourceLanguage, source) && LanguageTag.sameLanguage(unit.targetLanguage, target)
            && !unit.source.isEmpty && !unit.target.isEmpty {
            if seen.insert(PairKey(source: unit.source, target: unit.target, context: unit.context, page: unit.page)).inserted {
                units.append(unit)
            }
        }
        self.units = units
        let locale = source
        let tokens = Parallel.map(units) { MatchTokens($0.source, locale: locale) }.map { try! $0.get() }
        var postings: [UInt64: [Int32]] = [:]
        var exact: [String: [Int32]] = [:]
        for (index, unit) in tokens.enumerated() {
            for key in unit.keys { postings[key, default: []].append(Int32(index)) }
            exact[unit.text, default: []].append(Int32(index))
        }
        self.tokens = tokens
        self.postings = postings
        self.exact = exact
    }

    private struct PairKey: Hashable {
        var source: String, target: String, context: String?, page: String?
    }

    public var isEmpty: Bool { units.isEmpty }

    /// Where a sentence is looked up from: what makes an exact match a context match.
    public struct Context: Sendable {
        public var msgctxt: String?
        public var page: String?
        public var previous: String?
        public var next: String?

        public init(msgctxt: String? = nil, page: String? = nil, previous: String? = nil, next: String? = nil) {
            self.msgctxt = msgctxt
            self.page = page
            self.previous = previous
            self.next = next
        }
    }

    /// The best unit for `message` scoring at least `minimum` (0–100), or nil. Among equal
    /// scores a context match wins, then one for the same msgctxt, then the first in memory order.
    public func best(for message: String, minimum: Int, context: Context? = nil) -> MemoryMatch? {
        matches(for: message, minimum: minimum, context: context, limit: 1).first
    }

    /// The units scoring at least `minimum` against `message`, best first, at most `limit`.
    public func matches(for message: String, minimum: Int, context: Context? = nil, limit: Int) -> [MemoryMatch] {
        guard !units.isEmpty, limit > 0 else { return [] }
        let sentence = MatchTokens(message, locale: sourceLanguage)
        var found: [MemoryMatch] = []
        var ranks: [(Int, Int, Int, Int)] = []
        func add(_ index: Int, _ raw: MatchScore) {
            let unit = units[index]
            let transferred = PlaceholderTransfer.transfer(unit.target, from: unit.source, to: message)
            // A translation whose placeholders cannot all be mapped needs more work: 5 points each.
            let score = max(0, raw.score - 5 * transferred.unmapped)
            guard score >= minimum else { return }
            let inContext = score == 100 && context.map { Self.sameContext(unit, $0) } == true
            found.append(MemoryMatch(unit: unit, score: score, numbersDiffer: raw.numbersDiffer, inContext: inContext,
                                     transferred: transferred.text, unmappedPlaceholders: transferred.unmapped))
            ranks.append((-score, inContext ? 0 : 1, context.map { $0.msgctxt == unit.context } == true ? 0 : 1, index))
        }
        /// The score the `limit`-th best has: what a unit must reach to be among them.
        func floor() -> Int { found.count < limit ? minimum : found.map(\.score).sorted(by: >)[limit - 1] }
        let exactOnes = exact[message].map { $0.map(Int.init) } ?? []
        for index in exactOnes { add(index, MatchScore(score: 100, numbersDiffer: false)) }
        // Best bound first: once `limit` units score above what the rest can reach, the rest
        // are not compared (a tie is compared: it may be a context match or the same msgctxt).
        let skip = Set(exactOnes)
        let bounded = candidates(for: sentence, minimum: minimum).compactMap { index -> (index: Int, bound: Int)? in
            guard !skip.contains(index) else { return nil }
            let bound = MatchScore.bound(sentence, tokens[index])
            return bound >= minimum ? (index, bound) : nil
        }.sorted { ($0.bound, -$0.index) > ($1.bound, -$1.index) }
        for candidate in bounded {
            let needed = floor()
            if candidate.bound < needed { break }
            guard let raw = MatchScore.of(sentence, tokens[candidate.index], minimum: needed) else { continue }
            add(candidate.index, raw)
        }
        return zip(found, ranks).sorted { $0.1 < $1.1 }.prefix(limit).map(\.0)
    }

    private static func sameContext(_ unit: MemoryUnit, _ context: Context) -> Bool {
        unit.context == context.msgctxt && unit.page != nil && unit.page == context.page
            && unit.previous == context.previous && unit.next == context.next
    }

    /// The units that can score `minimum` against `sentence`: not too heavy or too light,
    /// and missing at most `mayMiss` of its words. Read from the postings of its rarest
    /// words, `mayMiss + 3` of them: a unit must hold 3 of those (all but `mayMiss`), so
    /// one that shares a single word with the sentence is never compared.
    private func candidates(for sentence: MatchTokens, minimum: Int) -> [Int] {
        let threshold = Double(max(minimum, 1)) / 100
        let keys = sentence.keys.map { (key: $0, count: postings[$0]?.count ?? 0) }.sorted { ($0.count, $0.key) < ($1.count, $1.key) }
        guard !keys.isEmpty else { return [] }
        let mayMiss = Int(((1 - threshold) / threshold * sentence.weight).rounded(.down))
        let read = min(keys.count, mayMiss + 3)
        let needed = max(1, read - mayMiss)
        // A count per unit, and the units counted: no sort, no set.
        var counts = [UInt16](repeating: 0, count: units.count)
        var touched: [Int32] = []
        for key in keys.prefix(read) {
            guard let list = postings[key.key] else { continue }
            for index in list {
                if counts[Int(index)] == 0 { touched.append(index) }
                counts[Int(index)] &+= 1
            }
        }
        let lightest = sentence.weight * threshold - 1e-9, heaviest = sentence.weight / threshold + 1e-9
        var result: [Int] = []
        for index in touched.lazy.map(Int.init) where Int(counts[index]) >= needed
            && tokens[index].weight >= lightest && tokens[index].weight <= heaviest {
            result.append(index)
        }
        return result
    }

    /// Concordance: the units whose source holds `text` (case-insensitive), then those
    /// matching it fuzzily at 50 or more, best first.
    public func search(_ text: String, limit: Int = 20) -> [MemoryMatch] {
        let needle = text.lowercased()
        let sentence = MatchTokens(MessageText.escape(text), locale: sourceLanguage)
        var containing: [(match: MemoryMatch, index: Int)] = []
        for (index, unit) in units.enumerated() where containing.count < limit && MessageText.plainText(unit.source).lowercased().contains(needle) {
            let score = MatchScore.of(sentence, tokens[index])!
            containing.append((MemoryMatch(unit: unit, score: score.score, numbersDiffer: score.numbersDiffer, inContext: false,
                                           transferred: unit.target, unmappedPlaceholders: 0), index))
        }
        var results = containing.sorted { ($0.match.score, -$0.index) > ($1.match.score, -$1.index) }.map(\.match)
        if results.count < limit {
            for match in matches(for: MessageText.escape(text), minimum: 50, limit: limit)
            where results.count < limit && !results.contains(where: { $0.unit == match.unit }) {
                results.append(match)
            }
        }
        return results
    }
}
