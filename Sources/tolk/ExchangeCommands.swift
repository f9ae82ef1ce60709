import ArgumentParser
import Foundation
import TolkKit

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a catalogue as XLIFF 2.1 (or 2.0, or 1.2) for a CAT tool (Trados, memoQ, Phrase, OmegaT, Okapi, XTM).",
        discussion: """
            Writes the catalogue that translates into --locale (for pages in --source, when the \
            language has several) as an XLIFF 2.1 document: one unit per message, Tolk's \
            placeholders as inline codes the translator cannot delete, comments and references \
            as notes. Bring the translations back with tolk import.
            """)

    /// The formats export can write.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case xliff, xliff12
    }

    @Option(name: .long, help: "The language translated into, e.g. de.")
    var locale: String

    @Option(name: .long, help: "Format: xliff (XLIFF 2.1) or xliff12 (XLIFF 1.2, with the memory's matches as <alt-trans>).")
    var format: Format = .xliff

    @Option(name: .long, help: "The XLIFF 2 version the header says: 2.1, or 2.0 for tools that refuse 2.1.")
    var xliffVersion: String = "2.1"

    @Option(name: .long, help: "The pages' language, when --locale has a catalogue for several (e.g. en).")
    var source: String?

    @Flag(name: .long, help: "Only messages without a usable translation (untranslated and fuzzy).")
    var untranslated = false

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var options: ProjectOptions

    func run() throws {
        try runReportingErrors {
            let version: XLIFFExport.Version
            switch (format, xliffVersion) {
            case (.xliff12, _): version = .v12
            case (.xliff, "2.0"): version = .v20
            case (.xliff, "2.1"): version = .v21
            default: throw TolkError.exchange(path: "--xliff-version", line: 0, problem: "'\(xliffVersion)' is not an XLIFF 2 version Tolk writes: 2.0 or 2.1")
            }
            let export = XLIFFExport(project: try options.resolved(), language: locale, source: source, untranslatedOnly: untranslated, version: version)
            if let output {
                let result = try export.write(to: output)
                if !options.quiet { say("\(output): \(result.units) unit(s) from \(result.catalogue)") }
            } else {
                print(try export.run().xml, terminator: "")
            }
        }
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge the translations of an XLIFF 2 (or 1.2) document into its catalogue.",
        discussion: """
            Validates the document (the OASIS core schema and the specification's processing \
            requirements), then puts each unit's target into the matching catalogue entry. \
            Targets whose inline codes do not match their source are refused; units that match \
            no entry are reported, never added. Exit status: 0 when all was imported, 1 when \
            something was refused or the document is not valid.
            """)

    @Argument(help: "The XLIFF file.")
    var file: String

    @Flag(name: .long, help: "Read, validate and report, but write nothing.")
    var dryRun = false

    @OptionGroup var options: ProjectOptions

    func run() throws {
        try runReportingErrors {
            let result = try XLIFFImport(project: try options.resolved(), dryRun: dryRun).run(file: file)
            printDiagnostics(result.diagnostics)
            if !options.quiet {
                if let target = result.catalogue {
                    let action = dryRun ? "not written (--dry-run)" : result.written ? "written" : "unchanged"
                    say("\(target): \(action): \(result.updated) updated, \(result.unchanged) unchanged, "
                        + "\(result.refused) refused, \(result.unknown) unknown")
                } else {
                    say("\(file): read: \(result.unknown + result.refused) unit(s), \(result.refused) refused; no catalogue of this project matches")
                }
            }
            if result.refused > 0 { throw ExitCode(1) }
        }
    }
}
