/// The id of every problem a Tolk job reports (extract, build, import, align), in one
/// list: the README's "Problems Tolk reports" table lists the same ids (a test holds the
/// two together). `tolk check`'s rules own their ids (`PlaceholderMismatchRule.id`), and a
/// job that finds the same problem uses the rule's id.
public enum DiagnosticID: String, CaseIterable, Sendable {
    // Reading pages (every command that extracts).
    case markupRepaired = "markup-repaired"
    case contentAfterHTML = "content-after-html"
    case itsRulesLink = "its-rules-link"
    // tolk extract, updating catalogues.
    case catalogueConverted = "catalogue-converted"
    case headerAdded = "header-added"
    case catalogueMoved = "catalogue-moved"
    // tolk build.
    case translationRefused = "translation-refused"
    case unitNotFound = "unit-not-found"
    case unitPlaceUnclear = "unit-place-unclear"
    case overlappingEdits = "overlapping-edits"
    case baseHref = "base-href"
    case missingFile = "missing-file"
    case languageNotPublished = "language-not-published"
    case belowMinCompletion = "below-min-completion"
    case indexRenamed = "index-renamed"
    case sitemapNotWritten = "sitemap-not-written"
    case staleOutputKept = "stale-output-kept"
    case cacheNotSaved = "cache-not-saved"
    // tolk import.
    case unknownUnit = "unknown-unit"
    case noCatalogue = "no-catalogue"
    // tolk align.
    case alignNoSource = "align-no-source"
    case alignUnreadable = "align-unreadable"
    case alignWrongLanguage = "align-wrong-language"
    case alignConflict = "align-conflict"
}

extension Diagnostic {
    /// A problem a job reports, by its id in `DiagnosticID`.
    public init(_ id: DiagnosticID, severity: Severity, file: String, line: Int = 0, message: String, fix: String? = nil,
                locale: String? = nil, sourceFile: String? = nil, sourceLine: Int? = nil,
                msgctxt: String? = nil, msgid: String? = nil, msgstr: String? = nil) {
        self.init(rule: id.rawValue, severity: severity, file: file, line: line, message: message, fix: fix, locale: locale,
                  sourceFile: sourceFile, sourceLine: sourceLine, msgctxt: msgctxt, msgid: msgid, msgstr: msgstr)
    }
}
