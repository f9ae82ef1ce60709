/// What a catalogue-level rule sees: a whole catalogue and what the pages hold now.
public struct CatalogContext: Sendable {
    public var catalog: POCatalog
    /// The catalogue's language (BCP 47) and its path (`Locales/de.po`).
    public var language: String
    public var path: String
    /// The entries the pages hold now, as `tolk extract` would write them.
    public var template: [POEntry]
    /// The language each template entry's msgid is written in, by key.
    public var sourceLanguages: [POEntry.Key: String]
    /// Under `--strict`, fuzzy entries are errors.
    public var strict: Bool
    /// Messages no page needs now: wherever a page holds the text, a translation of that
    /// page's own answers instead (`PageTranslations`).
    public var answeredByPages: Set<POEntry.Key>

    public init(catalog: POCatalog, language: String, path: String, template: [POEntry],
                sourceLanguages: [POEntry.Key: String] = [:], strict: Bool = false, answeredByPages: Set<POEntry.Key> = []) {
        self.catalog = catalog
        self.language = language
        self.path = path
        self.template = template
        self.sourceLanguages = sourceLanguages
        self.strict = strict
        self.answeredByPages = answeredByPages
    }

    /// The finding for an entry no page needs now, or nil.
    func answeredByPages(_ entry: POEntry, rule: String, _ what: String) -> Diagnostic? {
        guard answeredByPages.contains(entry.key) else { return nil }
        return entryContext(entry).finding(rule, .note, "\(what); no page needs it now: each page with this text has a translation of its own",
                                           fix: "translate it for pages that will use it")
    }

    /// What an entry rule would see of `entry` in this catalogue.
    public func entryContext(_ entry: POEntry) -> EntryContext {
        EntryContext(entry: entry, language: language, sourceLanguage: sourceLanguages[entry.key] ?? "en", catalogPath: path, glossary: nil)
    }
}

/// A check on a whole catalogue (what is missing, obsolete, untranslated; the header).
/// Each rule owns its id and its messages; `CatalogCheck.catalogRules` lists them.
public protocol CatalogRule: Sendable {
    static var id: String { get }
    /// One line saying what the rule finds, for reports.
    static var summary: String { get }
    func check(_ context: CatalogContext) -> [Diagnostic]
}

/// `missing-entry`: a source segment has no entry in the catalogue.
public struct MissingEntryRule: CatalogRule {
    public static let id = "missing-entry"
    public static let summary = "A source segment has no entry in the catalogue."

    public func check(_ context: CatalogContext) -> [Diagnostic] {
        let present = Set(context.catalog.activeMessages.map(\.key))
        return context.template.filter { !present.contains($0.key) }.map { source in
            var entry = context.entryContext(source)
            entry.entry.line = 0
            return entry.finding(Self.id, .error, "the source has this text but the catalogue does not",
                                 fix: "run `tolk extract` to add it, then translate it")
        }
    }
}

/// `obsolete-entry`: an active entry that no page has any more.
public struct ObsoleteEntryRule: CatalogRule {
    public static let id = "obsolete-entry"
    public static let summary = "An active entry that no page has any more."

    public func check(_ context: CatalogContext) -> [Diagnostic] {
        let expected = Set(context.template.map(\.key))
        return context.catalog.activeMessages.filter { !expected.contains($0.key) }.map {
            context.entryContext($0).finding(Self.id, .warning, "no page has this text any more",
                                             fix: "run `tolk extract`, which keeps it as an obsolete (#~) entry")
        }
    }
}

/// `untranslated`: an entry without a translation.
public struct UntranslatedRule: CatalogRule {
    public static let id = "untranslated"
    public static let summary = "An entry without a translation."

    public func check(_ context: CatalogContext) -> [Diagnostic] {
        context.catalog.activeMessages.filter { !$0.isTranslated }.map {
            context.answeredByPages($0, rule: Self.id, "not translated")
                ?? context.entryContext($0).finding(Self.id, .error, "not translated", fix: "translate it")
        }
    }
}

/// `fuzzy`: a translation marked fuzzy, which the build does not publish.
public struct FuzzyRule: CatalogRule {
    public static let id = "fuzzy"
    public static let summary = "A translation marked fuzzy: it needs review before it is used."

    public func check(_ context: CatalogContext) -> [Diagnostic] {
        context.catalog.activeMessages.filter { $0.isTranslated && $0.isFuzzy }.map {
            context.answeredByPages($0, rule: Self.id, "marked fuzzy") ?? context.entryContext($0).finding(Self.id, context.strict ? .error : .warning,
                                             "marked fuzzy: the source changed since it was translated",
                                             fix: "review the translation against the source, then remove the fuzzy flag")
        }
    }
}

/// `header`: what `msgfmt --check` requires of the header (that there is one, with a
/// charset), the fields it warns about, and a Language that is the file's.
public struct HeaderRule: CatalogRule {
    public static let id = "header"
    public static let summary = "The header is missing, lacks what msgfmt needs, or names another language than the file."

    public func check(_ context: CatalogContext) -> [Diagnostic] {
        let (catalog, path, language) = (context.catalog, context.path, context.language)

        guard let header = catalog.header else {
            let context = EntryContext(entry: POEntry(id: ""), language: language, sourceLanguage: "en", catalogPath: path, glossary: nil)
            return [context.finding(Self.id, .error, "the catalogue has no header entry (msgid \"\"); msgfmt rejects it",
                                    fix: "run `tolk extract`, which adds one")]
        }
        let context = EntryContext(entry: header, language: language, sourceLanguage: "en", catalogPath: path, glossary: nil)
        var findings: [Diagnostic] = []
        if catalog.headerField("Content-Type")?.range(of: "charset=", options: .caseInsensitive) == nil {
            findings.append(context.finding(Self.id, .error, "the header declares no charset; msgfmt rejects the catalogue",
                                            fix: "add to the header: Content-Type: text/plain; charset=UTF-8"))
        }
        let fields = ["Project-Id-Version", "PO-Revision-Date", "Last-Translator", "Language-Team", "MIME-Version",
                      "Content-Transfer-Encoding", "Language"]
        let missing = fields.filter { catalog.headerField($0) == nil }
        if !missing.isEmpty {
            findings.append(context.finding(Self.id, .warning, "header fields msgfmt --check expects are missing: \(missing.joined(separator: ", "))",
                                            fix: "add them to the header"))
        }
        if let declared = catalog.headerField("Language"), !declared.isEmpty {
            if LanguageTag.bcp47(declared) != language {
                findings.append(context.finding(Self.id, .error,
                    "the header says Language: \(declared), but \(path) is the catalogue for \(language)",
                    fix: "set the header to Language: \(path.dropFirst("Locales/".count).dropLast(3)), or rename the file"))
            }
        }
        return findings
        }
}

/// `plural-forms`: the header's `Plural-Forms` as msgfmt checks it (an expression that
/// picks a form for every count), against the language's CLDR plural rules from ICU,
/// and each plural entry's msgstr[n] count.
public struct PluralFormsRule: CatalogRule {
    public static let id = "plural-forms"
    public static let summary = "Plural-Forms header or msgstr[n] count disagrees with the language."

    public func check(_ context: CatalogContext) -> [Diagnostic] {
        let (catalog, path, language) = (context.catalog, context.path, context.language)

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
                    findings.append(headerContext.finding(Self.id, .error,
                        "the Plural-Forms expression gives no form in 0…\(declared - 1) for n = \(bad); msgfmt rejects the catalogue",
                        fix: "set the header to: Plural-Forms: \(expected)"))
                } else if declared != expectedCount {
                    findings.append(headerContext.finding(Self.id, .warning,
                        "Plural-Forms says nplurals=\(declared), but CLDR gives \(language) \(expectedCount) plural forms for whole numbers",
                        fix: "set the header to: Plural-Forms: \(expected)"))
                } else if !PluralForms.agree(value, expected) {
                    findings.append(headerContext.finding(Self.id, .warning,
                        "Plural-Forms chooses other forms than CLDR's rules for \(language)",
                        fix: "set the header to: Plural-Forms: \(expected)"))
                }
            } else {
                findings.append(headerContext.finding(Self.id, .error,
                    "Plural-Forms is not 'nplurals=N; plural=EXPRESSION;' as gettext reads it",
                    fix: "set the header to: Plural-Forms: \(expected)"))
            }
        } else if hasPlurals {
            findings.append(headerContext.finding(Self.id, .error, "plural entries but no Plural-Forms header",
                                                  fix: "add to the header: Plural-Forms: \(expected)"))
        }
        for entry in catalog.activeMessages where entry.pluralID != nil && entry.translations.count != count {
            let context = EntryContext(entry: entry, language: language, sourceLanguage: "en", catalogPath: path, glossary: nil)
            findings.append(context.finding(Self.id, .error,
                "\(entry.translations.count) msgstr[n] forms where the catalogue has \(count) plural forms; msgfmt rejects it",
                fix: "give exactly msgstr[0]…msgstr[\(count - 1)]"))
        }
        return findings
        }
}
