import Foundation
import Testing
@testable import TolkKit

/// The parts of `.tolk/`, each on its own: what a rebuild trusts must be exactly what was saved.
@Suite("Build cache parts")
struct BuildCacheTests {
    @Test("a file stamp holds while the bytes do: a new time on the same bytes keeps it, an edit of the same size does not")
    func fileStamp() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("page.html").path
        let data = Data("<p>One.</p>\n".utf8)
        try data.write(to: URL(fileURLWithPath: file))
        let stamp = try #require(FileStamp(path: file, data: data))
        #expect(stamp.size == data.count && stamp.content == FileStamp.hash(data))
        #expect(stamp.current(at: file) == stamp)

        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(120)], ofItemAtPath: file)
        let touched = try #require(stamp.current(at: file), "same bytes with a new time still match")
        #expect(touched.content == stamp.content)

        try Data("<p>Two.</p>\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(stamp.current(at: file) == nil, "an edit of the same size is a change")
        try FileManager.default.removeItem(atPath: file)
        #expect(stamp.current(at: file) == nil && FileStamp.missing.current(at: file) == nil)
    }

    @Test("fingerprints change with a page's translations, and only with them")
    func fingerprints() {
        var catalog = POCatalog(entries: [POEntry(id: "One."), POEntry(id: "Two."), POEntry(context: "nav", id: "One.")])
        catalog.entries[0].translations = ["Eins."]
        let keys = [Fingerprints.key(context: nil, id: "One.")]
        let before = Fingerprints.of(keys, states: Fingerprints.states(of: catalog))
        #expect(Fingerprints.key(context: nil, id: "One.") != Fingerprints.key(context: "nav", id: "One."))

        var other = catalog
        other.entries[1].translations = ["Zwei."]
        #expect(Fingerprints.of(keys, states: Fingerprints.states(of: other)) == before, "an entry the page does not use")
        #expect(Fingerprints.catalog(Fingerprints.states(of: other)) != Fingerprints.catalog(Fingerprints.states(of: catalog)))

        var fuzzy = catalog
        fuzzy.entries[0].isFuzzy = true
        #expect(Fingerprints.of(keys, states: Fingerprints.states(of: fuzzy)) != before, "marked fuzzy")
        var retranslated = catalog
        retranslated.entries[0].translations = ["Eins!"]
        #expect(Fingerprints.of(keys, states: Fingerprints.states(of: retranslated)) != before, "retranslated")
    }

    @Test("a catalogue snapshot comes back entry for entry while the catalogue is unchanged, and not after an edit")
    func catalogSnapshot() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".tolk"), withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("de.po").path
        let text = try Fixture.text("po/translator.po")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let catalog = try POParser(path: "de.po").parse(fileAt: path)
        let stamp = try #require(FileStamp(path: path, data: Data(text.utf8)))
        try CatalogSnapshot.save(catalog, key: "de", in: folder, stamp: stamp)

        let loaded = try #require(CatalogSnapshot.load(key: "de", in: folder, catalogPath: path))
        let active = catalog.entries.filter { !$0.isObsolete }
        #expect(loaded.entries.count == active.count)
        for (copy, original) in zip(loaded.entries, active) {
            #expect(copy.context == original.context && copy.id == original.id && copy.pluralID == original.pluralID)
            #expect(copy.translations == original.translations && copy.isFuzzy == original.isFuzzy && copy.flags == original.flags)
            #expect(copy.line == original.line && copy.translationLine == original.translationLine)
        }

        try (text + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(CatalogSnapshot.load(key: "de", in: folder, catalogPath: path) == nil)
    }

    @Test("the build cache reads back what it saved, diagnostics included, and refuses a damaged file or other settings")
    func roundTrip() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".tolk"), withIntermediateDirectories: true)
        let settings = BuildCache.settingsHash(languages: ["de", "en"], minimumCompletion: nil)
        var cache = BuildCache(settings: settings)
        cache.catalogs = ["de": 42]
        let refused = Diagnostic(rule: "translation-refused", severity: .warning, file: "Locales/en/de.po", line: 27,
                                 message: "translation not used", sourceFile: "Input/a.html", sourceLine: 3, msgid: "One.")
        var summary = EventSummary(relative: "a.html", pageLanguage: "en")
        summary.titles = ["de": .init(text: "Eins", translated: true)]
        summary.start = "2022-10-11T10:00+01:00"
        summary.languages = ["de", "en"]
        cache.pages["Input/a.html"] = BuildCache.Page(
            source: FileStamp(size: 10, modified: 7, content: 99), summary: summary,
            diagnostics: [Diagnostic(rule: "markup-repaired", severity: .warning, file: "Input/a.html", line: 2, message: "repaired")],
            outputs: [BuildCache.Output(language: "de", path: "Output/de/a.html", fingerprint: 5, segments: 3, translated: 2,
                                        written: true, stamp: FileStamp(size: 1, modified: 2, content: 3), diagnostics: [refused])],
            keys: [1, 2, 3])
        cache.extras = BuildCache.Extras(fingerprint: 8, files: [("Output/de/index.html", FileStamp(size: 4, modified: 5, content: 6))])
        try cache.save(to: folder)

        let loaded = try #require(BuildCache.load(from: folder, settings: settings))
        #expect(loaded.catalogs == ["de": 42])
        let page = try #require(loaded.pages["Input/a.html"])
        #expect(page.summary == summary && page.keys == [1, 2, 3] && page.source == FileStamp(size: 10, modified: 7, content: 99))
        #expect(page.outputs == cache.pages["Input/a.html"]?.outputs)
        #expect(page.outputs.first?.diagnostics == [refused])
        #expect(loaded.extras?.files.first?.path == "Output/de/index.html")

        #expect(BuildCache.load(from: folder, settings: BuildCache.settingsHash(languages: ["de"], minimumCompletion: nil)) == nil)
        let file = URL(fileURLWithPath: BuildCache.path(in: folder))
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: file)
        #expect(BuildCache.load(from: folder, settings: settings) == nil)
    }
}
