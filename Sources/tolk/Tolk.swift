import ArgumentParser
import Foundation
import TolkKit

@main
struct Tolk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tolk",
        abstract: "Localize event pages: extract strings to gettext catalogues and build translated pages.",
        subcommands: [BuildCommand.self, ExtractCommand.self, CheckCommand.self, StatsCommand.self, SegmentCommand.self])
}

/// Runs `body`, turning Tolk's errors into a message on standard error and exit code 1.
func runReportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as TolkError {
        FileHandle.standardError.write(Data("tolk: error: \(error.description)\n".utf8))
        throw ExitCode(1)
    }
}
