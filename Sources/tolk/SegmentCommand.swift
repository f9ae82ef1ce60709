import ArgumentParser
import Foundation
import TolkKit

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Print the sentences Tolk finds in plain text, one per line.",
        discussion: "Reads FILE, or standard input when no file is given. Paragraphs are separated by blank lines.")

    @Option(name: .long, help: "Language of the text (BCP 47), e.g. en or de.")
    var locale: String = "en"

    @Option(name: .long, help: "Cut by the rules of this SRX 2.0 file instead of Tolk's own.")
    var srx: String?

    @Argument(help: "A UTF-8 text file.")
    var file: String?

    func run() throws {
        try runReportingErrors {
            let rules = try srx.map { try SRXRules(fileAt: $0) }
            let sentences = if let file {
                try PlainText.sentences(ofFile: file, locale: locale, srx: rules)
            } else {
                try PlainText.sentences(of: FileHandle.standardInput.readDataToEndOfFile(), path: "<stdin>", locale: locale, srx: rules)
            }
            // A sentence per line is the output itself, kept as it is for a pipe; a
            // terminal gets its line breaks and control characters escaped.
            let terminal = isatty(STDOUT_FILENO) != 0
            for sentence in sentences { print(terminal ? TerminalText.escaped(sentence) : sentence) }
        }
    }
}
