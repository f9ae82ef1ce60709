import Foundation
import Testing
@testable import TolkKit

/// Pseudo-localization: pages built without a catalogue, in accented, longer, bracketed text,
/// and checked in headless Chromium for text never extracted and text that overflows.
@Suite("Pseudo-localization")
struct PseudoTests {
    @Test("a pseudo-translation is bracketed, accented, about 35% longer, and keeps its placeholders where they were")
    func translation() {
        let pseudo = PseudoLocale.translation(of: "Read <1>the notes</1> before <2/>.")
        #expect(pseudo == "⟦Ŕéáð <1>ţĥé ñöţéš</1> ƀéƒöŕé <2/>. ·······⟧")
        let letters = "Read the notes before".count { $0.isLetter }
        #expect(pseudo.count { $0 == "·" } >= letters * 35 / 100)
        #expect(MessageText.parse(pseudo).filter { if case .text = $0 { return false }; return true } == [.open(1), .close(1), .empty(2)])
    }

    @Test("tolk build --pseudo writes Output/qps-ploc/ and the mirrored Output/qps-plocm/ with the assets; the check finds the planted script text and overflow, and nothing on the shipped site")
    func buildAndCheck() throws {
        guard FileManager.default.isExecutableFile(atPath: BrowserTests.chromium) else {
            throw GNUGettext.Failure(description: "Chromium is missing at \(BrowserTests.chromium): run Scripts/test, which installs it")
        }
        let folder = try temporaryProject(from: Fixture.url("pseudo"), copying: ["Input"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PseudoCheck(project: Project(root: folder)).run()
        #expect(result.pages == 1)
        #expect(result.findings.map { [$0.kind, $0.element, $0.page] } == [
            ["unbracketed", "div#notice", "Output/qps-ploc/page.html"],
            ["overflow", "p.tight", "Output/qps-ploc/page.html"],
        ])
        let ltr = try String(contentsOf: folder.appendingPathComponent("Output/qps-ploc/page.html"), encoding: .utf8)
        let rtl = try String(contentsOf: folder.appendingPathComponent("Output/qps-plocm/page.html"), encoding: .utf8)
        #expect(ltr.contains("<html lang=\"qps-ploc\">") && rtl.contains("<html lang=\"qps-plocm\" dir=\"rtl\">"))
        #expect(ltr.contains("<h1>⟦Öþéñ ðáý ···⟧</h1>"))
        #expect(ltr.contains("<span class=\"brand\" translate=\"no\" lang=\"en\">Garden Club</span>"), "kept text is marked, not pseudo-translated")

        let shipped = try temporaryProject(from: Fixture.repositoryRoot, copying: ["Input", "Locales", SiteConfiguration.fileName])
        defer { try? FileManager.default.removeItem(at: shipped) }
        let site = try PseudoCheck(project: Project(root: shipped)).run()
        #expect(site.pages == 4 && site.findings.isEmpty, "\(site.findings)")
        // Each pseudo folder has the pages' assets beside them, as a language's folder does.
        for path in ["Output/qps-ploc/styles/events.css", "Output/qps-plocm/styles/events.css", "Output/qps-plocm/images/hls-week.jpg"] {
            #expect(FileManager.default.fileExists(atPath: shipped.appendingPathComponent(path).path), "\(path) is missing")
        }
    }
}
