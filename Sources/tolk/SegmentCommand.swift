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

    @Argument(help: "A UTF-8 text file.")
    var file: String?

    func run() throws {
        try runReportingErrors {
            guard LanguageTag.isKnown(locale) else {
                throw TolkError.unknownLanguage(code: locale, source: "--locale")
            }
            let text: String
            if let file {
                text = try TextFile.read(file)
            } else {
                text = try TextFile.decode(FileHandle.standardInput.readDataToEndOfFile(), path: "<stdin>")
            }
            let segmenter = Segmenter(locale: locale)
            for paragraph in Paragraphs.split(text) {
                for sentence in try segmenter.sentences(in: paragraph) {
                    print(sentence)
                }
            }
        }
    }
}
