import Foundation

/// What a build reads before it builds: the catalogues, the files under `Input/`, and the
/// build cache made with the same settings.
extension SiteBuild {
    /// Each catalogue as a lookup table, and the state of its entries for the cache, by `CatalogFile.key`.
    struct Catalogues: Sendable {
        var tables: CatalogTables
        var states: [String: [UInt64: UInt64]]

        /// The entry states of the catalogue translating pages in `source` into `language`.
        func states(for language: String, source: String) -> [UInt64: UInt64] {
            tables.file(for: language, source: source).flatMap { states[$0.key] } ?? [:]
        }
    }

    /// The pages and assets under `Input/`, the settings the cache is keyed by, and the
    /// cache made with them (nil for a full build, or when there is none).
    struct Inputs: Sendable {
        var pages: [String]
        var assets: [String]
        var settings: UInt64
        var cached: BuildCache?
    }

    func readInputs(its: ITSContext, segmentation: SRXRules?, catalogues: [CatalogFile]) throws -> Inputs {
        let files = try project.inputFiles()
        // Pages are read with the ITS rules: the project's, and rules files a page links
        // (an XML file among the inputs; its stamp stands for its content).
        var rules = FastHash()
        rules.combine(its.fingerprint)
        for asset in files.assets where asset.lowercased().hasSuffix(".xml") {
            rules.combine(asset)
            let stamp = FileStamp.sizeAndTime(project.absolute(asset))
            rules.combine(stamp.map { "\($0.0):\($0.1)" })
        }
        // Pages are cut into sentences by the project's SRX rules when it has them.
        if let segmentation {
            rules.combine(FileStamp(fileAt: project.absolute(segmentation.path))?.content ?? 0)
        }
        var configuration = FastHash()
        configuration.combine(site.fingerprint)
        configuration.combine(baseURL)
        configuration.combine(rules.value)
        let settings = BuildCache.settingsHash(languages: catalogues.map(\.key), minimumCompletion: minimumCompletion,
                                               configuration: configuration.value)
        return Inputs(pages: files.pages, assets: files.assets, settings: settings,
                      cached: incremental ? BuildCache.load(from: project.root, settings: settings) : nil)
    }

    /// Each catalogue as a lookup table, and the state of its entries for the cache.
    func readCatalogs(_ files: [CatalogFile]) throws -> Catalogues {
        var tables: [String: TranslationTable] = [:]
        var states: [String: [UInt64: UInt64]] = [:]
        for file in files {
            guard LanguageTag.isKnown(file.name) else { throw TolkError.unknownLanguage(code: file.language, source: file.path) }
            try project.checkCatalogueLink(file.path)
            let catalog = try readCatalog(file)
            tables[file.key] = TranslationTable(catalog: catalog, path: file.path)
            states[file.key] = Fingerprints.states(of: catalog)
        }
        return Catalogues(tables: CatalogTables(files: files, tables: tables), states: states)
    }

    /// A catalogue, from the cache's compact copy when the PO file has not changed since.
    private func readCatalog(_ file: CatalogFile) throws -> POCatalog {
        let absolute = project.absolute(file.path)
        if incremental, let copy = CatalogSnapshot.load(key: file.key, in: project.root, catalogPath: absolute) {
            return copy
        }
        // The stamp is of before the read; a change made meanwhile moves the time, and
        // then no copy is kept.
        let (catalog, stamp) = try project.readCatalogue(file, references: .none)
        if let after = FileStamp.sizeAndTime(absolute), after == (stamp.size, stamp.modified) {
            try? CatalogSnapshot.save(catalog, key: file.key, in: project.root, stamp: stamp)
        }
        return catalog
    }
}
