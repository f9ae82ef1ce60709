import Foundation

/// `tolk build --pseudo`: every page in the pseudo-locales (`PseudoLocale`), without a
/// catalogue: `Output/qps-ploc/` and the mirrored right-to-left `Output/qps-plocm/`, each
/// page at its path under `Input/` with the assets beside it, as a language's folder is.
/// Every segment of every page is pseudo-translated, so what a reader sees unbracketed was
/// never extracted, and what overflows will overflow in a longer language.
public struct PseudoBuild {
    public let project: Project

    public init(project: Project) {
        self.project = project
    }

    public struct Result: Sendable {
        /// The pages written, relative to the project (`Output/qps-ploc/a.html`…).
        public var pages: [String]
    }

    public func run() throws -> Result {
        let (_, assets) = try project.inputFiles()
        var written: [String] = []
        let configuration = try project.siteConfiguration()
        try project.forEachPage(locate: true) { page in
            // Each segment of the page translated to its pseudo-translation.
            var entries: [POEntry] = []
            var seen = Set<POEntry.Key>()
            for unit in page.units {
                for segment in unit.segments where segment.isTranslatable
                    && seen.insert(POEntry.Key(context: segment.context, id: segment.text)).inserted {
                    entries.append(POEntry(context: segment.context, id: segment.text, translations: [PseudoLocale.translation(of: segment.text)]))
                }
            }
            let table = TranslationTable(catalog: POCatalog(entries: entries), path: "pseudo")
            let source = [UInt8](page.text.utf8)
            for locale in PseudoLocale.all {
                var builder = PageBuilder(page: page, source: source, language: locale, table: table, alternates: [])
                builder.siteZone = configuration.timeZone
                let output = "Output/\(locale)/" + Self.relative(page.path)
                try write(Data(builder.build().bytes), to: output)
                written.append(output)
            }
        }
        for asset in assets {
            for locale in PseudoLocale.all {
                let output = "Output/\(locale)/" + Self.relative(asset)
                try FileManager.default.createDirectory(atPath: (project.absolute(output) as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try TextFile.copyAtomically(from: project.absolute(asset), to: project.absolute(output), displayPath: output)
            }
        }
        return Result(pages: written.sorted())
    }

    /// `Input/events/a.html` as `events/a.html`.
    private static func relative(_ path: String) -> String {
        String(path.dropFirst("Input/".count))
    }

    private func write(_ data: Data, to output: String) throws {
        try FileManager.default.createDirectory(atPath: (project.absolute(output) as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try TextFile.writeAtomically(data, to: project.absolute(output), displayPath: output)
    }
}
