/// The memory's units from one language into another, indexed for fuzzy lookups.
///
/// An inverted index from each case-folded word (and one key for all numbers) to the units
/// holding it. A unit can only score `t` (0–1) against a sentence of weight `w` if it
/// misses at most `(1 − t) ÷ t × w` of the sentence's words (each missing word costs at
/// least 1, and a unit more than `w ÷ t` heavy scores below `t`), so a lookup reads the
/// units of the sentence's rarest words only, that many plus one, and scores those: the
/// common words, in most units, are never read.
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
        var scored: [(index: Int, score: MatchScore)] = []
        if let same = exact[message] {
            scored = same.map { (Int($0), MatchScore(score: 100, numbersDiffer: false)) }
        }
        if scored.count < limit || minimum < 100 {
            var alreadyScored = Set(scored.map(\.index))
            for index in candidates(for: sentence, minimum: minimum) where !alreadyScored.contains(index) {
                alreadyScored.insert(index)
                let score = MatchScore.of(sentence, tokens[index])
                if score.score >= minimum { scored.append((index, score)) }
            }
        }
        let ranked = scored.map { item -> (MemoryMatch, rank: (Int, Int, Int, Int)) in
            let unit = units[item.index]
            let inContext = item.score.score == 100 && context.map { Self.sameContext(unit, $0) } == true
            let sameMsgctxt = context.map { $0.msgctxt == unit.context } ?? false
            let transferred = PlaceholderTransfer.transfer(unit.target, from: unit.source, to: message)
            // A translation whose placeholders cannot all be mapped needs more work: 5 points each.
            let score = max(0, item.score.score - 5 * transferred.unmapped)
            let match = MemoryMatch(unit: unit, score: score, numbersDiffer: item.score.numbersDiffer, inContext: inContext && transferred.unmapped == 0,
                                    transferred: transferred.text, unmappedPlaceholders: transferred.unmapped)
            return (match, (-score, inContext ? 0 : 1, sameMsgctxt ? 0 : 1, item.index))
        }
        return ranked.filter { $0.0.score >= minimum }.sorted { $0.rank < $1.rank }.prefix(limit).map(\.0)
    }

    private static func sameContext(_ unit: MemoryUnit, _ context: Context) -> Bool {
        unit.context == context.msgctxt && unit.page != nil && unit.page == context.page
            && unit.previous == context.previous && unit.next == context.next
    }

    /// The units that can score `minimum` against `sentence`: those holding one of its
    /// rarest words, as many as it may miss plus one, and not too heavy or too light.
    private func candidates(for sentence: MatchTokens, minimum: Int) -> [Int] {
        let threshold = Double(max(minimum, 1)) / 100
        let keys = sentence.keys.map { (key: $0, count: postings[$0]?.count ?? 0) }.sorted { ($0.count, $0.key) < ($1.count, $1.key) }
        guard !keys.isEmpty else { return [] }
        let mayMiss = Int(((1 - threshold) / threshold * sentence.weight).rounded(.down))
        var found = Set<Int32>()
        for key in keys.prefix(mayMiss + 1) {
            guard let list = postings[key.key] else { continue }
            found.formUnion(list)
        }
        let lightest = sentence.weight * threshold, heaviest = sentence.weight / threshold
        return found.map(Int.init).filter { tokens[$0].weight >= lightest - 1e-9 && tokens[$0].weight <= heaviest + 1e-9 }.sorted()
    }

    /// Concordance: the units whose source holds `text` (case-insensitive), then those
    /// matching it fuzzily at 50 or more, best first.
    public func search(_ text: String, limit: Int = 20) -> [MemoryMatch] {
        let needle = text.lowercased()
        let sentence = MatchTokens(MessageText.escape(text), locale: sourceLanguage)
        var containing: [(match: MemoryMatch, index: Int)] = []
        for (index, unit) in units.enumerated() where containing.count < limit && MessageText.plainText(unit.source).lowercased().contains(needle) {
            let score = MatchScore.of(sentence, tokens[index])
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
