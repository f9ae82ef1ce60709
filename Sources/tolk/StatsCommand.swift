import ArgumentParser
import Foundation
import TolkKit

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "How far each language is: segments and words translated, fuzzy and missing, per language and page.")

    /// What stats can write (no SARIF: it reports findings, not progress).
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let stats: TranslationStats
        do {
            stats = try Progress(enabled: !options.quiet).around { progress in
                try TranslationStats.compute(options.resolved(), progress: progress)
            }
        } catch let error as TolkError {
            FileHandle.standardError.write(Data("tolk: error: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        print(format == .json ? try stats.json() : stats.table(), terminator: "")
    }
}
