import ArgumentParser
import Foundation
import TolkKit

struct MemoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "The translation memory: export it as TMX, import a TMX, search it.",
        discussion: """
            The memory is every translation of the project's catalogues (all languages, page \
            translations included) and every TMX file in Locales/memory/. tolk extract fills \
            new and empty entries from it, fuzzy, with the score and origin in a comment.
            """,
        subcommands: [MemoryExportCommand.self, MemoryImportCommand.self, MemorySearchCommand.self])
}

struct MemoryExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the memory as TMX 1.4b (one unit per translation, inline codes with the pages' markup).")

    @Option(name: .long, help: "Only translations into this language, e.g. de.")
    var locale: String?

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var options: ProjectOptions

    func run() throws {
        try runReportingErrors {
            let export = MemoryExport(project: try options.resolved(), language: locale)
            guard let output else {
                print(try export.run().xml, terminator: "")
                return
            }
            let result = try export.write(to: output)
            if !options.quiet {
                say("\(output): \(result.units) unit(s)" + (result.skipped > 0 ? ", \(result.skipped) left out (characters XML cannot hold)" : ""))
            }
        }
    }
}

struct MemoryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Check a TMX file (1.1 to 1.4b) and copy it into Locales/memory/.",
        discussion: """
            Reads the whole file first: one that is not TMX Tolk can read gets the line and \
            the problem, and nothing is changed. A file of the same name in Locales/memory/ is \
            replaced. Exit status: 0 when imported, 1 when the file was refused.
            """)

    @Argument(help: "The TMX file.")
    var file: String

    @Flag(name: .long, help: "Read and check the file, but copy nothing.")
    var dryRun = false

    @OptionGroup var options: ProjectOptions

    func run() throws {
        try runReportingErrors {
            let result = try MemoryImport(project: try options.resolved(), dryRun: dryRun).run(file: file)
            if options.quiet { return }
            let action = dryRun ? "not copied (--dry-run), would be \(result.action)" : result.action
            say("\(result.destination): \(action): TMX \(result.version), \(result.translationUnits) translation unit(s) in "
                + "\(result.languages.joined(separator: ", ")), \(result.units) memory unit(s)"
                + (result.singleLanguage > 0 ? "; \(result.singleLanguage) with one language only, left out" : ""))
        }
    }
}

struct MemorySearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "List the memory's sentences holding a text, or close to it, with translations, scores and origins.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The text to look for.")
    var text: String

    @Option(name: .long, help: "Only translations into this language, e.g. de.")
    var locale: String?

    @Option(name: .long, help: "Only sentences in this language, e.g. en.")
    var source: String?

    @Option(name: .long, help: "At most this many results per pair of languages.")
    var limit: Int = 20

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var options: ProjectOptions

    func run() throws {
        try runReportingErrors {
            let matches = try MemorySearch(project: try options.resolved(), language: locale, source: source, limit: max(1, limit)).run(text)
            switch format {
            case .json:
                print(try MemorySearchReport(matches).json(), terminator: "")
            case .text:
                if matches.isEmpty { say("No match for \"\(text)\" in the memory.") }
                for match in matches {
                    say("\(MemorySearch.holds(match, text) ? "holds it" : "\(match.score)%")  \(match.unit.sourceLanguage) → \(match.unit.targetLanguage)  \(match.unit.origin)")
                    say("  \(match.unit.source)")
                    say("  \(match.unit.target)")
                }
            }
        }
    }
}
