import ArgumentParser
import Foundation
import TolkKit

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "How far each language is: segments and words translated, fuzzy and missing, per language and page.")

    /// What stats can write (no SARIF: it reports findings, not progress).
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, html
    }

    @Option(name: .long, help: "Output format: text, json, or html (the progress report, with bars and the check's findings).")
    var format: Format = .text

    @Option(name: [.customShort("o"), .long], help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let stats: TranslationStats
        do {
            stats = try Progress(enabled: !options.quiet).around { progress in
                try TranslationStats.compute(options.resolved(), progress: progress)
            }
        } catch let error as TolkError {
            complain("tolk: error: \(error.description)")
            throw ExitCode(2)
        }
        let text: String
        switch format {
        case .text: text = stats.table()
        case .json: text = try stats.json()
        case .html:
            // The report lists what the check finds, page by page.
            var findings: [Diagnostic] = []
            try runReportingErrors { findings = try CatalogCheck(project: options.resolved()).run().findings }
            text = HTMLReport(stats: stats, findings: findings,
                              time: HTMLReport.time(sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"])).html()
        }
        guard let output else {
            print(text, terminator: "")
            return
        }
        try runReportingErrors {
            try OutputFile.write(text, to: output)
            if !options.quiet { complain("\(output): written") }
        }
    }
}
