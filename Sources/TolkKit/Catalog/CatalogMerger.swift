/// Updates a catalogue from fresh source entries the way GNU msgmerge does: nothing a
/// translator wrote is ever lost.
///
/// - An entry whose msgid is still in the source keeps its translation, translator
///   comments, flags and plural forms; references and extracted comments are refreshed.
/// - A new msgid close to an old translated one (similarity ≥ 0.6, as msgmerge's
///   fuzzy matching) starts from that translation, marked `fuzzy`, with the old msgid as `#|`.
///   A plural entry that starts a singular one this way also stays, obsolete, with all its forms.
/// - An entry whose msgctxt a tool dropped (same msgid, no context, and no other entry
///   claims it) gets it back with its translation.
/// - Old entries no longer in the source become obsolete (`#~`) with their translations;
///   like msgmerge, they lose their `#:` references, which pointed at text that is gone.
/// - With a translation memory (`leverage`), a new msgid that no old one was cut from, and
///   an entry still empty, are offered to it before msgmerge's fuzzy matching: it fills
///   what it can (fuzzy, with a `#. Memory:` comment saying from where), and what it
///   leaves goes on to the fuzzy matching.
public struct CatalogMerger {
    public static let fuzzyThreshold = 0.6

    /// An entry the memory is asked to fill, with the msgids before and after it.
    public struct LeverageRequest: Sendable {
        public var entry: POEntry
        public var previous: String?
        public var next: String?
    }

    /// Fills what it can of the requests (nil: nothing for that one), all at once.
    public typealias Leverage = ([LeverageRequest]) -> [POEntry?]

    /// Extracted comments that start so are the memory's marks: they stay while the msgid does.
    public static let memoryCommentPrefix = "Memory: "

    public var leverage: Leverage?

    public init(leverage: Leverage? = nil) {
        self.leverage = leverage
    }

    public func merge(existing: POCatalog, template: [POEntry]) -> POCatalog {
        let old = existing.entries.filter { !$0.isHeader }
        var byKey: [POEntry.Key: Int] = [:]
        for (index, entry) in old.enumerated() where byKey[entry.key] == nil || old[byKey[entry.key]!].isObsolete {
            byKey[entry.key] = index
        }
        var used = Set<Int>()
        var merged: [POEntry] = existing.header.map { [$0] } ?? []
        var unmatched: [(Int, POEntry)] = []

        for fresh in template {
            if let index = byKey[fresh.key] {
                used.insert(index)
                merged.append(refreshed(old[index], from: fresh))
            } else if fresh.context != nil, let index = byKey[POEntry.Key(context: nil, id: fresh.id)], !used.contains(index),
                      old[index].isTranslated, !template.contains(where: { $0.context == nil && $0.id == fresh.id }) {
                // The same text without its msgctxt: a tool dropped it (Translate Toolkit's
                // po2xliff and xliff2po do). The translation is the translator's for this text.
                used.insert(index)
                var restored = old[index]
                restored.context = fresh.context
                merged.append(refreshed(restored, from: fresh))
            } else {
                merged.append(fresh)
                unmatched.append((merged.count - 1, fresh))
            }
        }
        // Sentences cut differently (a change of segmentation rules): their translations
        // follow them, fuzzy; the old entries stay, obsolete, with theirs.
        if !unmatched.isEmpty, old.contains(where: { $0.isTranslated && !$0.isFuzzy }) {
            let recut = RecutMatcher(old.enumerated().filter { !used.contains($0.offset) }.map(\.element))
            unmatched = unmatched.filter { position, fresh in
                guard let entry = recut.entry(for: fresh) else { return true }
                merged[position] = entry
                return false
            }
        }
        if let leverage {
            unmatched = leveraged(&merged, unmatched: unmatched, template: template, with: leverage)
            // A translation the memory took from this catalogue's own entry for an edited
            // sentence moves on with it, as msgmerge's fuzzy match would: no obsolete copy.
            for entry in merged where entry.isFuzzy && entry.extractedComments.contains(where: { $0.hasPrefix(Self.memoryCommentPrefix) }) {
                guard let previous = entry.previousID, let index = byKey[POEntry.Key(context: entry.previousContext, id: previous)],
                      !used.contains(index), !old[index].isObsolete, old[index].pluralID == nil, old[index].translations == entry.translations else { continue }
                used.insert(index)
            }
        }
        // Fuzzy matches only among translations in the same context not claimed by an exact match.
        let candidates = Dictionary(grouping: old.indices.filter { !used.contains($0) && old[$0].isTranslated && !old[$0].id.isEmpty },
                                    by: { old[$0].context })
        let matchers = candidates.mapValues { indices in FuzzyMatcher(indices.map { old[$0].id }) }
        for (position, fresh) in unmatched {
            guard let matcher = matchers[fresh.context], let indices = candidates[fresh.context],
                  let best = matcher.bestMatch(for: fresh.id, threshold: Self.fuzzyThreshold)
            else { continue }
            let source = old[indices[best]]
            // A plural translation offered to a singular sentence would lose its other
            // forms: the plural entry is kept whole as an obsolete entry as well.
            if !(source.pluralID != nil && fresh.pluralID == nil) { used.insert(indices[best]) }
            merged[position] = Self.fuzzy(fresh, from: source)
        }
        for (index, entry) in old.enumerated() where !used.contains(index) {
            var obsolete = entry
            obsolete.isObsolete = true
            obsolete.references = []
            merged.append(obsolete)
        }
        return POCatalog(entries: merged)
    }

    /// Offers the memory the new entries and the empty ones; returns the new entries it left.
    private func leveraged(_ merged: inout [POEntry], unmatched: [(Int, POEntry)], template: [POEntry],
                           with leverage: Leverage) -> [(Int, POEntry)] {
        let positions = merged.indices.filter {
            !merged[$0].isHeader && !merged[$0].isObsolete && !merged[$0].isFuzzy && merged[$0].translations.allSatisfy(\.isEmpty)
        }
        guard !positions.isEmpty else { return unmatched }
        // Neighbours as the pages give them: the template is in page order.
        let firstHeader = merged.first?.isHeader == true ? 1 : 0
        let requests = positions.map { position in
            let index = position - firstHeader
            return LeverageRequest(entry: merged[position],
                                   previous: index > 0 && index - 1 < template.count ? template[index - 1].id : nil,
                                   next: index + 1 < template.count ? template[index + 1].id : nil)
        }
        var filled = Set<Int>()
        for (position, entry) in zip(positions, leverage(requests)) {
            guard let entry else { continue }
            merged[position] = entry
            filled.insert(position)
        }
        return unmatched.filter { !filled.contains($0.0) }
    }

    private func refreshed(_ old: POEntry, from fresh: POEntry) -> POEntry {
        var entry = old
        entry.isObsolete = false
        entry.references = fresh.references
        entry.extractedComments = fresh.extractedComments
            + old.extractedComments.filter { $0.hasPrefix(Self.memoryCommentPrefix) && !fresh.extractedComments.contains($0) }
        for flag in fresh.flags where !entry.flags.contains(flag) { entry.flags.append(flag) }
        if !entry.isFuzzy {
            entry.previousContext = nil
            entry.previousID = nil
            entry.previousPluralID = nil
        }
        return entry
    }

    /// `fresh` with `old`'s translation, marked fuzzy, `old`'s msgid as `#|`.
    fileprivate static func fuzzy(_ fresh: POEntry, from old: POEntry) -> POEntry {
        var entry = fresh
        entry.translatorComments = old.translatorComments
        entry.translations = old.translations
        if fresh.pluralID != nil, old.pluralID == nil { entry.translations = [old.translation, old.translation] }
        if fresh.pluralID == nil, old.pluralID != nil { entry.translations = [old.translation] }
        entry.flags = old.flags + fresh.flags.filter { !old.flags.contains($0) }
        entry.isFuzzy = true
        entry.previousContext = old.context
        entry.previousID = old.id
        entry.previousPluralID = old.pluralID
        return entry
    }
}

/// Old translations for sentences cut differently than before: a new msgid made of old
/// ones ("A. B." from "A." and "B.") gets their translations joined, in its order; a
/// new msgid that is one sentence of an old one ("A." from "A. B.") is offered the old
/// translation. Both are fuzzy, with the old msgid as `#|` (the first one, when joined).
struct RecutMatcher {
    private let entries: [POEntry]
    /// Each old msgid as pieces are compared (`key`), with its entry.
    private let whole: [POEntry.Key: Int]
    /// Each piece of a msgid (cut after . ! ? : ; , and a space), with the entry holding it.
    private let pieces: [POEntry.Key: Int]

    init(_ old: [POEntry]) {
        entries = old.filter { $0.isTranslated && !$0.isFuzzy && $0.pluralID == nil && !$0.id.isEmpty }
        var whole: [POEntry.Key: Int] = [:]
        var pieces: [POEntry.Key: Int] = [:]
        for (index, entry) in entries.enumerated() {
            if whole[Self.key(entry.context, entry.id)] == nil { whole[Self.key(entry.context, entry.id)] = index }
            for piece in Self.sentences(of: entry.id) where pieces[Self.key(entry.context, piece)] == nil {
                pieces[Self.key(entry.context, piece)] = index
            }
        }
        self.whole = whole
        self.pieces = pieces
    }

    func entry(for fresh: POEntry) -> POEntry? {
        guard fresh.pluralID == nil, !entries.isEmpty else { return nil }
        if let parts = joined(fresh), parts.count > 1,
           case let used = parts.compactMap({ part -> Int? in if case let .entry(index, _) = part { return index }; return nil }),
           let first = used.first {
            var entry = CatalogMerger.fuzzy(fresh, from: entries[first])
            let translations = parts.map { part -> String in
                switch part {
                case let .entry(index, piece): return Self.renumbered(entries[index].translation, as: piece)
                case let .literal(text): return text
                }
            }
            entry.translations = [translations.dropFirst().reduce(translations[0]) { sofar, next in
                // Text written without spaces between sentences (Chinese, Japanese) stays so.
                let last = sofar.unicodeScalars.last.map { (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) } ?? false
                return sofar + (last ? "" : " ") + next
            }]
            for part in used.dropFirst() {
                entry.translatorComments += entries[part].translatorComments.filter { !entry.translatorComments.contains($0) }
            }
            return entry
        }
        // A sentence of an old msgid of two or more is offered the old translation.
        if let index = pieces[Self.key(fresh.context, fresh.id)], entries[index].id != fresh.id {
            return CatalogMerger.fuzzy(fresh, from: entries[index])
        }
        return nil
    }

    /// The old entries whose msgids, in order, make up `fresh`'s, when some do.
    /// A piece of a new msgid: an old entry's msgid, or text with no letters (`);`, a
    /// placeholder between dates) that no entry holds, copied as it is.
    enum Part {
        /// An old entry, and the piece of the new msgid it is (its placeholders numbered as there).
        case entry(Int, piece: String)
        case literal(String)
    }

    private func joined(_ fresh: POEntry) -> [Part]? {
        let text = fresh.id
        let cuts = [text.startIndex] + Self.cuts(in: text) + [text.endIndex]
        guard cuts.count > 2 else { return nil }
        var memo: [Int: [Part]?] = [:]
        func cover(from first: Int) -> [Part]? {
            if first == cuts.count - 1 { return [] }
            if let known = memo[first] { return known }
            var found: [Part]?
            for last in stride(from: cuts.count - 1, to: first, by: -1) {
                let piece = String(text[cuts[first]..<cuts[last]])
                let part: Part
                if let index = whole[Self.key(fresh.context, piece)] {
                    part = .entry(index, piece: piece)
                } else if !piece.contains(where: \.isLetter) {
                    part = .literal(piece.trimmingCharacters(in: .whitespaces))
                } else {
                    continue
                }
                guard let rest = cover(from: last) else { continue }
                found = [part] + rest
                break
            }
            memo[first] = found
            return found
        }
        return cover(from: 0)
    }

    /// A part's translation with its placeholders numbered as the new msgid numbers them:
    /// the old msgid's `<N>` is the N-th placeholder of `piece`.
    static func renumbered(_ translation: String, as piece: String) -> String {
        var order: [Int] = []
        for part in MessageText.parse(piece) {
            switch part {
            case let .open(number), let .close(number), let .empty(number): if !order.contains(number) { order.append(number) }
            case .text: break
            }
        }
        guard !order.isEmpty, order != Array(1...order.count) else { return translation }
        return MessageText.renumbering(translation) { (1...order.count).contains($0) ? order[$0 - 1] : $0 }
    }

    /// A msgid as its pieces are compared: whitespace at its ends trimmed, and its
    /// placeholders numbered from 1 in order, as a segment of its own would number them.
    static func key(_ context: String?, _ id: String) -> POEntry.Key {
        var numbers: [Int: Int] = [:]
        let renumbered = MessageText.renumbering(id.trimmingCharacters(in: .whitespacesAndNewlines)) { number in
            if let known = numbers[number] { return known }
            numbers[number] = numbers.count + 1
            return numbers.count
        }
        return POEntry.Key(context: context, id: renumbered)
    }

    /// Where sentences of `text` end: after . ! ? : ; or , (and any closing quotation
    /// marks, brackets and inline markup) followed by whitespace; the index of that whitespace.
    static func ends(in text: String) -> [String.Index] {
        var ends: [String.Index] = []
        var index = text.startIndex
        while index < text.endIndex {
            var next = text.index(after: index)
            if ".!?:;,".contains(text[index]) {
                // A sentence may end inside inline markup or a quotation: "<1>…?</1> – <2/>", "…entries." );".
                while next < text.endIndex {
                    if "\"”’»')]".contains(text[next]) {
                        next = text.index(after: next)
                    } else if text[next...].hasPrefix("</"), let close = text[next...].firstIndex(of: ">"),
                              text[text.index(next, offsetBy: 2)..<close].allSatisfy(\.isASCIIDigit) {
                        next = text.index(after: close)
                    } else {
                        break
                    }
                }
                if next < text.endIndex, text[next].isWhitespace { ends.append(next) }
            }
            index = text.index(after: index)
        }
        return ends
    }

    /// Where a new msgid may have been cut by earlier rules: after each sentence end and
    /// its whitespace, and after a full stop, ! or ? with none (`Win32 and .|NET.`).
    static func cuts(in text: String) -> [String.Index] {
        var cuts = ends(in: text).map { text.index(after: $0) }
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if ".!?".contains(text[index]), next < text.endIndex, text[next].isLetter { cuts.append(next) }
            index = next
        }
        return cuts.sorted()
    }

    /// The sentences and runs of sentences of `text` (cut at `ends(in:)`), the whole aside.
    static func sentences(of text: String) -> [String] {
        let ends = ends(in: text)
        guard !ends.isEmpty else { return [] }
        let starts = [text.startIndex] + ends.map { text.index(after: $0) }
        let stops = ends + [text.endIndex]
        var found: [String] = []
        for first in starts.indices {
            for last in first..<stops.count where !(first == 0 && last == stops.count - 1) {
                found.append(String(text[starts[first]..<stops[last]]))
            }
        }
        return found
    }
}

/// Finds the most similar string, scoring like msgmerge: 2·LCS / (length₁ + length₂).
struct FuzzyMatcher {
    private let candidates: [[Unicode.Scalar]]
    private let histograms: [[Unicode.Scalar: Int]]

    init(_ strings: [String]) {
        candidates = strings.map { Array($0.unicodeScalars) }
        histograms = candidates.map { scalars in scalars.reduce(into: [:]) { $0[$1, default: 0] += 1 } }
    }

    /// The index of the best candidate scoring at least `threshold`, the first on ties.
    func bestMatch(for string: String, threshold: Double) -> Int? {
        let target = Array(string.unicodeScalars)
        let histogram = target.reduce(into: [Unicode.Scalar: Int]()) { $0[$1, default: 0] += 1 }
        var best: (index: Int, score: Double)?
        for (index, candidate) in candidates.enumerated() {
            let total = Double(target.count + candidate.count)
            guard total > 0 else { continue }
            let floor = max(threshold, best?.score ?? 0)
            // Cheap upper bounds first: lengths, then shared characters.
            if 2 * Double(min(target.count, candidate.count)) / total < floor { continue }
            let shared = histogram.reduce(0) { $0 + min($1.value, histograms[index][$1.key] ?? 0) }
            if 2 * Double(shared) / total < floor { continue }
            let score = 2 * Double(Self.lcs(target, candidate)) / total
            if score >= floor, score > (best?.score ?? -1) { best = (index, score) }
        }
        return best?.index
    }

    static func lcs(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for i in 1...a.count {
            for j in 1...b.count {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension CatalogMerger {
    /// The catalogue for `language` as `tolk extract` would write it for `pages`: `existing`
    /// merged the way msgmerge does (new segments added, changed ones fuzzy, vanished ones
    /// obsolete), or a new catalogue with a header when there is none.
    public static func merged(_ existing: POCatalog?, pages: [PageExtraction], language: String, source: String? = nil) -> POCatalog {
        var base = existing ?? POCatalog(entries: [CatalogTemplate.header(for: language, name: LanguageTag.catalogName(language))])
        if base.header == nil {
            base.entries.insert(CatalogTemplate.header(for: language, name: LanguageTag.catalogName(language)), at: 0)
        }
        var builder = CatalogTemplate.Builder(language: language, source: source)
        builder.pageKeys = PageTranslations.candidates(in: base)
        for page in pages { builder.add(page) }
        return CatalogMerger().merge(existing: base, template: PageTranslations.adding(builder.pageTranslations, to: builder.entries(), for: base))
    }
}
