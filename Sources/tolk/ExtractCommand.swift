import ArgumentParser
import TolkKit

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "todo")
    func run() throws {}
}
