import Foundation
import Testing
@testable import TolkKit

@Suite("PO files")
struct POFileTests {
    static let corpusPath = Fixture.shared.appendingPathComponent("corpus/gettext/gettext-tools.de.po").path

    @Test("a real translator's catalogue is written exactly as GNU msgcat writes it")
    func gettextCorpusMatchesMsgcat() throws {
        let text = try TextFile.read(Self.corpusPath)
        let catalog = try POParser(path: Self.corpusPath).parse(text)
        #expect(catalog.entries.count == 812)
        #expect(catalog.activeMessages.filter(\.isTranslated).count == 811)
        #expect(catalog.activeMessages.filter { $0.pluralID != nil }.count == 7)
        let expected = try GNUGettext.run("msgcat", [Self.corpusPath])
        expectSameLines(POWriter().write(catalog), expected)
    }
}

/// Compares two texts and reports the first differing line, which is what one needs to see.
func expectSameLines(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual != expected else { return }
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(a.count, b.count) {
        let left = index < a.count ? String(a[index]) : "<end>"
        let right = index < b.count ? String(b[index]) : "<end>"
        if left != right {
            Issue.record("line \(index + 1) differs:\n  got:      \(left)\n  expected: \(right)", sourceLocation: sourceLocation)
            return
        }
    }
}

/// GNU gettext's own tools, the reference Tolk's PO output must match.
enum GNUGettext {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a gettext tool and returns its standard output; fails clearly when gettext is missing.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let path = "/usr/bin/\(tool)"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Failure(description: "\(path) is missing: install GNU gettext (apt-get install gettext); .ci/run does")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) failed: \(String(decoding: errorData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

