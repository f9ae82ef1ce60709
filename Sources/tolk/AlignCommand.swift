import ArgumentParser
import Foundation
import TolkKit

struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Take in existing translations: align each page with its translation in DIR.",
        discussion: """
            For each page under Input/ not in --locale whose translation is at the same relative \
            path under DIR, pairs the two pages' paragraphs, sentences and inline elements, and \
            puts the translations into the catalogue. Confident pairs become translations, \
            uncertain ones fuzzy entries with a comment; a translation already in the catalogue \
            is never overwritten.
            """)

    @Option(name: .long, help: "The language of the translated pages, e.g. de.")
    var locale: String

    @Argument(help: "The folder with the translated pages, laid out as Input/.")
    var folder: String

    @Flag(name: .long, help: "Report, but write nothing.")
    var dryRun = false

    @OptionGroup var options: ProjectOptions

    func run() throws {
        try runReportingErrors {
            let alignment = CatalogAlignment(project: try options.resolved(), language: locale,
                                             folder: URL(fileURLWithPath: folder), dryRun: dryRun)
            let result = try alignment.run()
            printDiagnostics(result.diagnostics)
            if options.quiet { return }
            for page in result.pages {
                say("\(page.page) ← \(page.translation): \(page.alignedUnits) units aligned; \(page.translated) translated, "
                    + "\(page.fuzzy) fuzzy; unaligned: \(page.unalignedSource) in the page, \(page.unalignedTarget) in the translation")
            }
            let written = result.catalogues.isEmpty ? "no catalogue changed"
                : (dryRun ? "would write " : "wrote ") + result.catalogues.joined(separator: ", ")
            say("\(result.pages.count) page(s) aligned: \(result.translated) translated, \(result.fuzzy) fuzzy, "
                + "\(result.conflicts) conflict(s); \(written)")
        }
    }
}
