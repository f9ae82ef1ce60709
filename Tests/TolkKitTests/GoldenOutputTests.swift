import Foundation
import Testing
@testable import TolkKit

/// The common runs of `tolk` on one small project, their output compared whole against
/// the files in `Fixtures/golden/` (exit status, standard output, standard error).
///
/// The project (`Fixtures/counts`) has one page whose every message occurs once, and a
/// German catalogue with three translations the build publishes, one it refuses (a
/// placeholder dropped), one empty entry and one fuzzy one. So every command must say
/// "3 translated": extract, check in text, JSON and SARIF, stats in text, JSON and HTML,
/// build, and serve's report.
///
/// After a deliberate change to what a command prints, run the tests once with
/// `TOLK_UPDATE_GOLDEN=1` to rewrite the files, and review the diff.
@Suite("Golden output", .serialized)
struct GoldenOutputTests {
    /// The runs, in order (extract first: it adds the index's words to the catalogue).
    static let runs: [(name: String, arguments: [String])] = [
        ("extract", ["extract"]),
        ("check", ["check", "--locale", "de"]),
        ("check-json", ["check", "--locale", "de", "--format", "json"]),
        ("check-sarif", ["check", "--locale", "de", "--format", "sarif"]),
        ("stats", ["stats"]),
        ("stats-json", ["stats", "--format", "json"]),
        ("stats-html", ["stats", "--format", "html", "-o", "report.html"]),
        ("build", ["build"]),
    ]

    static let golden = Fixture.repositoryRoot.appendingPathComponent("Tests/TolkKitTests/Fixtures/golden")
    static let updating = ProcessInfo.processInfo.environment["TOLK_UPDATE_GOLDEN"] == "1"

    /// The project after every run, and each run's output as it is kept in its golden file.
    static func runAll() throws -> (folder: URL, outputs: [String: String]) {
        let folder = try temporaryProject(from: Fixture.url("counts"), copying: ["Input", "Locales", SiteConfiguration.fileName])
        var outputs: [String: String] = [:]
        for run in runs {
            let result = try CommandTests().tolk(run.arguments, in: folder, environment: ["SOURCE_DATE_EPOCH": "1796601600", "TZ": "UTC"])
            var text = "$ tolk \(run.arguments.joined(separator: " "))\n[exit \(result.status)]\n" + result.output
            if !result.errors.isEmpty { text += "--- standard error\n" + result.errors }
            // The version is the release's to change, not the output's.
            outputs[run.name] = text.replacingOccurrences(of: "\"\(TolkVersion.current)\"", with: "\"VERSION\"")
        }
        outputs["report.html"] = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        return (folder, outputs)
    }

    @Test("extract, check, stats and build print exactly what their golden files hold")
    func wholeOutput() throws {
        let (folder, outputs) = try Self.runAll()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in outputs.sorted(by: { $0.key < $1.key }) {
            let file = Self.golden.appendingPathComponent(name.hasSuffix(".html") ? name : name + ".txt")
            if Self.updating {
                try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
                try text.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: file, encoding: .utf8)
            #expect(text == expected, "\(name) differs from \(file.lastPathComponent):\n\(text)")
        }
    }

    @Test("with a refused, an empty and a fuzzy entry, every command and format gives the same translated figure")
    func oneTranslatedFigure() throws {
        let (folder, outputs) = try Self.runAll()
        defer { try? FileManager.default.removeItem(at: folder) }
        func json(_ name: String) throws -> Any {
            let text = try #require(outputs[name])
            let body = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)[2]
            let output = body.components(separatedBy: "--- standard error\n")[0]
            return try JSONSerialization.jsonObject(with: Data(output.utf8))
        }
        func number(in name: String, after prefix: String, before suffix: String) throws -> Int? {
            let text = try #require(outputs[name])
            guard let start = text.range(of: prefix), let end = text.range(of: suffix, range: start.upperBound..<text.endIndex) else { return nil }
            return Int(text[start.upperBound..<end.lowerBound])
        }
        var figures: [String: Int?] = [:]
        figures["extract"] = try number(in: "extract", after: "10 messages, ", before: " translated")
        figures["check"] = try number(in: "check", after: "10 entries, ", before: " translated")
        let checkJSON = try #require(try json("check-json") as? [String: Any])
        figures["check --format json"] = ((checkJSON["summary"] as? [String: Any])?["de"] as? [String: Any])?["translated"] as? Int
        let sarif = try #require(try json("check-sarif") as? [String: Any])
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        figures["check --format sarif"] = (((run["properties"] as? [String: Any])?["summary"] as? [String: Any])?["de"] as? [String: Any])?["translated"] as? Int
        let statsRow = try #require(outputs["stats"]?.split(separator: "\n").first { $0.hasPrefix("de        (all pages)") })
        figures["stats"] = Int(statsRow.split(separator: " ")[4])
        let statsJSON = try #require(try json("stats-json") as? [String: Any])
        let total = try #require((statsJSON["rows"] as? [[String: Any]])?.first { $0["page"] == nil })
        figures["stats --format json"] = (total["counts"] as? [String: Any])?["translated"] as? Int
        figures["stats --format html"] = try number(in: "report.html", after: "<span class=\"translated\">", before: " of 6 segments translated")
        figures["build"] = try number(in: "build", after: "Output/de/event.html: ", before: "/6 segments translated")
        // Serve's progress report, as `tolk serve` shows it at /_tolk/.
        let server = PreviewServer(project: Project(root: folder), host: "127.0.0.1", port: 0)
        try server.rebuild()
        let report = server.reportHTML
        if let start = report.range(of: "<span class=\"translated\">"), let end = report.range(of: " of 6 segments translated", range: start.upperBound..<report.endIndex) {
            figures["serve's report"] = Int(report[start.upperBound..<end.lowerBound])
        }
        #expect(figures.count == 9)
        for (command, figure) in figures.sorted(by: { $0.key < $1.key }) {
            #expect(figure == 3, "\(command) says \(figure.map(String.init) ?? "nothing") translated")
        }
    }
}
