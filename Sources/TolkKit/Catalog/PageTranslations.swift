/// Translations of one page of its own: an entry whose msgctxt is a page's path
/// (`Input/b.html`) translates its msgid on that page only. Its msgid is one of the page's
/// sentences, or one of its paragraphs whole (`Segmenter.whole`: the sentences joined,
/// placeholders numbered across the paragraph).
///
/// A site that was translated by hand often puts one sentence two ways on two pages, or
/// translates a paragraph in sentences that do not match the source's one by one;
/// `tolk align` keeps each page's wording this way rather than making the pages agree or
/// leaving sentences out, and a translator can add one to any catalogue. It answers the
/// page's text only where that text has no msgctxt of its own, and the build uses it only
/// while it is a translation the build publishes (else the sentences' own entries answer:
/// `TranslationTable.key(for:page:)`, `TranslationTable.wholeUnit(_:page:)`). It lives in
/// the language's catalogue, not in the template: other languages translate the message once.
enum PageTranslations {
    /// The msgctxts and msgids of a catalogue's entries that may be page translations
    /// (active or obsolete: one a tool marked obsolete comes back while its page has the text).
    static func candidates(in catalog: POCatalog) -> Set<POEntry.Key> {
        var keys: Set<POEntry.Key> = []
        for entry in catalog.entries where !entry.isHeader && entry.pluralID == nil {
            if let context = entry.context, context != IndexMessage.context { keys.insert(entry.key) }
        }
        return keys
    }

    /// A page translation found on its page, and the template entry it follows (the
    /// sentence it translates, or the paragraph's first sentence).
    struct Found: Sendable {
        var after: POEntry.Key
        var entry: POEntry
    }

    /// `template` with the page translations `catalog` has among `found`, each after the
    /// entry it follows; those a page no longer holds are left out, so updating the
    /// catalogue makes them obsolete, and the check counts the others as messages.
    static func adding(_ found: [Found], to template: [POEntry], for catalog: POCatalog) -> [POEntry] {
        guard !found.isEmpty else { return template }
        let wanted = candidates(in: catalog)
        var following: [POEntry.Key: [POEntry]] = [:]
        for item in found where wanted.contains(item.entry.key) { following[item.after, default: []].append(item.entry) }
        guard !following.isEmpty else { return template }
        var result: [POEntry] = []
        result.reserveCapacity(template.count + found.count)
        for entry in template {
            result.append(entry)
            if let own = following.removeValue(forKey: entry.key) { result += own }
        }
        return result
    }

    /// Counts, by message, the times `page` holds its text where a page translation
    /// answers instead (as the build decides: `TranslationTable`).
    static func answered(on page: PageExtraction, by table: TranslationTable, into counts: inout [POEntry.Key: Int]) {
        guard table.hasTranslations(of: page.path) else { return }
        for unit in page.units {
            let whole = table.wholeUnit(unit, page: page.path) != nil
            for segment in unit.segments where segment.isTranslatable {
                if whole || table.key(for: segment, page: page.path).context != segment.context {
                    counts[POEntry.Key(context: segment.context, id: segment.text), default: 0] += 1
                }
            }
        }
    }
}
