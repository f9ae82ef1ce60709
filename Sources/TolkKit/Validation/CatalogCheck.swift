import Foundation

/// `tolk check`: re-extracts the pages and validates catalogues against them.
///
/// Reads everything, changes nothing. Entry rules run on translated entries; the
/// catalogue-level rules (missing, obsolete, untranslated, fuzzy, plural forms) here.
public struct CatalogCheck {
    public let project: Project
    /// Languages to check; all catalogues when empty.
    public var languages: [String]
    /// Under `--strict`, fuzzy entries are errors.
    public var strict: Bool

    public init(project: Project, languages: [String] = [], strict: Bool = false) {
        self.project = project
        self.languages = languages
        self.strict = strict
    }

    /// The entry rules, in the order their findings are listed.
    public static let entryRules: [any EntryRule] = [
        PlaceholderMismatchRule(), MarkupInTranslationRule(), ICUSyntaxRule(), ICUArgumentsRule(), PluralCategoriesRule(),
        NumberMismatchRule(), WhitespaceRule(), PunctuationRule(), QuotesRule(), SameAsSourceRule(), LengthRule(),
        NormalizationRule(), InvisibleCharacterRule(), TerminologyRule(),
    ]

    /// Every rule id with a one-line description, for reports.
    public static let ruleDescriptions: [(id: String, text: String)] = [
        ("missing-entry", "A source segment has no entry in the catalogue."),
        ("obsolete-entry", "An active entry that no page has any more."),
        ("untranslated", "An entry without a translation."),
        ("fuzzy", "A translation marked fuzzy: it needs review before it is used."),
        ("header", "The header is missing, lacks what msgfmt needs, or names another language than the file."),
        ("plural-forms", "Plural-Forms header or msgstr[n] count disagrees with the language."),
        (PlaceholderMismatchRule.id, "Placeholders missing, extra, duplicated or badly nested."),
        (MarkupInTranslationRule.id, "HTML markup or entities typed into a translation."),
        (ICUSyntaxRule.id, "ICU MessageFormat syntax error."),
        (ICUArgumentsRule.id, "ICU message arguments differ from the source's."),
        (PluralCategoriesRule.id, "Plural keywords the language does not have, or required ones missing."),
        (NumberMismatchRule.id, "Numbers, times or dates differ in value from the source's."),
        (WhitespaceRule.id, "Leading or trailing whitespace differs, or doubled spaces."),
        (PunctuationRule.id, "Sentence-final punctuation differs from the source's."),
        (QuotesRule.id, "Quotation marks not in the language's style."),
        (SameAsSourceRule.id, "Translation identical to a source that is not just names or numbers."),
        (LengthRule.id, "Translation far longer or shorter than the source."),
        (NormalizationRule.id, "Translation not in Unicode NFC."),
        (InvisibleCharacterRule.id, "Bidi controls, zero-width or control characters."),
        (TerminologyRule.id, "Glossary term not translated as the glossary says, or a name changed."),
    ]

    /// Per-language totals for the report.
    public struct Summary: Sendable, Equatable, Codable {
        public var entries = 0
        public var translated = 0
        public var fuzzy = 0
        public var untranslated = 0
        public var errors = 0
        public var warnings = 0
        /// Words of the source text (ICU word breaks) of all entries.
        public var words = 0
    }

    public struct Result: Sendable {
        public var findings: [Diagnostic]
        public var summaries: [String: Summary]
        /// Catalogue path per language, in the order checked.
        public var catalogs: [(language: String, path: String)]
        public var hasErrors: Bool { findings.contains { $0.severity == .error } }
    }

    /// Runs every check.
    ///
    /// - Throws: `TolkError` when a page, catalogue or the glossary cannot be read; the
    ///   command turns that into exit code 2.
    public func run(progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> Result {
        let glossary = try readGlossary()
        var available = project.catalogLanguages()
        for language in languages where !available.contains(language) {
            guard LanguageTag.isKnown(language) else { throw TolkError.unknownLanguage(code: language, source: "--locale") }
            throw TolkError.unreadableFile(path: project.catalogPath(for: language), reason: "no such catalogue")
        }
        if !languages.isEmpty { available = available.filter { languages.contains($0) } }

        var findings: [Diagnostic] = []
        var summaries: [String: Summary] = [:]
        var catalogs: [(String, String)] = []
        var builders = available.map { CatalogTemplate.Builder(language: $0, keepsAllReferences: false) }
        try project.forEachPage(progress: progress) { page in
            for index in builders.indices { builders[index].add(page) }
        }
        for builder in builders {
            let language = builder.language
            let path = project.catalogPath(for: language)
            guard LanguageTag.isKnown(language) else { throw TolkError.unknownLanguage(code: language, source: path) }
            try project.checkCatalogueLink(path)
            let catalog = try POParser(path: path, references: .first).parse(fileAt: project.absolute(path))
            let (languageFindings, summary) = check(catalog, language: language, path: path, template: builder, glossary: glossary)
            findings += languageFindings
            summaries[language] = summary
            catalogs.append((language, path))
        }
        return Result(findings: findings, summaries: summaries, catalogs: catalogs)
    }

    func check(_ catalog: POCatalog, language: String, path: String, template builder: CatalogTemplate.Builder, glossary: Glossary?)
        -> ([Diagnostic], Summary) {
        let template = builder.entries()
        let sourceLanguages = builder.sourceLanguages
        let expected = Set(template.map(\.key))
        let entries = catalog.activeMessages
        let present = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var findings: [Diagnostic] = []
        var summary = Summary()

        for source in template where present[source.key] == nil {
            var context = EntryContext(entry: source, language: language, sourceLanguage: sourceLanguages[source.key] ?? "en",
                                       catalogPath: path, glossary: glossary)
            context.entry.line = 0
            findings.append(context.finding("missing-entry", .error, "the source has this text but the catalogue does not",
                                            fix: "run `tolk extract` to add it, then translate it"))
        }
        findings += headerFindings(catalog, language: language, path: path)
        findings += pluralFormFindings(catalog, language: language, path: path)
        var checked: [EntryContext] = []
        // Which messages are ICU messages is the source's to say, not a flag a tool may drop.
        let icuMessages = Set(template.filter { $0.flags.contains("icu-message-format") }.map(\.key))
        for entry in entries {
            let context = EntryContext(entry: entry, language: language, sourceLanguage: sourceLanguages[entry.key] ?? "en",
                                       catalogPath: path, glossary: glossary,
                                       isICUMessage: icuMessages.contains(entry.key) || entry.flags.contains("icu-message-format"))
            summary.entries += 1
            summary.words += BreakIterator.words(in: context.sourceText, locale: context.sourceLanguage).count
            if !expected.contains(entry.key) {
                findings.append(context.finding("obsolete-entry", .warning, "no page has this text any more",
                                                fix: "run `tolk extract`, which keeps it as an obsolete (#~) entry"))
            }
            if !entry.isTranslated {
                summary.untranslated += 1
                findings.append(context.finding("untranslated", .error, "not translated", fix: "translate it"))
                continue
            }
            if entry.isFuzzy {
                summary.fuzzy += 1
                findings.append(context.finding("fuzzy", strict ? .error : .warning,
                                                "marked fuzzy: the source changed since it was translated",
                                                fix: "review the translation against the source, then remove the fuzzy flag"))
                continue
            }
            // Translated means what the build publishes: one whose placeholders it refuses is not.
            if !context.isICUMessage, case .failure = PlaceholderCheck.validate(translation: entry.translation, source: entry.id) {
                summary.untranslated += 1
            } else {
                summary.translated += 1
            }
            checked.append(context)
        }
        // The entry rules are independent: run on all cores, findings kept in entry order.
        let chunks = stride(from: 0, to: checked.count, by: 128).map { Array(checked[$0..<min($0 + 128, checked.count)]) }
        for result in Parallel.map(chunks, { chunk in chunk.flatMap { context in Self.entryRules.flatMap { $0.check(context) } } }) {
            if case let .success(chunkFindings) = result { findings += chunkFindings }
        }
        // In catalogue order, so a reader goes through the file once.
        findings = findings.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        summary.errors = findings.filter { $0.severity == .error }.count
        summary.warnings = findings.filter { $0.severity == .warning }.count
        return (findings, summary)
    }

    /// `header`: what `msgfmt --check` requires of the header (that there is one, with a
    /// charset), the fields it warns about, and a Language that is the file's.
    func headerFindings(_ catalog: POCatalog, language: String, path: String) -> [Diagnostic] {
        guard let header = catalog.header else {
            let context = EntryContext(entry: POEntry(id: ""), language: language, sourceLanguage: "en", catalogPath: path, glossary: nil)
            return [context.finding("header", .error, "the catalogue has no header entry (msgid \"\"); msgfmt rejects it",
                                    fix: "run `tolk extract`, which adds one")]
        }
        let context = EntryContext(entry: header, language: language, sourceLanguage: "en", catalogPath: path, glossary: nil)
        var findings: [Diagnostic] = []
        if catalog.headerField("Content-Type")?.range(of: "charset=", options: .caseInsensitive) == nil {
            findings.append(context.finding("header", .error, "the header declares no charset; msgfmt rejects the catalogue",
                                            fix: "add to the header: Content-Type: text/plain; charset=UTF-8"))
        }
        let fields = ["Project-Id-Version", "PO-Revision-Date", "Last-Translator", "Language-Team", "MIME-Version",
                      "Content-Transfer-Encoding", "Language"]
        let missing = fields.filter { catalog.headerField($0) == nil }
        if !missing.isEmpty {
            findings.append(context.finding("header", .warning, "header fields msgfmt --check expects are missing: \(missing.joined(separator: ", "))",
                                            fix: "add them to the header"))
        }
        if let declared = catalog.headerField("Language"), !declared.isEmpty {
            if LanguageTag.bcp47(declared) != language {
                findings.append(context.finding("header", .error,
                    "the header says Language: \(declared), but \(path) is the catalogue for \(language)",
                    fix: "set the header to Language: \(path.dropFirst("Locales/".count).dropLast(3)), or rename the file"))
            }
        }
        return findings
    }

    /// `plural-forms`: the header's `Plural-Forms` as msgfmt checks it (an expression that
    /// picks a form for every count), against the language's CLDR plural rules from ICU,
    /// and each plural entry's msgstr[n] count.
    func pluralFormFindings(_ catalog: POCatalog, language: String, path: String) -> [Diagnostic] {
        let expected = PluralForms.header(for: language)
        let expectedCount = PluralForms.count(in: expected) ?? 1
        var findings: [Diagnostic] = []
        let header = catalog.header ?? POEntry(id: "")
        let headerContext = EntryContext(entry: header, language: language, sourceLanguage: "en", catalogPath: path, glossary: nil)
        let hasPlurals = catalog.activeMessages.contains { $0.pluralID != nil }
        var count = expectedCount
        if let value = catalog.headerField("Plural-Forms") {
            if let declared = PluralForms.count(in: value), declared > 0, let expression = PluralForms.expression(in: value) {
                count = declared
                if let bad = (0...10_000).first(where: { n in expression.evaluate(n).map { !(0..<declared).contains($0) } ?? true }) {
                    findings.append(headerContext.finding("plural-forms", .error,
                        "the Plural-Forms expression gives no form in 0…\(declared - 1) for n = \(bad); msgfmt rejects the catalogue",
                        fix: "set the header to: Plural-Forms: \(expected)"))
                } else if declared != expectedCount {
                    findings.append(headerContext.finding("plural-forms", .warning,
                        "Plural-Forms says nplurals=\(declared), but CLDR gives \(language) \(expectedCount) plural forms for whole numbers",
                        fix: "set the header to: Plural-Forms: \(expected)"))
                } else if !PluralForms.agree(value, expected) {
                    findings.append(headerContext.finding("plural-forms", .warning,
                        "Plural-Forms chooses other forms than CLDR's rules for \(language)",
                        fix: "set the header to: Plural-Forms: \(expected)"))
                }
            } else {
                findings.append(headerContext.finding("plural-forms", .error,
                    "Plural-Forms is not 'nplurals=N; plural=EXPRESSION;' as gettext reads it",
                    fix: "set the header to: Plural-Forms: \(expected)"))
            }
        } else if hasPlurals {
            findings.append(headerContext.finding("plural-forms", .error, "plural entries but no Plural-Forms header",
                                                  fix: "add to the header: Plural-Forms: \(expected)"))
        }
        for entry in catalog.activeMessages where entry.pluralID != nil && entry.translations.count != count {
            let context = EntryContext(entry: entry, language: language, sourceLanguage: "en", catalogPath: path, glossary: nil)
            findings.append(context.finding("plural-forms", .error,
                "\(entry.translations.count) msgstr[n] forms where the catalogue has \(count) plural forms; msgfmt rejects it",
                fix: "give exactly msgstr[0]…msgstr[\(count - 1)]"))
        }
        return findings
    }

    private func readGlossary() throws -> Glossary? {
        let path = "Locales/glossary.csv"
        guard FileManager.default.fileExists(atPath: project.absolute(path)) else { return nil }
        return try Glossary(path: path, text: TextFile.read(project.absolute(path), displayPath: path))
    }
}
