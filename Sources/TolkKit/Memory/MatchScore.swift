/// How close two sentences are, 0–100, as the memory scores its matches.
///
/// Both are cut into tokens: ICU's words (a word, a number, an ideograph run), each other
/// non-blank piece of text as punctuation, and each placeholder (`<1>`, `</1>`, `<2/>`) as
/// one token of its kind, whatever its number. The cost of turning one into the other is
/// a weighted edit distance over those tokens:
///
/// | edit | cost |
/// | --- | --- |
/// | a word or number added or removed, or one word for another | 1 |
/// | a placeholder added or removed, or one kind for another | 1 |
/// | punctuation added, removed or changed | 0.3 |
/// | the same word in other case (`Event` for `event`) | 0.2 |
/// | one number for another (`2022` for `2023`) | 0.1, and the match is flagged |
///
/// The score is `100 × (1 − cost ÷ weight)`, rounded down, where `weight` is the larger of
/// the two sentences' weights (words, numbers and placeholders count 1, punctuation 0.3).
/// Only the same text scores 100; text that differs in spacing alone scores 99.
public struct MatchScore: Sendable, Equatable {
    public var score: Int
    public var numbersDiffer: Bool

    static let wordCost = 1.0
    static let punctuationCost = 0.3
    static let caseCost = 0.2
    static let numberCost = 0.1

    /// The score of `candidate` against `sentence`, both tokenized; nil when it is
    /// below `minimum` (the comparison stops as soon as it cannot reach it).
    static func of(_ sentence: MatchTokens, _ candidate: MatchTokens, minimum: Int = 0) -> MatchScore? {
        if sentence.text == candidate.text { return MatchScore(score: 100, numbersDiffer: false) }
        let weight = max(sentence.weight, candidate.weight)
        guard weight > 0 else { return minimum <= 99 ? MatchScore(score: 99, numbersDiffer: false) : nil }
        let limit = minimum <= 0 ? Double.infinity : (1 - Double(minimum) / 100) * weight + 1e-9
        guard let (cost, numbers) = distance(sentence.tokens, candidate.tokens, limit: limit) else { return nil }
        let score = min(99, max(0, Int(((1 - cost / weight) * 100 + 1e-9).rounded(.down))))
        return score >= minimum ? MatchScore(score: score, numbersDiffer: numbers) : nil
    }

    /// The highest score `candidate` can reach against `sentence`, from their words alone:
    /// each word (or number) one has and the other lacks costs at least 1, and a word of one
    /// can stand in for at most one of the other's.
    static func bound(_ sentence: MatchTokens, _ candidate: MatchTokens) -> Int {
        if sentence.text == candidate.text { return 100 }
        let a = sentence.bag, b = candidate.bag
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        let cost = Double(max(a.count - shared, b.count - shared))
        let weight = max(sentence.weight, candidate.weight)
        guard weight > 0 else { return 99 }
        return min(99, max(0, Int(((1 - cost / weight) * 100 + 1e-9).rounded(.down))))
    }

    /// The weighted edit distance, and whether a number was replaced on the cheapest path;
    /// nil once every path costs more than `limit`.
    private static func distance(_ a: [MatchToken], _ b: [MatchToken], limit: Double) -> (Double, Bool)? {
        let columns = b.count + 1
        var previous = [Double](repeating: 0, count: columns)
        var previousNumbers = [Bool](repeating: false, count: columns)
        for j in 0..<b.count { previous[j + 1] = previous[j] + b[j].weight }
        var current = previous
        var currentNumbers = previousNumbers
        for token in a {
            current[0] = previous[0] + token.weight
            currentNumbers[0] = false
            var rowMinimum = current[0]
            for j in 0..<b.count {
                let (substitution, isNumber) = substitute(token, b[j])
                var best = previous[j] + substitution
                var numbers = previousNumbers[j] || isNumber
                let deletion = previous[j + 1] + token.weight
                if deletion < best - 1e-12 { best = deletion; numbers = previousNumbers[j + 1] }
                let insertion = current[j] + b[j].weight
                if insertion < best - 1e-12 { best = insertion; numbers = currentNumbers[j] }
                current[j + 1] = best
                currentNumbers[j + 1] = numbers
                rowMinimum = min(rowMinimum, best)
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
            swap(&previousNumbers, &currentNumbers)
        }
        return previous[b.count] > limit ? nil : (previous[b.count], previousNumbers[b.count])
    }

    private static func substitute(_ a: MatchToken, _ b: MatchToken) -> (Double, Bool) {
        if a.exact == b.exact && a.kind == b.kind { return (0, false) }
        switch (a.kind, b.kind) {
        case (.word, .word) where a.folded == b.folded: return (caseCost, false)
        case (.number, .number): return (numberCost, true)
        case (.punctuation, .punctuation): return (punctuationCost, false)
        default: return (max(a.weight, b.weight), false)
        }
    }
}

/// One token of a sentence, as `MatchScore` compares them.
struct MatchToken: Sendable, Equatable {
    enum Kind: UInt8, Sendable { case word, number, punctuation, open, close, empty }
    var kind: Kind
    /// A hash of the token's text (for placeholders, of the kind alone).
    var exact: UInt64
    /// A hash of its text case-folded: what the memory's index is keyed on.
    var folded: UInt64

    var weight: Double { kind == .punctuation ? MatchScore.punctuationCost : MatchScore.wordCost }
}

/// A sentence cut into tokens, with its weight.
struct MatchTokens: Sendable {
    var text: String
    var tokens: [MatchToken]
    var weight: Double
    /// The folded keys of its words and numbers, sorted, repeats kept (for `MatchScore.bound`).
    var bag: [UInt64]

    /// The key every number shares in the index: numbers that differ still find each other.
    static let numberKey: UInt64 = 0x6e75_6d62_6572

    init(_ message: String, locale: String) {
        text = message
        var tokens: [MatchToken] = []
        func hash(_ text: some StringProtocol) -> UInt64 {
            var hash = FastHash()
            hash.combine(String(text))
            return hash.value
        }
        for piece in MessageText.parse(message) {
            switch piece {
            case let .text(text):
                for (word, kind) in Self.words(in: text, locale: locale) {
                    let exact = hash(word)
                    let folded = kind == .number ? Self.numberKey : kind == .word ? hash(word.lowercased()) : exact
                    tokens.append(MatchToken(kind: kind, exact: exact, folded: folded))
                }
            case .open: tokens.append(MatchToken(kind: .open, exact: 1, folded: 1))
            case .close: tokens.append(MatchToken(kind: .close, exact: 2, folded: 2))
            case .empty: tokens.append(MatchToken(kind: .empty, exact: 3, folded: 3))
            }
        }
        self.tokens = tokens
        weight = tokens.reduce(0) { $0 + $1.weight }
        bag = tokens.filter { $0.kind == .word || $0.kind == .number }.map(\.folded).sorted()
    }

    /// The index keys: each word case-folded, and one key for any number.
    var keys: Set<UInt64> { Set(bag) }

    /// ICU's word pieces of `text`: words, numbers and the non-blank rest as punctuation.
    static func words(in text: String, locale: String) -> [(Substring, MatchToken.Kind)] {
        let units = Array(text.utf16)
        guard let boundaries = try? BreakIterator.boundaries(.word, in: units, locale: locale) else { return [] }
        var result: [(Substring, MatchToken.Kind)] = []
        var start = text.utf16.startIndex
        var startOffset = 0
        for boundary in boundaries {
            let end = text.utf16.index(start, offsetBy: boundary.offset - startOffset)
            let piece = text[start..<end]
            start = end
            startOffset = boundary.offset
            // UBRK_WORD_NUMBER is 100–199; letters, kana and ideographs are 200 and up.
            if boundary.ruleStatus >= 200 {
                result.append((piece, .word))
            } else if boundary.ruleStatus >= 100 {
                result.append((piece, .number))
            } else if piece.contains(where: { !$0.isWhitespace }) {
                result.append((piece, .punctuation))
            }
        }
        return result
    }
}
