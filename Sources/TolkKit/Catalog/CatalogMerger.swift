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
public struct CatalogMerger {
    public static let fuzzyThreshold = 0.6

    public init() {}

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
            merged[position] = fuzzy(fresh, from: source)
        }
        for (index, entry) in old.enumerated() where !used.contains(index) {
            var obsolete = entry
            obsolete.isObsolete = true
            obsolete.references = []
            merged.append(obsolete)
        }
        return POCatalog(entries: merged)
    }

    private func refreshed(_ old: POEntry, from fresh: POEntry) -> POEntry {
        var entry = old
        entry.isObsolete = false
        entry.references = fresh.references
        entry.extractedComments = fresh.extractedComments
        for flag in fresh.flags where !entry.flags.contains(flag) { entry.flags.append(flag) }
        if !entry.isFuzzy {
            entry.previousContext = nil
            entry.previousID = nil
            entry.previousPluralID = nil
        }
        return entry
    }

    private func fuzzy(_ fresh: POEntry, from old: POEntry) -> POEntry {
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
