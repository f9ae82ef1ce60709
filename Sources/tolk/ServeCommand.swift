import ArgumentParser
import Foundation
import TolkKit

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site and serve Output/ on this machine, rebuilt and reloaded as files change, with a review view and the progress report.",
        discussion: """
            Open the printed address. Pages reload themselves after each rebuild. Add ?review=1 to a \
            translated page (or use its Review button) to see each sentence outlined by its state; the \
            progress report is at /_tolk/. Ctrl-C stops the server.
            """)

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port: Int = 8000

    @Option(name: .long, help: "The address to listen on. Anything but 127.0.0.1, ::1 or localhost lets other machines read the site.")
    var host = "127.0.0.1"

    @OptionGroup var options: ProjectOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be a number from 0 to 65535") }
    }

    func run() throws {
        let server = PreviewServer(project: try options.resolved(), host: host, port: UInt16(port))
        if !PreviewServer.isLoopback(host) {
            complain("tolk: warning: serving on \(host): anyone who can reach this address can read the site and its review data")
        }
        try runReportingErrors {
            let build = try server.rebuild()
            printDiagnostics(build.result.diagnostics)
            if !options.quiet { say(Self.summary(build)) }
        }
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        let quiet = options.quiet
        Task {
            do {
                let url = try await server.start()
                say("Serving \(url) (progress report: \(url)_tolk/; review a page with ?review=1). Ctrl-C stops.")
                await server.watch { outcome in
                    switch outcome {
                    case let .success(build):
                        printDiagnostics(build.result.diagnostics)
                        if !quiet { say(Self.summary(build)) }
                    case let .failure(error):
                        complain("tolk: error: \(error); still serving the last build")
                    }
                }
            } catch {
                failure.set(error)
            }
            finished.signal()
        }
        // Ctrl-C (or a TERM): stop answering, then leave.
        var sources: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                // Files are written whole (a temporary file and a rename), so leaving in the
                // middle of a rebuild leaves no half-written page.
                Task {
                    await server.stop()
                    say("Stopped.")
                    Foundation.exit(0)
                }
            }
            source.resume()
            sources.append(source)
        }
        finished.wait()
        if let error = failure.get() {
            complain("tolk: error: cannot serve on \(host):\(port): \(error)")
            throw ExitCode(1)
        }
    }

    static func summary(_ build: PreviewServer.Build) -> String {
        let written = build.result.pages.filter(\.written).count
        return "Build \(build.number): \(written) page versions in Output/, \(build.result.changedFiles.count) files changed"
    }
}

/// The error the server task stopped with, read after it finished.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    func set(_ error: any Error) { lock.withLock { self.error = error } }
    func get() -> (any Error)? { lock.withLock { error } }
}

