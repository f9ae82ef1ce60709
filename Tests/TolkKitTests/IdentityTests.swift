import Foundation
import Testing
@testable import TolkKit

/// Texts are told apart by their bytes, as gettext tells them apart: canonically
/// equivalent twins (NFC "Café" and NFD "Café") stay two messages and two texts.
@Suite("Byte identity")
struct IdentityTests {
    static let composed = "Caf\u{E9} und \u{AC01}"
    static let decomposed = "Cafe\u{301} und \u{1100}\u{1161}\u{11A8}"

    @Test("the twins are different bytes that Swift's String == calls equal")
    func twinsAreTwins() {
        #expect(Self.composed == Self.decomposed)
        #expect(!Self.composed.utf8.elementsEqual(Self.decomposed.utf8))
        #expect(POEntry.Key(context: nil, id: Self.composed) != POEntry.Key(context: nil, id: Self.decomposed))
        #expect(Set([POEntry.Key(context: nil, id: Self.composed), POEntry.Key(context: nil, id: Self.decomposed)]).count == 2)
        #expect(POEntry.Key(context: "", id: "a") != POEntry.Key(context: nil, id: "a"))
    }

    @Test("a catalogue holding both twins reads as two messages with their own translations")
    func catalogueTwins() throws {
        let path = Fixture.url("twins/Locales/en/de.po").path
        let catalog = try POParser(path: "Locales/en/de.po").parse(fileAt: path)
        #expect(catalog.activeMessages.count == 2)
        let table = TranslationTable(catalog: catalog, path: "Locales/en/de.po")
        #expect(table.entry(context: nil, id: Self.composed)?.translation == "Komponiert")
        #expect(table.entry(context: nil, id: Self.decomposed)?.translation == "Zerlegt")
        expectSameLines(POWriter().write(catalog), try GNUGettext.run("msgcat", [path]))
    }

    @Test("a page with both twins extracts two entries and builds each cell with its own translation")
    func pageTwins() throws {
        let folder = try temporaryProject(from: Fixture.url("twins"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = Project(root: folder)
        _ = try CatalogUpdate(project: project).run()
        let catalog = try POParser(path: "de.po").parse(fileAt: folder.appendingPathComponent("Locales/en/de.po").path)
        let ids = catalog.activeMessages.filter { $0.context == nil }.map(\.id)
        #expect(ids.filter { $0 == Self.composed }.count == 2, "both twins are entries")
        #expect(ids.contains { $0.utf8.elementsEqual(Self.decomposed.utf8) })
        #expect(ids.contains { $0.utf8.elementsEqual(Self.composed.utf8) })
        // The fixture translates just the twins: German is published however little is translated.
        try "[languages.de]\nmin-completion = 0\n".write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
        _ = try SiteBuild(project: project).run()
        let page = try TextFile.read(folder.appendingPathComponent("Output/de/menu.html").path)
        #expect(page.contains("<td>Komponiert</td><td>Zerlegt</td>"))
    }
}
