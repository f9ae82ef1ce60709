import ArgumentParser
import Foundation
import TolkKit

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "What is left to translate into a language, in the bands agencies price by, per page and in total.",
        discussion: """
            Every segment the build would not publish (untranslated, fuzzy, refused) is looked \
            up in the translation memory and counted in one band: context match, 100%, \
            repetition, 95-99%, 85-94%, 75-84%, 50-74% or no match. Words are ICU word breaks; \
            characters leave out white space.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    @Option(name: .long, help: "The language translated into, e.g. de.")
    var locale: String

    @Option(name: .long, help: "Output format: text, json or csv.")
    var format: Format = .text

    @Option(name: [.customShort("o"), .long], help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var options: ProjectOptions

    func run() throws {
        try runReportingErrors {
            let analysis = try Progress(enabled: !options.quiet).around { progress in
                try TranslationAnalysis.run(options.resolved(), language: locale, progress: progress)
            }
            let text: String
            switch format {
            case .text: text = analysis.table()
            case .json: text = try analysis.json()
            case .csv: text = analysis.csv()
            }
            guard let output else {
                print(text, terminator: "")
                return
            }
            try OutputFile.write(text, to: output)
            if !options.quiet { complain("\(output): written") }
        }
    }
}
