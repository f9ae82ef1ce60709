import Foundation

/// A progress line on a terminal (pages done, rate, time left); silent when standard
/// error is not a terminal, or with --quiet.
final class Progress: @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    private var shown = false

    init(enabled: Bool) {
        self.enabled = enabled && isatty(STDERR_FILENO) != 0
    }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let elapsed = Date().timeIntervalSince(start)
        guard elapsed > 0.5 || shown else { return }
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let line = String(format: "\r%d/%d pages, %.0f pages/s, %.0f s left ", done, total, rate, left)
        FileHandle.standardError.write(Data(line.utf8))
        shown = true
    }

    /// Clears the line, before anything else is printed (a result or an error).
    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }

    /// Runs `work` with this progress line, and clears it whatever happens.
    func around<Value>(_ work: (@escaping (_ done: Int, _ total: Int) -> Void) throws -> Value) rethrows -> Value {
        defer { finish() }
        return try work(update)
    }
}
