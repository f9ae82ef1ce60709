import Foundation

/// `tolk export --format xliff`: a catalogue as an XLIFF 2.1 document for CAT tools (or
/// 2.0, or 1.2 with `--format xliff12`: `XLIFF12Writer`).
///
/// One `<unit>` per active entry, its id made from the msgctxt and msgid (the same entry
/// has the same id in every export). Tolk's placeholders become inline codes the
/// translator cannot delete or copy: `<N>…</N>` a `<pc>`, `<N/>` a `<ph>`, each with the
/// page's original tag in `<originalData>` so the tool can show it. Comments,
/// references and the msgctxt become `<notes>`. States:
///
/// | catalogue | XLIFF |
/// | --- | --- |
/// | untranslated | `state="initial"`, no `<target>` |
/// | fuzzy | `state="initial" subState="tolk:fuzzy"`, the old translation as `<target>` |
/// | translated | `state="translated"` |
///
/// A plural entry (`msgid_plural`) is one unit with a segment per plural form
/// (`f0`, `f1`…). An ICU MessageFormat entry (the event index's words) is text with
/// its `{…}` syntax, explained in a note.
public struct XLIFFExport {
    public let project: Project
    /// The language translated into.
    public var language: String
    /// The language of the pages whose catalogue is exported; needed only when `language`
    /// has catalogues for several source languages.
    public var source: String?
    /// Only entries without a usable translation (untranslated and fuzzy).
    public var untranslatedOnly = false
    public var version: Version

    /// The XLIFF written: 2.1 (the default), 2.0 (the same document, for tools that refuse
    /// 2.1) or 1.2 (`XLIFF12Writer`).
    public enum Version: String, Sendable, CaseIterable {
        case v21 = "2.1", v20 = "2.0", v12 = "1.2"
    }

    /// How many memory matches each unit carries, at most.
    public static let matchesPerUnit = 3

    public init(project: Project, language: String, source: String? = nil, untranslatedOnly: Bool = false, version: Version = .v21) {
        self.project = project
        self.language = language
        self.source = source
        self.untranslatedOnly = untranslatedOnly
        self.version = version
    }

    public struct Result: Sendable {
        /// The catalogue exported.
        public var catalogue: String
        public var xml: String
        public var units: Int
    }

    /// The XLIFF document for the chosen catalogue.
    ///
    /// - Throws: `TolkError.exchange` when the language has no catalogue, or several and
    ///   no source was chosen; the catalogue's and pages' own read errors.
    public func run() throws -> Result {
        let file = try project.catalogue(for: language, source: source)
        guard let sourceLanguage = file.source else {
            throw TolkError.exchange(path: file.path, line: 0,
                                     problem: "a catalogue of the earlier layout mixes source languages; run tolk extract to give each its own")
        }
        let catalog = try project.readCatalogue(file).catalog
        // The pages' original tags, for the tool to show in place of the placeholders.
        var originals = OriginalCode.Collection(catalog: catalog)
        try project.forEachPage(locate: true) { page in
            if LanguageTag.sameLanguage(page.language, sourceLanguage) { originals.add(page) }
        }
        let matches = try memoryMatches(for: catalog, file: file, sourceLanguage: sourceLanguage)
        if version == .v12 {
            let (xml, units) = XLIFF12Writer.document(catalog, path: file.path, sourceLanguage: sourceLanguage, targetLanguage: file.language,
                                                      originals: originals.codes, untranslatedOnly: untranslatedOnly, matches: matches)
            return Result(catalogue: file.path, xml: xml, units: units)
        }
        let (xml, units) = XLIFFWriter.document(catalog, path: file.path, sourceLanguage: sourceLanguage, targetLanguage: file.language,
                                                originals: originals.codes, untranslatedOnly: untranslatedOnly, version: version.rawValue,
                                                matches: matches)
        return Result(catalogue: file.path, xml: xml, units: units)
    }
    /// The memory's best matches for each entry left to translate (untranslated or fuzzy,
    /// not plural, not ICU): at most `matchesPerUnit`, at `[memory] min-match` or more, the
    /// entry's own old translation aside. The memory is read only when some entry needs it.
    private func memoryMatches(for catalog: POCatalog, file: CatalogFile, sourceLanguage: String) throws -> (POEntry) -> [MemoryMatch] {
        let open = catalog.activeMessages.contains { !($0.isTranslated && !$0.isFuzzy) && $0.pluralID == nil }
        guard open else { return { _ in [] } }
        let index = MemoryIndex(try ProjectMemory(project: project).units(), from: sourceLanguage, to: file.language)
        let minimum = try project.memorySettings().minimumMatch
        guard !index.isEmpty else { return { _ in [] } }
        return { entry in
            guard entry.pluralID == nil, !(entry.isTranslated && !entry.isFuzzy), entry.context != IndexMessage.context,
                  !entry.flags.contains("icu-message-format") else { return [] }
            return index.matches(for: entry.id, minimum: minimum, limit: Self.matchesPerUnit)
        }
    }

    /// Exports and writes the document to `path` atomically.
    @discardableResult
    public func write(to path: String) throws -> Result {
        let result = try run()
        try TextFile.writeAtomically(result.xml, to: path, displayPath: path)
        return result
    }

}
