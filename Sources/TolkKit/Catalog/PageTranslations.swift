/// Translations of one page of its own: an entry whose msgctxt is a page's path
/// (`Input/b.html`) translates its msgid on that page only.
///
/// A site that was translated by hand often puts one sentence two ways on two pages;
/// `tolk align` keeps each page's wording this way rather than making the pages
/// agree, and a translator can add one to any catalogue. It answers the page's text only
/// where that text has no msgctxt of its own, and the build uses it only while it is a
/// translation the build publishes (else the message's own entry answers:
/// `TranslationTable.key(for:page:)`). It lives in the language's catalogue, not in the
/// template: other languages translate the message once.
enum PageTranslations {
    /// `template` with, after each message, the page entries `catalog` has for it (active
    /// or obsolete, so a page entry a tool marked obsolete comes back): those whose page
    /// still holds the msgid, with that page's references.
    ///
    /// With them in the template, updating the catalogue keeps them (and makes one
    /// obsolete when its page loses the text), and the check counts them as messages.
    static func adding(to template: [POEntry], for catalog: POCatalog) -> [POEntry] {
        let wanted = candidates(in: catalog)
        guard !wanted.isEmpty else { return template }
        var result: [POEntry] = []
        result.reserveCapacity(template.count)
        var present = Set(template.lazy.filter { $0.context != nil }.map(\.key))
        for entry in template {
            result.append(entry)
            guard entry.context == nil, entry.pluralID == nil, let pages = wanted[entry.id] else { continue }
            for page in pages where present.insert(POEntry.Key(context: page, id: entry.id)).inserted {
                let references = entry.references.filter { $0.hasPrefix(page + ":") }
                guard !references.isEmpty else { present.remove(POEntry.Key(context: page, id: entry.id)); continue }
                var own = entry
                own.context = page
                own.references = POReferences(references)
                result.append(own)
            }
        }
        return result
    }

    /// The msgctxts that may name pages, by msgid: every one but the index's.
    static func candidates(in catalog: POCatalog) -> [String: [String]] {
        var candidates: [String: [String]] = [:]
        for entry in catalog.entries where !entry.isHeader && entry.pluralID == nil {
            guard let context = entry.context, context != IndexMessage.context else { continue }
            candidates[entry.id, default: []].append(context)
        }
        return candidates
    }
}
