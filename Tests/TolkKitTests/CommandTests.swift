import Foundation
import Testing
@testable import TolkKit

/// The `tolk` command as a user runs it: arguments in, text and exit code out.
@Suite("tolk command")
struct CommandTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The built `tolk` binary, next to the test bundle.
    static let executable: URL = {
        var folder = Bundle.module.bundleURL.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("tolk").path) {
            folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        }
        return folder.appendingPathComponent("tolk")
    }()

    func tolk(_ arguments: [String], input: String? = nil, in folder: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        if let folder { process.currentDirectoryURL = folder }
        let output = Pipe(), errors = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(Data((input ?? "").utf8))
        try stdin.fileHandleForWriting.close()
        // Both pipes are drained at once: a command with a lot to say on one of them must
        // never wait for the other to be read.
        let errorData = Captured()
        let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let err = errorData.wait()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                   errors: String(decoding: err, as: UTF8.self))
    }

    @Test("segment prints one sentence per line, from standard input or a file")
    func segment() throws {
        let run = try tolk(["segment", "--locale", "de"], input: "Am 13. Okt. treffen wir uns, z. B. in Berlin. Der 3. Teil folgt.\n\nNeuer Absatz.")
        #expect(run.status == 0)
        #expect(run.output == "Am 13. Okt. treffen wir uns, z. B. in Berlin.\nDer 3. Teil folgt.\nNeuer Absatz.\n")
        let file = try temporaryFolder().appendingPathComponent("text.txt")
        try "Dr. Amara Okafor speaks first. Questions follow.".write(to: file, atomically: true, encoding: .utf8)
        #expect(try tolk(["segment", file.path]).output == "Dr. Amara Okafor speaks first.\nQuestions follow.\n")
    }

    @Test("segment --srx cuts by a team's SRX rules; a file that cannot be read is named with its line, exit status 1")
    func segmentWithSRX() throws {
        let rules = Fixture.url("srx/team.srx").path
        let run = try tolk(["segment", "--srx", rules], input: "Doors open: at nine. Talks follow.")
        #expect(run.status == 0 && run.output == "Doors open:\nat nine.\nTalks follow.\n")
        let broken = try temporaryFolder().appendingPathComponent("broken.srx")
        try "<srx version=\"2.0\">\n<body>\n<maprules><languagemap languagepattern=\"(\" languagerulename=\"X\"/></maprules></body></srx>"
            .write(to: broken, atomically: true, encoding: .utf8)
        let failed = try tolk(["segment", "--srx", broken.path], input: "Text.")
        #expect(failed.status == 1)
        #expect(failed.errors == "tolk: error: \(broken.path):3: <languagemap> names 'X', which no <languagerule> is\n")
    }

    @Test("what came from a file reaches the terminal escaped: a page name's ESC and line break, a msgstr's ESC and U+202E")
    func controlCharactersEscaped() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Input"), withIntermediateDirectories: true)
        try "[languages.de]\nmin-completion = 0\n".write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
        let page = "<!DOCTYPE html><html lang=\"en\"><head><title>Red</title></head><body><p>Hello world.</p></body></html>\n"
        for name in ["esc\u{1B}[31mred.html", "two\nlines.html"] {
            try page.write(to: folder.appendingPathComponent("Input/" + name), atomically: true, encoding: .utf8)
        }
        #expect(try tolk(["extract", "--locale", "de"], in: folder).status == 0)
        let catalogue = folder.appendingPathComponent("Locales/en/de.po")
        let text = try String(contentsOf: catalogue, encoding: .utf8)
            .replacingOccurrences(of: "msgid \"Hello world.\"\nmsgstr \"\"", with: "msgid \"Hello world.\"\nmsgstr \"\\033[2JHallo \u{202E}Welt.\"")
        try text.write(to: catalogue, atomically: true, encoding: .utf8)
        var printed = ""
        for arguments in [["extract"], ["build"], ["check"], ["stats"]] {
            let run = try tolk(arguments, in: folder)
            printed += run.output + run.errors
        }
        #expect(!printed.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" }, "\(printed)")
        #expect(printed.contains("esc\\x1b[31mred.html") && printed.contains("two\\nlines.html"), "\(printed)")
        #expect(printed.contains("\\x1b[2JHallo \\u202eWelt."), "the check shows the msgstr with its escapes: \(printed)")
        // A report for a program keeps its format's own escapes.
        let json = try tolk(["check", "--format", "json"], in: folder).output
        #expect(!json.unicodeScalars.contains("\u{1B}") && json.contains("\\u001b[2JHallo"))
    }

    @Test("libxml2 prints nothing of its own: a rule calling an unknown XPath function is one line of Tolk's")
    func libxml2Quiet() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Input"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Locales"), withIntermediateDirectories: true)
        try "<!DOCTYPE html><html lang=\"en\"><head><title>T</title></head><body><p>Hello.</p></body></html>\n"
            .write(to: folder.appendingPathComponent("Input/a.html"), atomically: true, encoding: .utf8)
        try "<its:rules xmlns:its=\"http://www.w3.org/2005/11/its\" version=\"2.0\">\n<its:translateRule selector=\"foo(//p)\" translate=\"no\"/>\n</its:rules>\n"
            .write(to: folder.appendingPathComponent("Locales/its-rules.xml"), atomically: true, encoding: .utf8)
        let run = try tolk(["extract", "--locale", "de"], in: folder)
        #expect(run.status == 1)
        #expect(run.errors == "tolk: error: Locales/its-rules.xml:2: libxml2 cannot evaluate the XPath \"foo(//p)\": it calls a function XPath 1.0 does not have (on Input/a.html)\n")
    }

    @Test("tolk --version prints the version; a format a command does not write is a usage error")
    func versionAndFormats() throws {
        let version = try tolk(["--version"])
        #expect(version.status == 0 && version.output == TolkVersion.current + "\n")
        let sarif = try tolk(["stats", "--format", "sarif"])
        #expect(sarif.status == 64)
        #expect(sarif.errors.contains("Please provide one of 'text', 'json' or 'html'"))
    }

    @Test("segment refuses an unknown language and a missing file, with exit code 1")
    func segmentErrors() throws {
        let unknown = try tolk(["segment", "--locale", "xx-!"], input: "Text.")
        #expect(unknown.status == 1)
        #expect(unknown.errors.contains("'xx-!' is not a language code ICU knows"))
        let missing = try tolk(["segment", "/nonexistent/text.txt"])
        #expect(missing.status == 1)
        #expect(missing.errors.hasPrefix("tolk: error: /nonexistent/text.txt: cannot read the file"))
    }

    @Test("extract reports each catalogue and warns about broken pages with file:line")
    func extract() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Input"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixture.url("html/broken.html"), to: folder.appendingPathComponent("Input/broken.html"))

        let first = try tolk(["extract", "--locale", "de", "--project", folder.path])
        #expect(first.status == 0)
        #expect(first.output == "Locales/en/template.pot: written: 9 messages\nLocales/en/de.po: created: 9 messages, 0 translated, 0 fuzzy, 9 untranslated, 0 obsolete\n")
        #expect(first.errors.contains("Input/broken.html:6: warning: Unexpected end tag : span (repaired)"))

        let again = try tolk(["extract"], in: folder)
        #expect(again.output == "Locales/en/template.pot: unchanged: 9 messages\nLocales/en/de.po: unchanged: 9 messages, 0 translated, 0 fuzzy, 9 untranslated, 0 obsolete\n")

        // --quiet keeps the warnings and drops the rest; no progress line off a terminal.
        let quiet = try tolk(["extract", "--quiet"], in: folder)
        #expect(quiet.status == 0 && quiet.output.isEmpty)
        #expect(quiet.errors.split(separator: "\n").allSatisfy { $0.hasPrefix("Input/broken.html:") && $0.contains(": warning: ") })
        #expect(quiet.errors.contains("Input/broken.html:6: warning: Unexpected end tag : span (repaired)"))
        let stats = try tolk(["stats", "--quiet"], in: folder)
        #expect(stats.status == 0 && stats.output.contains("de") && !stats.errors.contains("pages/s"))
    }

    @Test("a new user edits a long sentence: extract, build, check, stats and extract again all work; msgfmt accepts the catalogue")
    func editLongSentence() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("Input/hls-week-2022.html")
        let old = "which too often make services fragmented and wasteful."
        let html = try TextFile.read(page.path)
        #expect(html.contains(old))
        try html.replacingOccurrences(of: old, with: "which too often make public services fragmented and wasteful.")
            .write(to: page, atomically: true, encoding: .utf8)
        let extract = try tolk(["extract"], in: folder)
        #expect(extract.status == 0, "\(extract.errors)")
        #expect(extract.output.contains("Locales/en/de.po: updated: 59 messages, 58 translated, 1 fuzzy"))
        // The old sentence is kept as a wrapped previous msgid, as msgmerge writes it.
        let catalogue = try TextFile.read(folder.appendingPathComponent("Locales/en/de.po").path)
        #expect(catalogue.contains("#| msgid \"\"\n#| \"It grew out of frustration with targets and markets, which too often make \"\n#| \"services"))
        for arguments in [["build"], ["check"], ["stats"], ["extract"]] {
            let run = try tolk(arguments, in: folder)
            #expect(run.status == 0, "tolk \(arguments[0]): \(run.errors)")
        }
        _ = try GNUGettext.run("msgfmt", ["--check", "-o", "/dev/null", folder.appendingPathComponent("Locales/en/de.po").path])
    }

    @Test("extract stops on a malformed catalogue with file:line and exit code 1")
    func extractBadCatalogue() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["Input", "Locales/en"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try "<p>Hello.</p>".write(to: folder.appendingPathComponent("Input/a.html"), atomically: true, encoding: .utf8)
        let broken = "msgid \"Hello.\"\nmsgstr \"Hallo.\n"
        try broken.write(to: folder.appendingPathComponent("Locales/en/de.po"), atomically: true, encoding: .utf8)
        let run = try tolk(["extract", "--project", folder.path])
        #expect(run.status == 1)
        #expect(run.errors == "tolk: error: Locales/en/de.po:2: string is not terminated (missing closing quote)\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("Locales/en/de.po"), encoding: .utf8) == broken)
    }

    @Test("build reports each page and language; --strict fails on any fallback")
    func build() throws {
        let folder = try temporaryProject(from: Fixture.url("build"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try tolk(["build", "--project", folder.path])
        #expect(run.status == 0)
        #expect(run.output == """
            Output/en/event.html: the source, in en
            Output/de/event.html: 10/13 segments translated (76.9%)
            Output/de/index.html: written
            Output/en/index.html: written
            Output/index.html: written
            5 file(s) written, 0 removed

            """)
        // Built again with nothing changed: it says so, and claims to have written nothing.
        let again = try tolk(["build", "--project", folder.path])
        #expect(again.output.contains("Output/ was already up to date: no file written"))
        #expect(!again.output.contains(": written"))
        #expect(run.errors.contains("Locales/en/de.po:27: warning: translation not used (placeholders are badly nested: <1> is never closed)"))

        let strict = try tolk(["build", "--strict"], in: folder)
        #expect(strict.status == 1)
        #expect(strict.errors.hasSuffix("tolk: error: --strict: 3 segment(s) fell back to their source language\n"))

        let skipped = try tolk(["build", "--min-completion", "90"], in: folder)
        #expect(skipped.status == 0)
        #expect(skipped.output.contains("Output/de/event.html: 10/13 segments translated (76.9%) (not written)"))
        #expect(try tolk(["build", "--min-completion", "120"], in: folder).status == 64)
    }

    @Test("build stops on an unknown catalogue language with exit code 1 and writes nothing")
    func buildUnknownLanguage() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Fixture.url("build/Input"), to: folder.appendingPathComponent("Input"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Locales/en"), withIntermediateDirectories: true)
        try "".write(to: folder.appendingPathComponent("Locales/german.po"), atomically: true, encoding: .utf8)
        let run = try tolk(["build", "--project", folder.path])
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("tolk: error: Locales/german.po: 'german' is not a language code ICU knows"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output").path))
    }

    @Test("check exits 0 on the shipped project, 1 on planted defects, 2 when it cannot run")
    func checkExitCodes() throws {
        let shipped = try tolk(["check", "--project", Fixture.repositoryRoot.path])
        #expect(shipped.status == 0)
        #expect(shipped.output == """
            Locales/en/de.po (de): 59 entries, 59 translated, 0 fuzzy, 0 untranslated; 0 errors, 0 warnings
            Locales/de/en.po (en): 17 entries, 17 translated, 0 fuzzy, 0 untranslated; 0 errors, 0 warnings

            """)

        let planted = try tolk(["check", "--locale", "de", "--project", Fixture.url("check").path])
        #expect(planted.status == 1)
        #expect(planted.output.contains("""
            Locales/en/de.po:43: warning: [punctuation] the source ends with '?', the translation with '.'
                source: Input/event.html:11
                msgid:  "Is it free?"
                msgstr: "Ist es kostenlos."
                fix:    end the translation with ?
            """))
        #expect(!planted.output.contains("\u{1B}["), "no colour when the output is not a terminal")

        let json = try tolk(["check", "--format", "json", "--locale", "de", "--project", Fixture.url("check").path])
        #expect(json.status == 1)
        #expect((try? JSONSerialization.jsonObject(with: Data(json.output.utf8))) != nil)

        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "en,de\nbroken\n".write(to: folder.appendingPathComponent("Locales/glossary.csv"), atomically: true, encoding: .utf8)
        let broken = try tolk(["check"], in: folder)
        #expect(broken.status == 2)
        #expect(broken.errors == "tolk: error: Locales/glossary.csv:2: 1 fields where the header has 2\n")
    }

    @Test("check --strict fails on warnings too")
    func checkStrict() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = folder.appendingPathComponent("Locales/en/de.po")
        let text = try String(contentsOf: catalog, encoding: .utf8)
        // A translation that is fine but for its final punctuation: a warning only.
        try text.replacingOccurrences(of: "msgstr \"Was in dieser Woche passiert\"", with: "msgstr \"Was in dieser Woche passiert:\"")
            .write(to: catalog, atomically: true, encoding: .utf8)
        #expect(try tolk(["check"], in: folder).status == 0)
        #expect(try tolk(["check", "--strict"], in: folder).status == 1)
    }

    @Test("stats prints a table, or JSON")
    func stats() throws {
        let table = try tolk(["stats", "--project", Fixture.repositoryRoot.path])
        #expect(table.status == 0)
        #expect(table.output.contains("de        (all pages)                                       66          66         0      0        0       657         657  100.0%"))
        let json = try tolk(["stats", "--format", "json", "--project", Fixture.repositoryRoot.path])
        let decoded = try JSONDecoder().decode(TranslationStats.self, from: Data(json.output.utf8))
        #expect(decoded.rows.filter { $0.page == nil }.map(\.counts.percent) == [100, 100])
    }

    @Test("building on all cores writes the same bytes as building on one", .needsShared("corpus/w3c-i18n"))
    func parallelMatchesSequential() throws {
        var outputs: [[String: Data]] = []
        for jobs in ["1", "0"] {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.copyItem(at: Fixture.shared.appendingPathComponent("corpus/w3c-i18n"), to: folder.appendingPathComponent("Input"))
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("Locales/en"), withIntermediateDirectories: true)
            #expect(try tolk(["extract", "--locale", "fr", "--project", folder.path], environment: ["TOLK_JOBS": jobs]).status == 0)
            // French is all untranslated: published anyway, so that every page is built in it.
            try "[languages.fr]\nmin-completion = 0\n".write(to: folder.appendingPathComponent("tolk.toml"), atomically: true, encoding: .utf8)
            #expect(try tolk(["build", "--quiet", "--project", folder.path], environment: ["TOLK_JOBS": jobs]).status == 0)
            var files: [String: Data] = [:]
            for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where name.hasPrefix("Output/") || name.hasPrefix("Locales/") {
                let url = folder.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[name] = try Data(contentsOf: url)
                }
            }
            outputs.append(files)
        }
        #expect(outputs[0].count > 300)
        #expect(outputs[0] == outputs[1])
    }

    @Test("tolk init starts a project that extract and build work on at once, and refuses to overwrite anything")
    func initProject() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let created = try tolk(["init", "mysite", "--languages", "en,de"], in: parent)
        #expect(created.status == 0, "\(created.errors)")
        #expect(created.output.contains("tolk.toml: created") && created.output.contains("Locales/en/de.po: created"))
        let site = parent.appendingPathComponent("mysite")
        #expect(try tolk(["extract"], in: site).status == 0)
        let first = try tolk(["build"], in: site)
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.errors.contains("de is not published: 0% of its messages are translated"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/en/images/welcome.svg").path))

        // Translated, German is published, with the switcher filled in on both versions.
        let path = site.appendingPathComponent("Locales/en/de.po")
        var catalog = try POParser(path: "de.po").parse(fileAt: path.path)
        for index in catalog.entries.indices where !catalog.entries[index].isHeader {
            catalog.entries[index].translations = catalog.entries[index].pluralID == nil
                ? [catalog.entries[index].id] : [catalog.entries[index].id, catalog.entries[index].pluralID!]
        }
        try POWriter().write(catalog).write(to: path, atomically: true, encoding: .utf8)
        #expect(try tolk(["build"], in: site).status == 0)
        let german = try TextFile.read(site.appendingPathComponent("Output/de/welcome.html").path)
        #expect(german.contains(#"<a href="../en/welcome.html" hreflang="en" lang="en">English</a>"#))
        #expect(german.contains(">Donnerstag, 12. März 2026 um 18:30</time>"))

        let before = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("Input").path)
        let again = try tolk(["init", "."], in: site)
        #expect(again.status == 1)
        #expect(again.errors.contains("already has tolk.toml, Input, Locales, Output"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("Input").path) == before)
        #expect(try tolk(["init", "x", "--languages", "en,qq"], in: parent).status == 1)
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("x/tolk.toml").path), "a bad language writes nothing")
    }

    @Test("commands run from a subfolder find the project above them; outside any project the error says what a project is")
    func findsTheProject() throws {
        let folder = try temporaryProject(from: Fixture.url("build"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let fromInput = try tolk(["build", "--quiet"], in: folder.appendingPathComponent("Input"))
        #expect(fromInput.status == 0, "\(fromInput.errors)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/de/event.html").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Input/Output").path))

        let outside = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        let run = try tolk(["extract"], in: outside)
        #expect(run.status == 1)
        #expect(run.errors.contains("is not in a Tolk project: a project is a folder with the pages in Input/ and the catalogues in Locales/"))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: outside.path))?.isEmpty == true, "nothing written there")
    }

    @Test("export and import as a user runs them: the summary line, exit 1 for a refused unit or an invalid document, --source when a language has several catalogues")
    func exchange() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = try tolk(["export", "--locale", "de", "-o", "de.xlf"], in: folder)
        #expect(export.status == 0 && export.output == "de.xlf: 59 unit(s) from Locales/en/de.po\n")
        let unchanged = try tolk(["import", "de.xlf"], in: folder)
        #expect(unchanged.status == 0 && unchanged.output == "Locales/en/de.po: unchanged: 0 updated, 59 unchanged, 0 refused, 0 unknown\n")

        // A target with a code the source does not have: refused, the rest imported, exit 1.
        let xliff = try String(contentsOf: folder.appendingPathComponent("de.xlf"), encoding: .utf8)
        let invented = xliff.replacingOccurrences(of: "<target>Veranstaltungen</target>",
            with: #"<target>Veranstaltungen<ph id="9" canCopy="no" canDelete="no"/></target>"#)
        try invented.write(to: folder.appendingPathComponent("bad.xlf"), atomically: true, encoding: .utf8)
        let refused = try tolk(["import", "bad.xlf"], in: folder)
        #expect(refused.status == 1 && refused.output.contains("0 updated, 58 unchanged, 1 refused, 0 unknown"))
        #expect(refused.errors.contains("bad.xlf:") && refused.errors.contains("error: unit 'u") && refused.errors.contains("<9/>"))

        // XLIFF 1.2 that is no document Tolk can read: the file, the line, the problem; nothing written.
        try "<xliff version=\"1.2\"><file/></xliff>".write(to: folder.appendingPathComponent("old.xlf"), atomically: true, encoding: .utf8)
        let invalid = try tolk(["import", "--dry-run", "old.xlf"], in: folder)
        #expect(invalid.status == 1 && invalid.errors.hasPrefix("tolk: error: old.xlf:1: <file> without its source-language"))
        try "<xliff version=\"2.2\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"/>".write(to: folder.appendingPathComponent("new.xlf"), atomically: true, encoding: .utf8)
        let newer = try tolk(["import", "--dry-run", "new.xlf"], in: folder)
        #expect(newer.status == 1 && newer.errors.hasPrefix("tolk: error: new.xlf:1: not valid XLIFF 2"))

        // French has a catalogue for the English pages and one for the German page.
        _ = try tolk(["extract", "--locale", "fr"], in: folder)
        let ambiguous = try tolk(["export", "--locale", "fr"], in: folder)
        #expect(ambiguous.status == 1 && ambiguous.errors.contains("choose one with --source"))
        let chosen = try tolk(["export", "--locale", "fr", "--source", "de", "--untranslated"], in: folder)
        #expect(chosen.status == 0 && chosen.output.contains(#"srcLang="de" trgLang="fr""#))
    }
}

/// Bytes read on another thread, handed over when done.
private final class Captured: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    func set(_ data: Data) {
        self.data = data
        done.signal()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
