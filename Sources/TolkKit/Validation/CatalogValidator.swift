import Foundation

/// Validates catalogues against the pages they translate, in memory: what `tolk check`
/// runs on each catalogue of a project (`CatalogCheck`).
///
/// Entry rules run on translated entries; the catalogue-level rules (missing, obsolete,
/// untranslated, fuzzy, plural forms) on the whole catalogue.
public struct CatalogValidator: Sendable {
    /// Under `--strict`, fuzzy entries are errors.
    public var strict: Bool

    public init(strict: Bool = false) {
        self.strict = strict
    }

    /// The rules `tolk check` runs on whole catalogues.
    public static let standardCatalogRules: [any CatalogRule] = [
        MissingEntryRule(), ObsoleteEntryRule(), UntranslatedRule(), FuzzyRule(), HeaderRule(), PluralFormsRule(),
    ]

    /// The rules `tolk check` runs on each translated entry, in the order their findings are listed.
    public static let standardEntryRules: [any EntryRule] = [
        PlaceholderMismatchRule(), MarkupInTranslationRule(), ICUSyntaxRule(), ICUArgumentsRule(), PluralCategoriesRule(),
        NumberMismatchRule(), WhitespaceRule(), PunctuationRule(), QuotesRule(), SameAsSourceRule(), LengthRule(),
        NormalizationRule(), InvisibleCharacterRule(), TerminologyRule(),
    ]

    /// The rules this check runs: the standard ones unless a library user adds or removes some.
    public var catalogRules: [any CatalogRule] = CatalogValidator.standardCatalogRules
    public var entryRules: [any EntryRule] = CatalogValidator.standardEntryRules

    /// Every rule id this check runs, with its one-line description, for reports.
    public var ruleDescriptions: [(id: String, text: String)] {
        catalogRules.map { (type(of: $0).id, type(of: $0).summary) } + entryRules.map { (type(of: $0).id, type(of: $0).summary) }
    }

    /// Per-language totals for the report.
    public struct Summary: Sendable, Equatable, Encodable {
        /// The catalogue's messages by state, counted as every command counts them.
        public var counts = TranslationCounts()
        public var errors = 0
        public var warnings = 0
        /// Words of the source text (ICU word breaks) of all entries.
        public var words = 0

        public var entries: Int { counts.total }
        public var translated: Int { counts.translated }
        public var fuzzy: Int { counts.fuzzy }
        public var untranslated: Int { counts.untranslated }

        /// Adds another catalogue's totals: a language has one catalogue per source language.
        mutating func add(_ other: Summary) {
            counts.add(other.counts)
            errors += other.errors
            warnings += other.warnings
            words += other.words
        }

        enum CodingKeys: String, CodingKey {
            case entries, translated, fuzzy, untranslated, errors, warnings, words
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            for (key, value) in [(CodingKeys.entries, entries), (.translated, translated), (.fuzzy, fuzzy), (.untranslated, untranslated),
                                 (.errors, errors), (.warnings, warnings), (.words, words)] {
                try container.encode(value, forKey: key)
            }
        }
    }

    /// What a check of one or more catalogues found.
    public struct Result: Sendable {
        public var findings: [Diagnostic]
        /// Totals per language, over its catalogues.
        public var summaries: [String: Summary]
        /// Totals per catalogue file.
        public var catalogSummaries: [String: Summary] = [:]
        /// Catalogue path per language, in the order checked.
        public var catalogs: [(language: String, path: String)]
        /// The rules that ran (id and description), for reports.
        public var rules: [(id: String, text: String)] = []
        public var hasErrors: Bool { findings.contains { $0.severity == .error } }
    }

    /// Checks a catalogue in memory against pages in memory, with this check's rules.
    ///
    /// - Parameter path: the catalogue's path, as findings name it.
    /// - Parameter source: the language of the pages the catalogue translates; nil for every language but `language`.
    public func check(_ catalog: POCatalog, language: String, source: String? = nil, path: String, pages: [PageExtraction],
                      glossary: Glossary? = nil) -> (findings: [Diagnostic], summary: Summary) {
        var builder = Self.templateBuilder(checking: catalog, language: language, source: source, path: path)
        for page in pages { builder.add(page) }
        return check(catalog, language: language, path: path, template: builder, glossary: glossary)
    }

    /// What the pages hold for `catalog`, collected page by page: the messages (first
    /// references only), the page translations the catalogue has, and what those answer.
    static func templateBuilder(checking catalog: POCatalog, language: String, source: String?, path: String) -> CatalogTemplate.Builder {
        var builder = CatalogTemplate.Builder(language: language, source: source, keepsAllReferences: false)
        builder.pageKeys = PageTranslations.candidates(in: catalog)
        if !builder.pageKeys.isEmpty { builder.answering = TranslationTable(catalog: catalog, path: path) }
        return builder
    }

    func check(_ catalog: POCatalog, language: String, path: String, template builder: CatalogTemplate.Builder, glossary: Glossary?)
        -> ([Diagnostic], Summary) {
        let template = PageTranslations.adding(builder.pageTranslations, to: builder.entries(), for: catalog)
        let sourceLanguages = builder.sourceLanguages
        let catalogContext = CatalogContext(catalog: catalog, language: language, path: path, template: template,
                                            sourceLanguages: sourceLanguages, strict: strict, answeredByPages: builder.answeredByPages)
        var findings = catalogRules.flatMap { $0.check(catalogContext) }
        var summary = Summary()
        var counts = TranslationCounts()
        var checked: [EntryContext] = []
        // Which messages are ICU messages is the source's to say, not a flag a tool may drop.
        let icuMessages = Set(template.filter { $0.flags.contains("icu-message-format") }.map(\.key))
        for entry in catalog.activeMessages {
            let context = EntryContext(entry: entry, language: language, sourceLanguage: sourceLanguages[entry.key] ?? "en",
                                       catalogPath: path, glossary: glossary,
                                       isICUMessage: icuMessages.contains(entry.key) || entry.flags.contains("icu-message-format"))
            summary.words += BreakIterator.words(in: context.sourceText, locale: context.sourceLanguage).count
            // Entry rules look at translations the build would consider: not empty, not fuzzy.
            let state = TranslationTable.state(of: entry, isICUMessage: context.isICUMessage)
            counts.add(state)
            if state == .translated || state == .refused { checked.append(context) }
        }
        summary.counts = counts
        // The entry rules are independent: run on all cores, findings kept in entry order.
        let rules = entryRules
        let chunks = stride(from: 0, to: checked.count, by: 128).map { Array(checked[$0..<min($0 + 128, checked.count)]) }
        for result in Parallel.map(chunks, { chunk in chunk.flatMap { context in rules.flatMap { $0.check(context) } } }) {
            if case let .success(chunkFindings) = result { findings += chunkFindings }
        }
        // In catalogue order, so a reader goes through the file once.
        findings = findings.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        summary.errors = findings.filter { $0.severity == .error }.count
        summary.warnings = findings.filter { $0.severity == .warning }.count
        return (findings, summary)
    }
}
