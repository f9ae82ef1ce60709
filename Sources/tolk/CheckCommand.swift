import ArgumentParser
import Foundation
import TolkKit

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the catalogues against the pages: missing, stale and wrong translations.",
        discussion: """
            Exit status: 0 when there are no errors (warnings allowed), 1 when there are errors \
            (or any finding under --strict), 2 when the check could not run.
            """)

    @Option(name: .long, help: "Check only this language's catalogue (repeatable).")
    var locale: [String] = []

    @Option(name: .long, help: "Report format: text, json or sarif.")
    var format: ReportFormat = .text

    @Flag(name: .long, help: "Treat every finding as failing (exit 1), and fuzzy entries as errors.")
    var strict = false

    @Flag(name: .long, help: "Build the pages pseudo-localized and open them in headless Chromium: report visible text never extracted, and text wider than its box.")
    var pseudo = false

    @OptionGroup var options: ProjectOptions

    func run() throws {
        if pseudo { return try runPseudo() }
        let result: CatalogCheck.Result
        do {
            result = try Progress(enabled: !options.quiet).around { progress in
                try CatalogCheck(project: options.resolved(), languages: locale, strict: strict)
                    .run(progress: progress)
            }
        } catch let error as TolkError {
            complain("tolk: error: \(error.description)")
            throw ExitCode(2)
        }
        switch format {
        case .text: print(TextReport(color: isatty(STDOUT_FILENO) != 0).render(result), terminator: "")
        case .json: print(try JSONReport.render(result), terminator: "")
        case .sarif: print(try SARIFReport.render(result), terminator: "")
        }
        if result.hasErrors || (strict && !result.findings.isEmpty) { throw ExitCode(1) }
    }

    /// `--pseudo`: exit 0 when nothing is found, 1 for findings, 2 when it cannot run.
    private func runPseudo() throws {
        let result: (pages: Int, findings: [PseudoCheck.Finding])
        do {
            result = try PseudoCheck(project: options.resolved()).run()
        } catch let error as TolkError {
            complain("tolk: error: \(error.description)")
            throw ExitCode(2)
        }
        for finding in result.findings {
            let what = finding.kind == "overflow" ? "text wider than its box" : "text never extracted for translation"
            say("\(finding.page): warning: [pseudo-\(finding.kind)] <\(finding.element)>: \(what): \"\(finding.text)\"")
        }
        if !options.quiet { say("\(result.pages) pseudo-localized page(s) checked in Chromium: \(result.findings.count) finding(s)") }
        if !result.findings.isEmpty { throw ExitCode(1) }
    }
}
