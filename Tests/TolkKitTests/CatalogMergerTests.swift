import Testing
@testable import TolkKit

/// Updating a catalogue keeps everything a translator wrote, as msgmerge does.
@Suite("Catalogue update")
struct CatalogMergerTests {
    func template(_ ids: [String]) -> [POEntry] {
        ids.enumerated().map { index, id in
            var entry = POEntry(id: id)
            entry.references = ["Input/new.html:\(index + 1)"]
            return entry
        }
    }

    func merged(_ ids: [String]) throws -> POCatalog {
        let old = try POParser(path: "translator.po").parse(Fixture.text("po/translator.po"))
        return CatalogMerger().merge(existing: old, template: template(ids))
    }

    func entry(_ catalog: POCatalog, _ id: String) throws -> POEntry {
        try #require(catalog.entries.first { $0.id == id }, "no entry \(id)")
    }

    @Test("an unchanged msgid keeps translation, translator comments and flags; references are refreshed")
    func exactMatch() throws {
        let catalog = try merged(["Main heading", "First sentence with a <1>link</1>."])
        let heading = try entry(catalog, "Main heading")
        #expect(heading.translation == "Hauptüberschrift")
        #expect(heading.translatorComments == ["Keep this one short."])
        #expect(heading.references == ["Input/new.html:1"])
        #expect(heading.extractedComments.isEmpty)
        let fuzzy = try entry(catalog, "First sentence with a <1>link</1>.")
        #expect(fuzzy.isFuzzy)
        #expect(fuzzy.previousID == "First sentence.")
    }

    @Test("a plural translation offered to a new singular sentence keeps every form: the plural entry stays, obsolete")
    func pluralToSingularLosesNothing() throws {
        let catalog = try merged(["%d events"])
        let singular = try entry(catalog, "%d events")
        #expect(singular.isFuzzy && singular.pluralID == nil)
        #expect(singular.translations == ["%d Veranstaltung"])
        #expect(singular.previousID == "%d event" && singular.previousPluralID == "%d events")
        let plural = try #require(catalog.entries.first { $0.id == "%d event" })
        #expect(plural.isObsolete)
        #expect(plural.translations == ["%d Veranstaltung", "%d Veranstaltungen"])
    }

    @Test("a slightly changed msgid keeps the old translation, fuzzy, with the old msgid as #|")
    func fuzzyMatch() throws {
        let catalog = try merged(["Second sentence of the new page."])
        let changed = try entry(catalog, "Second sentence of the new page.")
        #expect(changed.isFuzzy)
        #expect(changed.translation == "Zweiter Satz der alten Seite.")
        #expect(changed.previousID == "Second sentence of the old page.")
        #expect(changed.translatorComments == ["A translator note on a sentence about to change."])
        #expect(!catalog.entries.contains { $0.id == "Second sentence of the old page." })
    }

    @Test("a new msgid unlike anything is added untranslated")
    func newEntry() throws {
        let catalog = try merged(["Completely different words here"])
        let fresh = try entry(catalog, "Completely different words here")
        #expect(fresh.translation.isEmpty && !fresh.isFuzzy && fresh.previousID == nil)
    }

    @Test("entries that left the source become obsolete with translations, comments and plural forms")
    func obsolete() throws {
        let catalog = try merged([])
        let gone = try entry(catalog, "A sentence that left the page.")
        #expect(gone.isObsolete && gone.translation == "Ein Satz, der die Seite verlassen hat.")
        #expect(gone.references.isEmpty, "like msgmerge, an obsolete entry no longer points at the pages")
        let plural = try entry(catalog, "%d event")
        #expect(plural.isObsolete && plural.translations == ["%d Veranstaltung", "%d Veranstaltungen"])
        #expect(plural.flags == ["c-format"])
        let written = POWriter().write(catalog)
        #expect(written.contains("#~ msgid \"A sentence that left the page.\"\n#~ msgstr \"Ein Satz, der die Seite verlassen hat.\"\n"))
        #expect(written.contains("#, c-format\n#~ msgid \"%d event\"\n#~ msgid_plural \"%d events\"\n#~ msgstr[0] \"%d Veranstaltung\"\n"))
        #expect(!written.contains("Untranslated and gone."), "gettext drops untranslated obsolete entries")
        #expect(written.hasPrefix("# German translation of the events.\n# Translator: Jana\nmsgid \"\"\n"))
    }

    @Test("an obsolete entry whose msgid comes back is revived with its translation")
    func revived() throws {
        let catalog = try merged(["Read more"])
        let back = try entry(catalog, "Read more")
        #expect(!back.isObsolete && back.translation == "Weiterlesen" && !back.isFuzzy)
    }

    @Test("an untranslated entry that leaves keeps its translator comment as an obsolete entry")
    func obsoleteCommentKept() throws {
        var commented = POEntry(id: "Draft sentence.")
        commented.translatorComments = ["Ask the organisers about the wording."]
        let catalog = CatalogMerger().merge(existing: POCatalog(entries: [commented]), template: [])
        #expect(POWriter().write(catalog) == "# Ask the organisers about the wording.\n#~ msgid \"Draft sentence.\"\n#~ msgstr \"\"\n")
    }

    @Test("fuzzy matching stays within a msgctxt")
    func fuzzyKeepsContext() throws {
        var old = POEntry(context: "button", id: "Register now", translations: ["Jetzt anmelden"])
        old.references = ["Input/a.html:1"]
        let template = [POEntry(id: "Register now!"), POEntry(context: "button", id: "Register now!")]
        let catalog = CatalogMerger().merge(existing: POCatalog(entries: [old]), template: template)
        let plain = try #require(catalog.entries.first { $0.context == nil && $0.id == "Register now!" })
        let button = try #require(catalog.entries.first { $0.context == "button" && $0.id == "Register now!" })
        #expect(plain.translation.isEmpty && !plain.isFuzzy)
        #expect(button.isFuzzy && button.translation == "Jetzt anmelden" && button.previousContext == "button")
    }

    @Test("merging twice gives the same catalogue")
    func idempotent() throws {
        let ids = ["Main heading", "Second sentence of the new page.", "Completely different words here"]
        let once = try merged(ids)
        let twice = CatalogMerger().merge(existing: once, template: template(ids))
        #expect(POWriter().write(once) == POWriter().write(twice))
    }
}
