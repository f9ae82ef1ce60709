import Foundation

/// Pairs the segments of a page with those of its existing translation, made by hand.
///
/// 1. Units (a paragraph, a heading, an `alt`) are paired by a sequence alignment over
///    the two pages in document order (Needleman and Wunsch's dynamic programme), scored
///    by kind (the same block element, the same attribute), the same inline elements,
///    the same numbers and a plausible length ratio: inserted, dropped and moved blocks
///    cost a gap, not a misalignment of everything after them.
/// 2. Within a paired unit, sentences are aligned by length, after Gale and Church, "A
///    Program for Aligning Sentences in Bilingual Corpora" (Computational Linguistics
///    19(1), 1993): beads 1–1, 1–2, 2–1, 1–0 and 0–1 with their priors, the cost of a
///    bead from the normal distribution of the length difference.
/// 3. The translated page's inline elements are mapped to the source's placeholders by
///    element and attributes (the same `href`, the same `datetime`), so a translation
///    uses the right `<N>` in the translator's order.
struct PageAlignment {
    /// What the alignment says of one source segment.
    struct Proposal: Equatable {
        var context: String?
        var id: String
        var translation: String
        /// False when the translation needs a person's look: it becomes a fuzzy entry.
        var confident: Bool
        /// Why it is not confident, for the entry's comment.
        var reason: String?
        /// What a confident translation of a paragraph whole is, for the entry's comment.
        var remark: String?
    }

    var proposals: [Proposal] = []
    /// Units of each side that found no partner.
    var unalignedSource = 0, unalignedTarget = 0
    var alignedUnits = 0

    init(source: PageExtraction, target: PageExtraction) {
        let sourceUnits = source.units.filter { $0.segments.contains(where: \.isTranslatable) }
        let targetUnits = target.units.filter { !$0.segments.isEmpty }
        let sourceBytes = Array(source.text.utf8), targetBytes = Array(target.text.utf8)
        let sourceFeatures = sourceUnits.map { UnitFeatures($0, bytes: sourceBytes) }
        let targetFeatures = targetUnits.map { UnitFeatures($0, bytes: targetBytes) }
        let pairs = Self.alignUnits(sourceFeatures, targetFeatures)
        let paired = Set(pairs.map(\.source)), pairedTarget = Set(pairs.map(\.target))
        unalignedSource = sourceUnits.indices.filter { !paired.contains($0) }.count
        unalignedTarget = targetUnits.indices.filter { !pairedTarget.contains($0) }.count
        alignedUnits = pairs.count
        for pair in pairs {
            proposals += Self.alignSentences(sourceUnits[pair.source], sourceFeatures[pair.source],
                                             targetUnits[pair.target], targetFeatures[pair.target], unitConfident: pair.confident,
                                             page: source.path)
        }
    }

    // MARK: Units

    /// What the unit alignment compares.
    struct UnitFeatures {
        var kind: String
        var codes: [String]
        var length: Int
        var numbers: Set<String>
        /// Cognates, after Simard, Foster and Isabelle ("Using Cognates to Align Sentences in
        /// Bilingual Corpora", 1992): the first four letters of each word of four or more,
        /// case folded. Technical words, names and borrowings share them across languages.
        var cognates: Set<Substring>
        /// Each inline element's name and identifying attributes.
        var codeKeys: [CodeKey]
        /// The inline elements that are protected content (another language, `translate="no"`), by index.
        var protections: [Int: InlineCode.Protection]

        init(_ unit: PageExtraction.SegmentedUnit, bytes: [UInt8]) {
            switch unit.unit.kind {
            case let .content(element): kind = "content " + element
            case let .attribute(name, element): kind = "attribute \(name) of \(element)"
            }
            var codeKeys = unit.unit.codes.map { CodeKey($0, bytes: bytes) }
            // Each element's text as a reader sees it: what a paired element holds, what a
            // protected one keeps.
            var open: [Int] = []
            for token in unit.unit.tokens {
                switch token {
                case let .open(code): open.append(code)
                case let .close(code): if let index = open.lastIndex(of: code) { open.remove(at: index) }
                case let .text(text): for code in open { codeKeys[code].text += text }
                case let .empty(code):
                    guard unit.unit.codes[code].protection != nil else { continue }
                    let text = unit.unit.codes[code].original
                    for holder in open + [code] { codeKeys[holder].text += text }
                }
            }
            for index in codeKeys.indices {
                codeKeys[index].text = codeKeys[index].text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            self.codeKeys = codeKeys
            var protections: [Int: InlineCode.Protection] = [:]
            for (index, code) in unit.unit.codes.enumerated() {
                switch code.protection {
                case .otherLanguage?, .notTranslatable?: protections[index] = code.protection
                default: break
                }
            }
            self.protections = protections
            codes = codeKeys.map(\.element)
            // The text a reader sees, protected content included.
            let text = unit.unit.tokens.map { token -> String in
                switch token {
                case let .text(text): return text
                case let .empty(code) where unit.unit.codes[code].protection != nil: return unit.unit.codes[code].original
                default: return ""
                }
            }.joined()
            length = text.count
            var numbers = Set<String>()
            var digits = ""
            for character in text {
                if character.isASCII, character.isNumber { digits.append(character) } else if !digits.isEmpty {
                    numbers.insert(digits)
                    digits = ""
                }
            }
            if !digits.isEmpty { numbers.insert(digits) }
            self.numbers = numbers
            var cognates = Set<Substring>()
            for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) where word.count >= 4 {
                cognates.insert(word.prefix(4))
            }
            self.cognates = cognates
        }
    }

    /// An inline element as the alignment knows it: name and the attributes that say
    /// which element it is (a link's target, an image's source, a time's datetime).
    struct CodeKey: Equatable {
        var element: String
        var attributes: [String: String]
        var original: String
        /// The text the element holds, whitespace collapsed.
        var text = ""

        static let identifying = ["href", "src", "datetime", "class", "id", "lang", "name", "type"]

        init(_ code: InlineCode, bytes: [UInt8]) {
            element = code.element
            original = code.original
            attributes = [:]
            guard let span = code.span, span.startTagEnd <= bytes.count, span.start < span.startTagEnd else { return }
            let tag = String(decoding: bytes[span.start..<span.startTagEnd], as: UTF8.self)
            for match in Self.attributePattern.matches(in: tag, range: NSRange(tag.startIndex..., in: tag)) {
                guard let nameRange = Range(match.range(at: 1), in: tag) else { continue }
                let name = tag[nameRange].lowercased()
                guard Self.identifying.contains(name) else { continue }
                let value = (2...4).lazy.compactMap { Range(match.range(at: $0), in: tag) }.first.map { String(tag[$0]) } ?? ""
                attributes[name] = HTMLEntities.decode(value)
            }
        }

        /// Two addresses that name the same page written differently: one relative
        /// (`../articles/x/`), one from the site's root (`/International/articles/x/`) or absolute.
        static func sameTarget(_ first: String, _ second: String) -> Bool {
            func components(_ address: String) -> [Substring] {
                var rest = Substring(address)
                if let scheme = rest.range(of: "://") {
                    rest = rest[scheme.upperBound...]
                    rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? ""
                }
                return rest.split(separator: "/").filter { $0 != ".." && $0 != "." }
            }
            let a = components(first), b = components(second)
            let shorter = min(a.count, b.count)
            guard shorter >= 2 else { return false }
            return a.suffix(shorter) == b.suffix(shorter)
        }

        nonisolated(unsafe) static let attributePattern = try! NSRegularExpression(
            pattern: #"\s([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#)

        /// How well two inline elements correspond; nil when they cannot.
        func similarity(to other: CodeKey) -> Double? {
            let sameText = !text.isEmpty && text == other.text
            // Another element with the same words or the same class is the same thing
            // marked up differently (`<code class="kw">` in one page, `<span class="kw">` in the other).
            if element != other.element {
                guard sameText || (attributes["class"] != nil && attributes["class"] == other.attributes["class"]) else { return nil }
            }
            // Text marked as one language is not the text marked as another.
            if let language = attributes["lang"], let otherLanguage = other.attributes["lang"],
               language.lowercased() != otherLanguage.lowercased() {
                return nil
            }
            var score = element == other.element ? 1.0 : 0.5
            for name in ["href", "src", "datetime"] where attributes[name] != nil || other.attributes[name] != nil {
                if attributes[name] == other.attributes[name] {
                    score += 2
                } else if name == "datetime" {
                    return nil
                } else if let address = attributes[name], let otherAddress = other.attributes[name],
                          Self.sameTarget(address, otherAddress) {
                    score += 1.5
                } else {
                    score -= 0.5
                }
            }
            // An element the translator left empty is a poorer partner than one with words.
            if text.isEmpty != other.text.isEmpty { score -= 1 }
            for name in ["class", "id", "lang", "name", "type"] where attributes[name] != nil || other.attributes[name] != nil {
                score += attributes[name] == other.attributes[name] ? 0.5 : -0.25
            }
            if sameText { score += 1.5 }
            return score
        }
    }

    /// How likely two units are each other's translation; below `unitThreshold` they are not paired.
    static func score(_ source: UnitFeatures, _ target: UnitFeatures) -> Double {
        var score = source.kind == target.kind ? 1.5 : (source.kind.hasPrefix("content") && target.kind.hasPrefix("content") ? 0 : -3)
        if source.codes == target.codes {
            score += source.codes.isEmpty ? 0.3 : 1
        } else {
            let shared = Set(source.codes).intersection(target.codes).count
            let all = Set(source.codes).union(target.codes).count
            score += all == 0 ? 0 : Double(shared) / Double(all) - 0.5
        }
        // The length difference, scaled as Gale and Church scale it: short texts vary more.
        let l1 = Double(source.length), l2 = Double(target.length)
        let delta = (l2 - l1 * 1.1) / sqrt(max(1, (l1 + l2 / 1.1) / 2) * 6.8)
        score -= min(2, abs(delta) * 0.4)
        if source.cognates.count >= 2, target.cognates.count >= 2 {
            // Dice's coefficient of the two sets, against what unrelated text shares.
            let shared = Double(source.cognates.intersection(target.cognates).count)
            let dice = 2 * shared / Double(source.cognates.count + target.cognates.count)
            score += (dice - cognateBaseline) * cognateWeight
        }
        if !source.numbers.isEmpty || !target.numbers.isEmpty {
            let shared = source.numbers.intersection(target.numbers).count
            let all = source.numbers.union(target.numbers).count
            score += Double(shared) / Double(all) - 0.3
        }
        return score
    }

    static let cognateBaseline = 0.1
    static let cognateWeight = 2.0
    static let unitThreshold = 0.6
    static let confidentUnit = 1.6

    /// The unit pairs, in order.
    static func alignUnits(_ source: [UnitFeatures], _ target: [UnitFeatures]) -> [(source: Int, target: Int, confident: Bool)] {
        let n = source.count, m = target.count
        guard n > 0, m > 0 else { return [] }
        // best[i][j]: the best total for source[..<i] and target[..<j]; a gap scores 0.
        var best = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
        var scores = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
        for i in 0..<n {
            for j in 0..<m {
                // Translations keep the order of a page: a pair far from its place is less likely.
                let drift = abs(Double(i) / Double(n) - Double(j) / Double(m))
                scores[i][j] = score(source[i], target[j]) - drift * 1.5
            }
        }
        for i in 1...n {
            for j in 1...m {
                var value = max(best[i - 1][j], best[i][j - 1])
                let pair = scores[i - 1][j - 1]
                // A pair is worth what it scores above the threshold: two poor pairs do not
                // outweigh one good pair and two gaps.
                if pair >= unitThreshold { value = max(value, best[i - 1][j - 1] + pair - unitThreshold) }
                best[i][j] = value
            }
        }
        var pairs: [(source: Int, target: Int, confident: Bool)] = []
        var i = n, j = m
        while i > 0, j > 0 {
            let pair = scores[i - 1][j - 1]
            if pair >= unitThreshold, best[i][j] == best[i - 1][j - 1] + pair - unitThreshold {
                pairs.append((i - 1, j - 1, pair >= confidentUnit))
                i -= 1
                j -= 1
            } else if best[i][j] == best[i - 1][j] {
                i -= 1
            } else {
                j -= 1
            }
        }
        pairs.reverse()
        // A pair of the same kind whose neighbour is paired next to it sits in a run of
        // pairs: the structure vouches for it, whatever its lengths say.
        for index in pairs.indices where !pairs[index].confident && source[pairs[index].source].kind == target[pairs[index].target].kind {
            let before = index > 0 && pairs[index - 1].source == pairs[index].source - 1 && pairs[index - 1].target == pairs[index].target - 1
            let after = index + 1 < pairs.count && pairs[index + 1].source == pairs[index].source + 1
                && pairs[index + 1].target == pairs[index].target + 1
            if before || after { pairs[index].confident = true }
        }
        return pairs
    }

    // MARK: Sentences

    /// A bead of Gale and Church's alignment: how many sentences of each side it joins.
    struct Bead: Equatable {
        var source: Range<Int>
        var target: Range<Int>
        var cost: Double
    }

    /// Gale and Church's priors for the bead types (their Table 5).
    static let beadTypes: [(source: Int, target: Int, prior: Double)] = [
        (1, 1, 0.89), (1, 0, 0.0099), (0, 1, 0.0099), (2, 1, 0.089 / 2), (1, 2, 0.089 / 2),
    ]

    /// The length-based alignment of two lists of sentence lengths (characters).
    static func galeChurch(_ source: [Int], _ target: [Int]) -> [Bead] {
        let n = source.count, m = target.count
        var cost = [[Double]](repeating: [Double](repeating: .infinity, count: m + 1), count: n + 1)
        var back = [[(Int, Int)]](repeating: [(Int, Int)](repeating: (0, 0), count: m + 1), count: n + 1)
        cost[0][0] = 0
        for i in 0...n {
            for j in 0...m where cost[i][j].isFinite {
                for type in beadTypes where i + type.source <= n && j + type.target <= m {
                    let ls = source[i..<(i + type.source)].reduce(0, +), lt = target[j..<(j + type.target)].reduce(0, +)
                    let next = cost[i][j] + beadCost(ls, lt, prior: type.prior)
                    if next < cost[i + type.source][j + type.target] {
                        cost[i + type.source][j + type.target] = next
                        back[i + type.source][j + type.target] = (type.source, type.target)
                    }
                }
            }
        }
        var beads: [Bead] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let (di, dj) = back[i][j]
            guard di + dj > 0 else { break }
            beads.append(Bead(source: (i - di)..<i, target: (j - dj)..<j, cost: cost[i][j] - cost[i - di][j - dj]))
            i -= di
            j -= dj
        }
        return beads.reversed()
    }

    /// −log of a bead's probability: its prior times the chance of its length difference
    /// (c = 1.1 characters of German per character of English, s² = 6.8, as measured by Gale and Church).
    static func beadCost(_ sourceLength: Int, _ targetLength: Int, prior: Double) -> Double {
        let c = 1.1, s2 = 6.8
        let l1 = Double(sourceLength), l2 = Double(targetLength)
        let mean = (l1 + l2 / c) / 2
        let delta = mean == 0 ? 0 : (l2 - l1 * c) / sqrt(mean * s2)
        let probability = max(2 * (1 - normalCDF(abs(delta))), 1e-12)
        return -log(prior) - log(probability)
    }

    static func normalCDF(_ x: Double) -> Double {
        0.5 * (1 + erf(x / 2.squareRoot()))
    }

    /// Beads costlier than this are not trusted.
    static let confidentBead = 6.0

    static func alignSentences(_ source: PageExtraction.SegmentedUnit, _ sourceFeatures: UnitFeatures,
                               _ target: PageExtraction.SegmentedUnit, _ targetFeatures: UnitFeatures,
                               unitConfident: Bool, page: String) -> [Proposal] {
        let codeMap = mapCodes(sourceFeatures.codeKeys, targetFeatures.codeKeys)
        // The source's elements with content (a placeholder pair), by code index.
        let sourcePaired = Set(source.unit.tokens.compactMap { token -> Int? in if case let .open(code) = token { return code }; return nil })
        let sourceSegments = source.segments, targetSegments = target.segments
        let sourceLengths = sourceSegments.map { MessageText.plainText($0.text).count }
        let targetLengths = targetSegments.map { MessageText.plainText($0.text).count }
        let beads: [Bead]
        if sourceSegments.count == 1 {
            beads = [Bead(source: 0..<1, target: 0..<targetSegments.count, cost: 0)]
        } else if sourceSegments.count == targetSegments.count {
            beads = sourceSegments.indices.map { Bead(source: $0..<($0 + 1), target: $0..<($0 + 1),
                                                      cost: beadCost(sourceLengths[$0], targetLengths[$0], prior: 0.89)) }
        } else {
            beads = galeChurch(sourceLengths, targetLengths)
        }
        var proposals: [Proposal] = []
        for bead in beads where !bead.target.isEmpty && !bead.source.isEmpty {
            var reasons: [String] = []
            if !unitConfident { reasons.append("the paragraphs may not be each other's translation") }
            if bead.cost > confidentBead { reasons.append("the sentence lengths do not match well") }
            // The bead's translated sentences as one run of tokens.
            var tokens: [UnitToken] = []
            for (offset, index) in bead.target.enumerated() {
                if offset > 0 { tokens.append(.text(" ")) }
                tokens += targetSegments[index].tokens
            }
            // Two sentences the translator joined into one: cut the translation where its
            // punctuation and the sentences' lengths agree best.
            var parts = [(segment: sourceSegments[bead.source.lowerBound], tokens: tokens)]
            if bead.source.count == 2 {
                let lengths = bead.source.map { sourceLengths[$0] }
                if let (first, second, strong, cost) = split(tokens, lengths: lengths) {
                    parts = [(sourceSegments[bead.source.lowerBound], first), (sourceSegments[bead.source.lowerBound + 1], second)]
                    if !strong, cost > confidentBead { reasons.append("the translation joins two sentences; it was cut at a comma") }
                } else {
                    reasons.append("the translation joins 2 sentences into one; this one holds all of it")
                }
            }
            for part in parts where part.segment.isTranslatable {
                var partReasons = reasons
                guard let (message, problem) = translation(part.tokens, of: part.segment, codeMap: codeMap, source: sourceFeatures,
                                                           target: targetFeatures, sourcePaired: sourcePaired) else { continue }
                if let problem { partReasons.append("its inline elements do not match the source's: \(problem.description)") }
                proposals.append(Proposal(context: part.segment.context, id: part.segment.text, translation: message,
                                          confident: partReasons.isEmpty,
                                          reason: partReasons.isEmpty ? nil : partReasons.joined(separator: "; ")))
            }
        }
        // Paired paragraphs whose sentences do not pair one to one with confidence (joined,
        // split, reworded, one left out): the paragraph whole is the page's own translation
        // (`PageTranslations`), so the built page says what the translated one said.
        let doubt = proposals.contains { !$0.confident }
            || beads.contains { bead in bead.target.isEmpty && bead.source.contains { sourceSegments[$0].isTranslatable } }
            || beads.contains { bead in bead.source.isEmpty && bead.target.contains { targetSegments[$0].isTranslatable } }
        if unitConfident, doubt, let whole = Segmenter.whole(source) {
            var tokens: [UnitToken] = []
            for (index, segment) in targetSegments.enumerated() {
                if index > 0 && segment.spaceBefore { tokens.append(.text(" ")) }
                tokens += segment.tokens
            }
            if let (message, problem) = translation(tokens, of: whole, codeMap: codeMap, source: sourceFeatures,
                                                    target: targetFeatures, sourcePaired: sourcePaired), problem == nil {
                proposals.append(Proposal(context: page, id: whole.text, translation: message, confident: true,
                                          remark: "the paragraph whole, as its sentences do not pair one to one"))
            }
        }
        return proposals
    }

    /// Translated tokens as the translation of `segment`: its placeholder numbers, a lost
    /// placeholder put back where its text stands, line breaks where the msgid has them;
    /// with the problem when the inline elements still do not match (then without
    /// placeholders, a useful start). Nil when nothing of it is left.
    static func translation(_ tokens: [UnitToken], of segment: SourceSegment, codeMap: [Int: Int], source: UnitFeatures,
                            target: UnitFeatures, sourcePaired: Set<Int>) -> (String, PlaceholderCheck.Problem?)? {
        // An element of the translation with no counterpart (a `<dfn>` the source does
        // not have, the source's link around the whole unit) leaves its words.
        var message = self.message(tokens, numbering: segment.numbering, codeMap: codeMap, target: target, sourcePaired: sourcePaired)
        guard !message.isEmpty else { return nil }
        if case .failure = PlaceholderCheck.validate(translation: message, source: segment.text),
           let repaired = restoreMissing(message, segment: segment, source: source) {
            message = repaired
        }
        var problem: PlaceholderCheck.Problem?
        if case let .failure(found) = PlaceholderCheck.validate(translation: message, source: segment.text) {
            problem = found
            message = MessageText.escape(MessageText.plainText(message))
        }
        return (POEntry.lineBreaks(of: segment.text, on: message), problem)
    }

    /// Translated tokens as a message with the source segment's placeholder numbers.
    static func message(_ tokens: [UnitToken], numbering: [Int: Int], codeMap: [Int: Int], target: UnitFeatures,
                        sourcePaired: Set<Int>) -> String {
        var message = ""
        // An element the source protects as a whole (`<code translate="no">`) but the
        // translator's page does not: its placeholder stands for all of it.
        var skipping: Int?
        for token in tokens {
            if let code = skipping {
                if case .close(code) = token { skipping = nil }
                continue
            }
            switch token {
            case let .text(text): message += MessageText.escape(text)
            case let .open(code), let .close(code), let .empty(code):
                guard let sourceCode = codeMap[code], let number = numbering[sourceCode] else {
                    // Words the translator marked as another language (engl. <dfn lang="en">…</dfn>)
                    // or as not to be translated: their text stays, the marking cannot.
                    if case .empty = token, target.protections[code] != nil {
                        message += MessageText.escape(target.codeKeys[code].original)
                    }
                    continue
                }
                switch token {
                case let .open(code) where !sourcePaired.contains(sourceCode):
                    message += "<\(number)/>"
                    skipping = code
                case .open: message += "<\(number)>"
                case .close: message += "</\(number)>"
                default:
                    // Text the translator's page protects (kept in English, say) inside an
                    // element the source has with content: the element, with that text.
                    if target.protections[code] != nil, sourcePaired.contains(sourceCode) {
                        message += "<\(number)>" + MessageText.escape(target.codeKeys[code].original) + "</\(number)>"
                    } else {
                        message += "<\(number)/>"
                    }
                }
            }
        }
        return message.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Where to cut one translated sentence in two for two source sentences of `lengths`:
    /// after a colon, semicolon, dash or comma followed by a space, outside inline elements,
    /// at the point whose two lengths cost least by Gale and Church's measure. `strong`
    /// is false for a comma. Nil when there is no such point.
    static func split(_ tokens: [UnitToken], lengths: [Int]) -> ([UnitToken], [UnitToken], strong: Bool, cost: Double)? {
        let marks: Set<Character> = [":", ";", ",", "–", "—"]
        var depth = 0
        // A cut inside a text token (at `offset`), or before token `token` (offset nil).
        var best: (cost: Double, token: Int, offset: String.Index?, strong: Bool)?
        var before = 0
        let total = tokens.reduce(0) { if case let .text(text) = $1 { return $0 + text.count }; return $0 }
        func consider(_ first: Int, _ mark: Character, token: Int, offset: String.Index?) {
            let cost = beadCost(lengths[0], first, prior: 1) + beadCost(lengths[1], total - first, prior: 1) + (mark == "," ? 2 : 0)
            if best == nil || cost < best!.cost { best = (cost, token, offset, mark != ",") }
        }
        for (index, token) in tokens.enumerated() {
            switch token {
            case .open: depth += 1
            case .close: depth -= 1
            case .empty: break
            case let .text(text):
                var position = text.startIndex
                var count = 0
                while position < text.endIndex {
                    let character = text[position]
                    let next = text.index(after: position)
                    count += 1
                    if marks.contains(character) {
                        if depth == 0, next < text.endIndex, text[next] == " " {
                            consider(before + count, character, token: index, offset: next)
                        } else if next == text.endIndex, depth > 0 {
                            // "<strong>Jigsaw:</strong> Verwenden …": the cut comes after the elements the mark ends.
                            var after = index + 1, level = depth
                            while after < tokens.count, case .close = tokens[after], level > 0 {
                                level -= 1
                                after += 1
                            }
                            if level == 0, after < tokens.count, case let .text(following) = tokens[after], following.first == " " {
                                consider(before + count, character, token: after, offset: nil)
                            }
                        }
                    }
                    position = next
                }
                before += text.count
            }
        }
        guard let best, best.cost < 2 * confidentBead else { return nil }
        guard let offset = best.offset else {
            return (Array(tokens[..<best.token]), Array(tokens[best.token...]), best.strong, best.cost - 2)
        }
        guard case let .text(text) = tokens[best.token] else { return nil }
        let head = String(text[..<offset]), tail = String(text[offset...])
        return (Array(tokens[..<best.token]) + [.text(head)], [.text(tail)] + Array(tokens[(best.token + 1)...]), best.strong,
                best.cost - 2)
    }

    /// Puts back the source's placeholders that the translator's page lost, where their
    /// text is in the translation word for word and only once: `<1>charset</1>` when the
    /// translation says "das charset-Attribut" without the `<code>`, `<2/>` for a
    /// protected "lang". Nil when any cannot be placed.
    static func restoreMissing(_ message: String, segment: SourceSegment, source: UnitFeatures) -> String? {
        let sourcePieces = MessageText.parse(segment.text)
        var pieces = MessageText.parse(message)
        let present = Set(pieces.compactMap { piece -> Int? in
            switch piece { case let .open(n), let .empty(n): return n; default: return nil }
        })
        let codeOf = Dictionary(segment.numbering.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        for (index, piece) in sourcePieces.enumerated() {
            let number: Int, needle: String, paired: Bool
            switch piece {
            case let .open(n) where !present.contains(n):
                // The element's own text: a text piece right before its end.
                guard index + 2 < sourcePieces.count, case let .text(inner) = sourcePieces[index + 1],
                      sourcePieces[index + 2] == .close(n) else { return nil }
                (number, needle, paired) = (n, inner, true)
            case let .empty(n) where !present.contains(n):
                guard let code = codeOf[n], code < source.codeKeys.count else { return nil }
                if source.protections[code] == nil {
                    // A line break or image at either end of the sentence stays at that end.
                    if index == sourcePieces.count - 1 { pieces.append(.empty(n)); continue }
                    if index == 0 { pieces.insert(.empty(n), at: 0); continue }
                    return nil
                }
                (number, needle, paired) = (n, source.codeKeys[code].original, false)
            default:
                continue
            }
            let trimmed = needle.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            var found: (piece: Int, range: Range<String.Index>)?
            for (at, candidate) in pieces.enumerated() {
                guard case let .text(text) = candidate else { continue }
                var searchFrom = text.startIndex
                // An element's words may change case in the translation ("the <1>server</1>",
                // "der Server"); protected content is kept as it is.
                while let range = text.range(of: trimmed, options: paired ? .caseInsensitive : [], range: searchFrom..<text.endIndex) {
                    searchFrom = range.upperBound
                    // A word of its own, not part of a longer one ("lang", not the end of "Sprachlang").
                    let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
                    let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
                    guard !before.isLetter, !before.isNumber, !after.isLetter, !after.isNumber else { continue }
                    if found != nil { return nil }
                    found = (at, range)
                }
            }
            guard let found, case let .text(text) = pieces[found.piece] else { return nil }
            var replacement: [MessageText.Piece] = []
            if found.range.lowerBound > text.startIndex { replacement.append(.text(String(text[..<found.range.lowerBound]))) }
            replacement += paired ? [.open(number), .text(String(text[found.range])), .close(number)] : [.empty(number)]
            if found.range.upperBound < text.endIndex { replacement.append(.text(String(text[found.range.upperBound...]))) }
            pieces.replaceSubrange(found.piece...found.piece, with: replacement)
        }
        return pieces.map { piece -> String in
            switch piece {
            case let .text(text): return MessageText.escape(text)
            case let .open(n): return "<\(n)>"
            case let .close(n): return "</\(n)>"
            case let .empty(n): return "<\(n)/>"
            }
        }.joined()
    }

    /// Each target code's source code: the best-scoring pairs first, one partner each.
    static func mapCodes(_ source: [CodeKey], _ target: [CodeKey]) -> [Int: Int] {
        var candidates: [(score: Double, target: Int, source: Int)] = []
        for (t, targetCode) in target.enumerated() {
            for (s, sourceCode) in source.enumerated() {
                guard var score = targetCode.similarity(to: sourceCode) else { continue }
                // Among equals, the one in the same place in its unit.
                score -= Double(abs(s - t)) * 0.01
                candidates.append((score, t, s))
            }
        }
        var map: [Int: Int] = [:], taken = Set<Int>()
        for candidate in candidates.sorted(by: { ($0.score, -$0.target) > ($1.score, -$1.target) })
        where map[candidate.target] == nil && !taken.contains(candidate.source) {
            map[candidate.target] = candidate.source
            taken.insert(candidate.source)
        }
        return map
    }
}
