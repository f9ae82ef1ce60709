import ArgumentParser
import Foundation
import TolkKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a project: tolk.toml, an example page in Input/, and a catalogue per language.",
        discussion: "Writes nothing if any of those already exists. Then run `tolk extract` and `tolk build` in the folder.")

    @Argument(help: "The folder for the project (created if needed; default: the current folder).")
    var folder: String = "."

    @Option(name: .long, help: "The site's languages, the default first, e.g. en,de.")
    var languages: String = "en,de"

    func run() throws {
        try runReportingErrors {
            let root = URL(fileURLWithPath: folder)
            let created = try ProjectTemplate.create(in: root, languages: languages.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            })
            for file in created { say("\(file): created") }
            say("Next: translate the catalogues in Locales/, then run `tolk build`\(folder == "." ? "" : " in \(folder)").")
        }
    }
}
