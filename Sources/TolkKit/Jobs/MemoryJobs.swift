import Foundation

/// `tolk memory export`: the project memory as TMX 1.4b, for a CAT tool or an agency.
public struct MemoryExport {
    public let project: Project
    /// Only units translating into this language; nil for all.
    public var language: String?

    public init(project: Project, language: String? = nil) {
        self.project = project
        self.language = language
    }

    /// The document: the catalogues' units (with the pages' original markup for their
    /// placeholders), then the TMX files'.
    public func run() throws -> TMXWriter.Result {
        if let language, !LanguageTag.isKnown(language) { throw TolkError.unknownLanguage(code: language, source: "--locale") }
        var read: [(file: CatalogFile, catalog: POCatalog)] = []
        var originals: [String: OriginalCode.Collection] = [:]
        for file in project.catalogues() where file.source != nil && (language.map { LanguageTag.sameLanguage($0, file.language) } ?? true) {
            let catalog = try project.readCatalogue(file).catalog
            read.append((file, catalog))
            originals[file.path] = OriginalCode.Collection(catalog: catalog)
        }
        if !read.isEmpty {
            try project.forEachPage(locate: true) { page in
                for (file, _) in read where LanguageTag.sameLanguage(page.language, file.source!) { originals[file.path]?.add(page) }
            }
        }
        let tmx = try ProjectMemory(project: project).tmxUnits().filter { unit in
            language.map { LanguageTag.sameLanguage($0, unit.targetLanguage) } ?? true
        }
        let units = ProjectMemory.units(of: read) + tmx
        return TMXWriter.document(units) { unit in
            if !unit.codes.isEmpty { return unit.codes }
            return originals[unit.origin.file]?.codes[POEntry.Key(context: unit.context, id: unit.source)] ?? [:]
        }
    }

    /// Exports and writes the document to `path` atomically.
    @discardableResult
    public func write(to path: String) throws -> TMXWriter.Result {
        let result = try run()
        try TextFile.writeAtomically(result.xml, to: path, displayPath: path)
        return result
    }
}

/// `tolk memory import`: a TMX file checked and copied into `Locales/memory/`, where
/// every job's memory finds it.
public struct MemoryImport {
    public let project: Project
    public var dryRun: Bool

    public init(project: Project, dryRun: Bool = false) {
        self.project = project
        self.dryRun = dryRun
    }

    public struct Result: Sendable {
        /// Where the file went (or would go), relative to the project.
        public var destination: String
        public var version: String
        public var translationUnits: Int
        /// Memory units: a `<tu>` gives one for each pair of its languages, both ways.
        public var units: Int
        /// `<tu>`s with one language only, which translate nothing.
        public var singleLanguage: Int
        public var languages: [String]
        /// What happened to the destination: `added`, `replaced` or `unchanged`.
        public var action: String
        public var written: Bool
    }

    /// Reads and checks `file` whole, then copies it; a file that cannot be read changes nothing.
    ///
    /// - Throws: `TolkError.exchange` with the file and line for a file that is not TMX
    ///   Tolk can read (not well-formed, an entity declaration, an unknown version, a unit
    ///   with no language, a segment too long), `.unreadableFile` for one that is not there.
    public func run(file: String) throws -> Result {
        try TextFile.requireRegularFile(file, displayPath: file)
        let data = try TextFile.readData(file, displayPath: file)
        let contents = try TMXDocument.read(data, path: file)
        let name = URL(fileURLWithPath: file).lastPathComponent
        let destination = ProjectMemory.folder + "/" + (name.lowercased().hasSuffix(".tmx") ? name : name + ".tmx")
        let absolute = project.absolute(destination)
        let existing = FileManager.default.contents(atPath: absolute)
        let action = existing == nil ? "added" : existing == data ? "unchanged" : "replaced"
        var written = false
        if !dryRun, action != "unchanged" {
            try FileManager.default.createDirectory(atPath: project.absolute(ProjectMemory.folder), withIntermediateDirectories: true)
            try TextFile.writeAtomically(data, to: absolute, displayPath: destination)
            written = true
        }
        return Result(destination: destination, version: contents.version, translationUnits: contents.translationUnits,
                      units: contents.units.count, singleLanguage: contents.singleLanguage, languages: contents.languages,
                      action: action, written: written)
    }
}

/// `tolk memory search`: concordance, the memory's sources holding a text (or close to
/// it) with their translations, scores and origins.
public struct MemorySearch {
    public let project: Project
    /// Only translations into this language; nil for all.
    public var language: String?
    public var source: String?
    public var limit: Int

    public init(project: Project, language: String? = nil, source: String? = nil, limit: Int = 20) {
        self.project = project
        self.language = language
        self.source = source
        self.limit = limit
    }

    /// The matches, best first, at most `limit` for each pair of languages.
    public func run(_ text: String) throws -> [MemoryMatch] {
        for code in [language, source].compactMap({ $0 }) where !LanguageTag.isKnown(code) {
            throw TolkError.unknownLanguage(code: code, source: code == language ? "--locale" : "--source")
        }
        let units = try ProjectMemory(project: project).units()
        var pairs: [(String, String)] = []
        for unit in units where !pairs.contains(where: { LanguageTag.sameLanguage($0.0, unit.sourceLanguage) && LanguageTag.sameLanguage($0.1, unit.targetLanguage) }) {
            if let language, !LanguageTag.sameLanguage(language, unit.targetLanguage) { continue }
            if let source, !LanguageTag.sameLanguage(source, unit.sourceLanguage) { continue }
            pairs.append((unit.sourceLanguage, unit.targetLanguage))
        }
        return pairs.flatMap { MemoryIndex(units, from: $0.0, to: $0.1).search(text, limit: limit) }
    }

    /// Whether `match`'s source holds `text` (case-insensitive): a concordance hit, whatever
    /// its score as a match of the whole sentence.
    public static func holds(_ match: MemoryMatch, _ text: String) -> Bool {
        MessageText.plainText(match.unit.source).lowercased().contains(text.lowercased())
    }
}

/// `tolk memory search --format json`: one object per match.
public struct MemorySearchReport: Encodable {
    struct Match: Encodable {
        var score: Int
        var sourceLanguage: String
        var targetLanguage: String
        var source: String
        var target: String
        var origin: String
        var line: Int
        var tuid: String?
        var msgctxt: String?
        var page: String?
    }

    let matches: [Match]

    public init(_ matches: [MemoryMatch]) {
        self.matches = matches.map {
            Match(score: $0.score, sourceLanguage: $0.unit.sourceLanguage, targetLanguage: $0.unit.targetLanguage, source: $0.unit.source,
                  target: $0.unit.target, origin: $0.unit.origin.file, line: $0.unit.origin.line, tuid: $0.unit.origin.tuid,
                  msgctxt: $0.unit.context, page: $0.unit.page)
        }
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
