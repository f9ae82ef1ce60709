import Foundation

/// The source side of a catalogue: one entry per distinct segment of the pages
/// not already in the catalogue's language, in order of first appearance, then the
/// event index's messages.
enum CatalogTemplate {
    /// Collects a catalogue's source entries page by page, so pages need not all be in memory.
    struct Builder: Sendable {
        let language: String
        /// The language of the pages it collects; nil for every language but `language`.
        let source: String?
        private var collected: [POEntry] = []
        private var positions: [POEntry.Key: Int] = [:]
        /// Each collected entry's references as (page, line) numbers, and the pages' paths.
        private var locations: [[UInt64]] = []
        /// How many times the pages hold each collected entry's text.
        private var counts: [Int] = []
        private var pagePaths: [String] = []
        /// The language each msgid is written in (its first page's).
        private(set) var sourceLanguages: [POEntry.Key: String] = [:]

        /// False keeps only each entry's first reference (all the check needs).
        var keepsAllReferences = true

        /// The source language's folder in `Locales/`, for a template's builder.
        private(set) var folder = ""

        /// Page translations the catalogues have (`PageTranslations.candidates`), looked
        /// for on their pages; those found, in order, with their references.
        var pageKeys: Set<POEntry.Key> = [] {
            didSet { pagesWithKeys = Set(pageKeys.compactMap(\.context)) }
        }
        private var pagesWithKeys: Set<String> = []
        /// The catalogue whose page translations the check counts (`answeredByPages`).
        var answering: TranslationTable?
        private var answered: [POEntry.Key: Int] = [:]
        private(set) var pageTranslations: [PageTranslations.Found] = []
        private var pageTranslationIndex: [POEntry.Key: Int] = [:]

        init(language: String, source: String? = nil, keepsAllReferences: Bool = true) {
            self.language = language
            self.source = source
            self.keepsAllReferences = keepsAllReferences
        }

        /// The builder of a source language's template: every page in `source`.
        init(source: String, folder: String) {
            self.init(language: "", source: source)
            self.folder = folder
        }

        mutating func add(_ page: PageExtraction) {
            guard language.isEmpty || !LanguageTag.sameLanguage(page.language, language),
                  source.map({ LanguageTag.sameLanguage($0, page.language) }) ?? true else { return }
            let pageNumber = pagePaths.count
            pagePaths.append(page.path)
            for segment in page.segments {
                let key = POEntry.Key(context: segment.context, id: segment.text)
                let reference = POReferences.pack(page: pageNumber, line: segment.line)
                if let index = positions[key] {
                    counts[index] += 1
                    // Pages come in order, so a repeat from the same page is the last reference.
                    if keepsAllReferences, locations[index].last != reference {
                        locations[index].append(reference)
                    }
                    for comment in segment.comments where !collected[index].extractedComments.contains(comment) {
                        collected[index].extractedComments.append(comment)
                    }
                } else {
                    positions[key] = collected.count
                    collected.append(CatalogTemplate.entry(for: segment, context: segment.context))
                    locations.append([reference])
                    counts.append(1)
                    sourceLanguages[key] = page.language
                }
            }
            if pagesWithKeys.contains(page.path) { addPageTranslations(page) }
            if let answering { PageTranslations.answered(on: page, by: answering, into: &answered) }
        }

        /// The messages no page needs from `answering` now: wherever the pages hold the
        /// text, a translation of the page's own answers instead.
        var answeredByPages: Set<POEntry.Key> {
            Set(answered.filter { $0.value >= occurrences(of: $0.key) }.keys)
        }

        /// The page translations `pageKeys` names that `page` holds: its sentences, and its paragraphs whole.
        private mutating func addPageTranslations(_ page: PageExtraction) {
            for unit in page.units {
                for segment in unit.segments where segment.isTranslatable && segment.context == nil {
                    addPageTranslation(segment, page: page, after: POEntry.Key(context: nil, id: segment.text))
                }
                if let whole = Segmenter.whole(unit), let first = unit.segments.first(where: \.isTranslatable) {
                    addPageTranslation(whole, page: page, after: POEntry.Key(context: first.context, id: first.text))
                }
            }
        }

        private mutating func addPageTranslation(_ segment: SourceSegment, page: PageExtraction, after: POEntry.Key) {
            let key = POEntry.Key(context: page.path, id: segment.text)
            guard pageKeys.contains(key) else { return }
            let reference = "\(page.path):\(segment.line)"
            if let index = pageTranslationIndex[key] {
                if pageTranslations[index].entry.references.last != reference { pageTranslations[index].entry.references.append(reference) }
                return
            }
            var entry = CatalogTemplate.entry(for: segment, context: page.path)
            entry.references = [reference]
            pageTranslationIndex[key] = pageTranslations.count
            pageTranslations.append(PageTranslations.Found(after: after, entry: entry))
            sourceLanguages[key] = page.language
        }

        /// How many times the pages hold the text of the entry with `key`.
        func occurrences(of key: POEntry.Key) -> Int {
            positions[key].map { counts[$0] } ?? 0
        }

        /// The index's messages are English: they belong to a catalogue of English pages
        /// (or of every source language) into any other language.
        var includesIndexMessages: Bool {
            (language.isEmpty || !LanguageTag.sameLanguage(language, IndexMessage.sourceLanguage))
                && source.map { LanguageTag.sameLanguage($0, IndexMessage.sourceLanguage) } ?? true
        }

        /// The entries in order of first appearance, then the event index's messages.
        func entries() -> [POEntry] {
            let pages = POReferences.Pages(pagePaths)
            var entries = collected
            for index in entries.indices {
                entries[index].references = POReferences(located: locations[index], pages: pages)
            }
            // The event index's own words, written in English, for every other language.
            guard includesIndexMessages else { return entries }
            return entries + IndexMessage.allCases.map(\.entry)
        }
    }

    /// The template entry for `segment` under `context`: its notes as extracted comments,
    /// and Weblate's placeholders flag when it has placeholders.
    static func entry(for segment: SourceSegment, context: String?) -> POEntry {
        var entry = POEntry(context: context, id: segment.text)
        entry.extractedComments = segment.comments
        if segment.tokens.contains(where: { if case .text = $0 { return false }; return true }) {
            entry.flags = [placeholdersFlag]
        }
        return entry
    }

    /// Weblate's flag for Tolk's placeholders (`<1>`, `</1>`, `<2/>`), on every entry that
    /// has them, so Weblate highlights them and checks that a translation keeps them. The
    /// pattern matches exactly the placeholders and not an escaped `\<1>`; in Weblate's
    /// flag syntax a backslash inside the quotes is written twice.
    static let placeholdersFlag = #"placeholders:r"(?<!\\\\)<(?:[0-9]+/?|/[0-9]+)>""#

    /// The regular expression the flag carries, as Weblate reads it.
    static let placeholdersPattern = #"(?<!\\)<(?:[0-9]+/?|/[0-9]+)>"#

    /// The date for headers: `SOURCE_DATE_EPOCH` when set, so the same inputs always
    /// give the same files; nil for gettext's initial value, which tools fill in.
    static var environmentDate: Date? {
        ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:))
    }

    /// The header of a new catalogue for `language`, its fields in the order msgmerge
    /// writes them.
    ///
    /// The dates are gettext's initial value, which translation tools fill in, or
    /// `SOURCE_DATE_EPOCH` when set: the same inputs always give the same catalogue.
    /// `name` is the catalogue's file name (`pt_BR`, `sr@latin`), for the Language field.
    static func header(for language: String, name: String? = nil, date: Date? = environmentDate) -> POEntry {
        var header = POEntry(id: "")
        header.translatorComments = ["Tolk event pages: \(language) translations."]
        header.translations = [[
            "Project-Id-Version: Tolk event pages",
            "Report-Msgid-Bugs-To: ",
            "POT-Creation-Date: \(date.map(revisionDate) ?? initialDate)",
            "PO-Revision-Date: \(date.map(revisionDate) ?? initialDate)",
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

    static let initialDate = "YEAR-MO-DA HO:MI+ZONE"

    /// The header of the template of pages in `source`, as xgettext writes one: fuzzy,
    /// `Language` empty (a platform fills it in for each language it adds), the source
    /// language's `Plural-Forms`, and Tolk as `X-Generator`.
    static func templateHeader(source: String, date: Date? = environmentDate) -> POEntry {
        var header = POEntry(id: "")
        header.translatorComments = ["Tolk event pages: the messages of the pages written in \(source).",
                                     "Made by tolk extract; the catalogues beside it hold the translations."]
        header.isFuzzy = true
        header.translations = [[
            "Project-Id-Version: Tolk event pages",
            "Report-Msgid-Bugs-To: ",
            "POT-Creation-Date: \(date.map(revisionDate) ?? initialDate)",
            "PO-Revision-Date: \(initialDate)",
            "Last-Translator: FULL NAME <EMAIL@ADDRESS>",
            "Language-Team: LANGUAGE <LL@li.org>",
            "Language: ",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit",
            "Plural-Forms: \(PluralForms.header(for: source.isEmpty ? "en" : source))",
            "X-Generator: Tolk \(TolkVersion.current)",
        ].map { $0 + "\n" }.joined()]
        return header
    }

    /// The fields msgmerge knows, in the order it writes them; others follow as they were.
    private static let knownFields = ["Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date", "PO-Revision-Date",
                                      "Last-Translator", "Language-Team", "Language", "MIME-Version", "Content-Type",
                                      "Content-Transfer-Encoding"]

    /// A catalogue's header as msgmerge leaves it after merging `template`: the
    /// template's `Report-Msgid-Bugs-To` and `POT-Creation-Date`, the known fields in
    /// gettext's order, every other field after them as it was.
    static func synchronized(_ header: POEntry, with template: POEntry) -> POEntry {
        func fields(_ text: String) -> [(name: String, line: String)] {
            text.split(separator: "\n", omittingEmptySubsequences: true).map { line in
                (String(line.prefix { $0 != ":" }), String(line))
            }
        }
        var known: [String: String] = [:]
        var others: [String] = []
        for field in fields(header.translation) {
            if knownFields.contains(field.name) { known[field.name] = known[field.name] ?? field.line } else { others.append(field.line) }
        }
        for field in fields(template.translation) where field.name == "Report-Msgid-Bugs-To" || field.name == "POT-Creation-Date" {
            known[field.name] = field.line
        }
        var result = header
        result.translations = [(knownFields.compactMap { known[$0] } + others).map { $0 + "\n" }.joined()]
        return result
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

extension CatalogTemplate {
    /// The folder of a source language's catalogues: its gettext name, without the
    /// region (`en` for en-GB pages), with an explicit script (`zh_Hant`).
    static func folderName(for language: String) -> String {
        let parts = language.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let first = parts.first else { return language }
        if parts.count > 1, parts[1].count == 4 { return first.lowercased() + "_" + parts[1].prefix(1).uppercased() + parts[1].dropFirst().lowercased() }
        return first.lowercased()
    }
}
