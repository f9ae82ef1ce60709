import ArgumentParser
import Foundation
import TolkKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build every page in every project language into Output/, with an event index and a sitemap.",
        discussion: """
            Writes Output/LL/<page> for every page under Input/ in its own language and in every \
            language with a catalogue in Locales/. Untranslated text keeps its source language, \
            marked with lang, and the build says how much of each page was translated.
            """)

    @Option(name: .customLong("min-completion"), help: "Do not write a page with less than this percentage translated.")
    var minCompletion: Double?

    @Flag(name: .long, help: "Exit with code 1 when any text falls back to its source language.")
    var strict = false

    @Option(name: .customLong("base-url"), help: "Site address for absolute URLs in Output/sitemap.xml, e.g. https://example.org/.")
    var baseURL: String?

    @Flag(name: .long, help: "Also build every page pseudo-localized, without a catalogue: Output/qps-ploc/ and the right-to-left Output/qps-plocm/.")
    var pseudo = false

    @Flag(name: .long, help: "Rebuild every page, ignoring the build cache in .tolk/.")
    var full = false

    @OptionGroup var options: ProjectOptions

    func validate() throws {
        if let minCompletion, !(0...100).contains(minCompletion) {
            throw ValidationError("--min-completion takes a percentage from 0 to 100")
        }
        if let baseURL, let problem = SiteConfiguration.problem(baseURL: baseURL) {
            throw ValidationError("--base-url " + TerminalText.escaped(problem))
        }
    }

    func run() throws {
        var fallbacks = 0
        try runReportingErrors {
            let result = try Progress(enabled: !options.quiet).around { progress in
                try SiteBuild(project: options.resolved(),
                              minimumCompletion: minCompletion, baseURL: baseURL, incremental: !full)
                    .run(progress: progress)
            }
            printDiagnostics(result.diagnostics)
            if pseudo {
                let pseudoResult = try PseudoBuild(project: options.resolved()).run()
                if !options.quiet { say("\(pseudoResult.pages.count) pseudo-localized page(s) in Output/\(PseudoLocale.leftToRight)/ and Output/\(PseudoLocale.rightToLeft)/") }
            }
            if !options.quiet {
                let changed = Set(result.changedFiles)
                for report in result.pages {
                    if report.isSource {
                        say("\(report.output): the source, in \(report.language)")
                    } else {
                        let state = report.written ? "" : " (not written)"
                        say("\(report.output): \(report.translated)/\(report.segments) segments translated (\(Share.format(report.percent))%)\(state)")
                    }
                }
                for file in result.extraFiles where changed.contains(file) { say("\(file): written") }
                for file in result.removedFiles { say("\(file): removed (no longer built)") }
                if result.changedFiles.isEmpty && result.removedFiles.isEmpty {
                    say("Output/ was already up to date: no file written")
                } else {
                    say("\(result.changedFiles.count) file(s) written, \(result.removedFiles.count) removed")
                }
                if result.rebuiltPages < result.pages.count / max(1, Set(result.pages.map(\.language)).count) {
                    say("\(result.rebuiltPages) page(s) rebuilt; the others were unchanged (--full rebuilds all)")
                }
            }
            fallbacks = result.fallbacks
        }
        if strict && fallbacks > 0 {
            complain("tolk: error: --strict: \(fallbacks) segment(s) fell back to their source language")
            throw ExitCode(1)
        }
    }
}
