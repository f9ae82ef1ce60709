import ArgumentParser
import Foundation
import TolkKit

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the pages' strings and update every catalogue in Locales/.",
        discussion: """
            Reads every page under Input/, writes a template per source language \
            (Locales/en/template.pot) and updates each catalogue (Locales/en/de.po) the way \
            msgmerge does: new strings are added, changed ones keep their old translation \
            marked fuzzy, vanished ones become obsolete (#~). Nothing a translator wrote is lost. \
            New and empty entries are filled from the translation memory (every translation \
            of the project's catalogues and the TMX files in Locales/memory/) when a match \
            scores at least [memory] min-match in tolk.toml (75): fuzzy, with a comment \
            naming the score and where it came from. \
            Catalogues of the earlier layout (Locales/de.po) are moved into this one.
            """)

    @Option(name: .long, help: "Start a catalogue for this language too (repeatable), e.g. --locale fr.")
    var locale: [String] = []

    @OptionGroup var options: ProjectOptions

    func run() throws {
        try runReportingErrors {
            let result = try Progress(enabled: !options.quiet).around { progress in
                try CatalogUpdate(project: options.resolved()).run(newLanguages: locale, progress: progress)
            }
            printDiagnostics(result.diagnostics)
            if options.quiet { return }
            for template in result.templates {
                say("\(template.path): \(template.changed ? "written" : "unchanged"): \(template.messages) messages")
            }
            if result.summaries.isEmpty {
                say("No catalogues in Locales/. Start one with: tolk extract --locale de")
            }
            for summary in result.summaries {
                let state = summary.created ? "created" : summary.changed ? "updated" : "unchanged"
                say("\(summary.path): \(state): \(summary.messages) messages, \(summary.translated) translated, "
                    + "\(summary.fuzzy) fuzzy, \(summary.untranslated) untranslated, \(summary.obsolete) obsolete"
                    + (summary.fromMemory > 0 ? "; \(summary.fromMemory) filled from the translation memory" : ""))
            }
        }
    }
}
