import ArgumentParser
import Foundation
import TolkKit

@main
struct Tolk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tolk",
        abstract: "Localize event pages: extract strings to gettext catalogues and build translated pages.",
        version: TolkVersion.current,
        subcommands: [InitCommand.self, BuildCommand.self, ExtractCommand.self, CheckCommand.self, StatsCommand.self,
                      ExportCommand.self, ImportCommand.self, MemoryCommand.self, AnalyzeCommand.self, AlignCommand.self, ServeCommand.self, SegmentCommand.self])
}

/// The options every project command takes.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "The project folder (default: the one holding the current folder, found as git finds its repository).")
    var project: String?

    @Flag(name: .long, help: "Print only warnings and errors: no summary lines, no progress line.")
    var quiet = false

    /// The project: `--project` as given, else the nearest folder up from here that is one.
    func resolved() throws -> Project {
        if let project { return Project(root: URL(fileURLWithPath: project)) }
        return try Project.enclosing(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }
}

/// Prints a line on standard output, with what came from files escaped for a terminal;
/// written at once (the server's lines must not wait in a buffer).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((TerminalText.escaped(line) + "\n").utf8))
}

/// Writes a line on standard error, with what came from files escaped for a terminal.
func complain(_ line: String) {
    FileHandle.standardError.write(Data((TerminalText.escaped(line) + "\n").utf8))
}

/// Runs `body`, turning Tolk's errors into a message on standard error and exit code 1.
func runReportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as TolkError {
        complain("tolk: error: \(error.description)")
        throw ExitCode(1)
    }
}

/// Prints what a command has to say on standard error, a line each, the way compilers do.
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    FileHandle.standardError.write(Data(diagnostics.map { $0.description + "\n" }.joined().utf8))
}
