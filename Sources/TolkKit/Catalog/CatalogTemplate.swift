import Foundation

/// The source side of a catalogue: one entry per distinct segment of the pages
/// not already in the catalogue's language, in order of first appearance, then the
/// event index's messages.
enum CatalogTemplate {
    /// Collects a catalogue's source entries page by page, so pages need not all be in memory.
    struct Builder: Sendable {
        let language: String
        private var collected: [POEntry] = []
        private var positions: [POEntry.Key: Int] = [:]
        /// Each collected entry's references as (page, line) numbers, and the pages' paths.
        private var locations: [[UInt64]] = []
        private var pagePaths: [String] = []
        /// The language each msgid is written in (its first page's).
        private(set) var sourceLanguages: [POEntry.Key: String] = [:]

        /// False keeps only each entry's first reference (all the check needs).
        var keepsAllReferences = true

        init(language: String, keepsAllReferences: Bool = true) {
            self.language = language
            self.keepsAllReferences = keepsAllReferences
        }

        mutating func add(_ page: PageExtraction) {
            guard !LanguageTag.sameLanguage(page.language, language) else { return }
            let pageNumber = pagePaths.count
            pagePaths.append(page.path)
            for segment in page.segments {
                let key = POEntry.Key(context: segment.context, id: segment.text)
                let reference = POReferences.pack(page: pageNumber, line: segment.line)
                if let index = positions[key] {
                    // Pages come in order, so a repeat from the same page is the last reference.
                    if keepsAllReferences, locations[index].last != reference {
                        locations[index].append(reference)
                    }
                    for comment in segment.comments where !collected[index].extractedComments.contains(comment) {
                        collected[index].extractedComments.append(comment)
                    }
                } else {
                    var entry = POEntry(context: segment.context, id: segment.text)
                    entry.extractedComments = segment.comments
                    positions[key] = collected.count
                    collected.append(entry)
                    locations.append([reference])
                    sourceLanguages[key] = page.language
                }
            }
        }

        /// The entries in order of first appearance, then the event index's messages.
        func entries() -> [POEntry] {
            let pages = POReferences.Pages(pagePaths)
            var entries = collected
            for index in entries.indices {
                entries[index].references = POReferences(located: locations[index], pages: pages)
            }
            // The event index's own words, written in English, for every other language.
            guard !LanguageTag.sameLanguage(language, IndexMessage.sourceLanguage) else { return entries }
            return entries + IndexMessage.allCases.map(\.entry)
        }
    }

    /// The header of a new catalogue for `language`.
    ///
    /// The revision date is gettext's initial value, which translation tools fill in, or
    /// `SOURCE_DATE_EPOCH` when set: the same inputs always give the same catalogue.
    /// `name` is the catalogue's file name (`pt_BR`, `sr@latin`), for the Language field.
    static func header(for language: String, name: String? = nil,
                              date: Date? = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]
                                .flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:))) -> POEntry {
        var header = POEntry(id: "")
        header.translatorComments = ["Tolk event pages: \(language) translations."]
        header.translations = [[
            "Project-Id-Version: Tolk event pages",
            "PO-Revision-Date: \(date.map(revisionDate) ?? "YEAR-MO-DA HO:MI+ZONE")",
            "Last-Translator: Tolk translators",
            "Language-Team: \(language)",
            "Language: \(name ?? LanguageTag.catalogName(language))",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit",
            "Plural-Forms: \(PluralForms.header(for: language))",
        ].map { $0 + "\n" }.joined()]
        return header
    }
}

/// A PO header date, such as `2026-11-29 07:30+0000`.
func revisionDate(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
    return "\(parts.year ?? 1970)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))+0000"
}
