import Foundation

/// `tolk import FILE.xlf`: merges the targets of an XLIFF 2 document (or 1.2: the version
/// is read from the file) into the catalogue it was exported from (or any catalogue for
/// its source and target languages).
///
/// The document is validated first: against the OASIS core schema and the
/// specification's processing requirements. Inline codes map back to Tolk's
/// placeholders in the translator's order; a target whose codes are dropped,
/// repeated, invented or badly nested is refused with its unit id. Units no entry
/// matches are reported, never added. Nothing but the translations and their fuzzy
/// marks changes, and the catalogue is written atomically, only when it changed.
public struct XLIFFImport {
    public let project: Project
    /// Read, validate and report, but write nothing.
    public var dryRun: Bool

    public init(project: Project, dryRun: Bool = false) {
        self.project = project
        self.dryRun = dryRun
    }

    public struct Result: Sendable {
        /// The catalogue the targets went into; nil when none matches (only with `dryRun`).
        public var catalogue: String?
        public var updated = 0, unchanged = 0, refused = 0, unknown = 0
        /// Whether the catalogue file was written.
        public var written = false
        public var diagnostics: [Diagnostic] = []
    }

    /// Imports `file` (a path as the user gave it; relative paths are to the current folder).
    public func run(file: String) throws -> Result {
        let document = try XLIFFDocument.read(TextFile.readData(file, displayPath: file), path: file)
        // Marks the run and removes what a killed run left (see `Project.startWriting`).
        let finishWriting = dryRun ? {} : project.startWriting()
        defer { finishWriting() }
        let (refusals, duplicated) = document.refusals(file: file)
        var result = Result()
        result.add(refusals)
        guard let targetLanguage = document.targetLanguage else {
            guard dryRun else {
                throw TolkError.exchange(path: file, line: 1, problem: "the document has no trgLang, so it holds no translations to import")
            }
            return Self.unmatched(result, document: document, file: file,
                                  reason: "the document has no trgLang: it holds no translations to import")
        }
        let catalogue: CatalogFile
        do {
            catalogue = try project.catalogue(for: targetLanguage, source: document.sourceLanguage)
        } catch let error as TolkError where dryRun {
            return Self.unmatched(result, document: document, file: file,
                                  reason: error.description.replacingOccurrences(of: "Locales/: ", with: ""))
        }
        // An XLIFF 1.2 <file> names the catalogue it came from: it must be this language's.
        for original in document.originals {
            if let named = project.catalogues().first(where: { $0.path == original.path }), !LanguageTag.sameLanguage(named.language, targetLanguage) {
                throw TolkError.exchange(path: file, line: original.line, problem: "target-language is \(targetLanguage), "
                    + "but the <file> came from \(named.path), the catalogue for \(named.language); nothing was imported")
            }
        }
        result.catalogue = catalogue.path
        var (catalog, read) = try project.readCatalogue(catalogue)
        let merged = document.merge(into: &catalog, catalogue: catalogue.path, file: file, skipping: duplicated)
        result.add(merged)
        if !dryRun, merged.updated > 0 {
            result.written = try TextFile.writeAtomicallyIfChanged(to: project.absolute(catalogue.path), displayPath: catalogue.path,
                                                                   readAs: .some(read)) { sink in
                try POWriter().write(catalog, to: sink)
            }
        }
        return result
    }

    /// What a dry run reports for a valid document no catalogue of the project matches.
    private static func unmatched(_ result: Result, document: XLIFFDocument, file: String, reason: String) -> Result {
        var result = result
        result.diagnostics.append(Diagnostic(.noCatalogue, severity: .note, file: file, message: reason))
        result.unknown = document.units.count - result.refused
        return result
    }
}

extension XLIFFImport.Result {
    mutating func add(_ outcome: XLIFFDocument.Outcome) {
        updated += outcome.updated
        unchanged += outcome.unchanged
        refused += outcome.refused
        unknown += outcome.unknown
        diagnostics += outcome.diagnostics
    }
}
