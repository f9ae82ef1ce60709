import ArgumentParser
import Foundation
import TolkKit

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "How far each language is: segments and words translated, fuzzy and missing, per language and page.")

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Option(name: .long, help: "The project folder (default: the current folder).")
    var project: String = "."

    @Flag(name: .long, help: "No progress line while the pages are read.")
    var quiet = false

    func run() throws {
        let stats: TranslationStats
        do {
            stats = try Progress(enabled: !quiet).around { progress in
                try TranslationStats.compute(Project(root: URL(fileURLWithPath: project)), progress: progress)
            }
        } catch let error as TolkError {
            FileHandle.standardError.write(Data("tolk: error: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        print(format == .json ? try stats.json() : stats.table(), terminator: "")
    }
}
