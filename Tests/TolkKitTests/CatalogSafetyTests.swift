import Foundation
import Testing
@testable import TolkKit

/// Nothing a translator wrote is lost, and no run leaves a file nobody can read: not a
/// hostile page, not an editor's lock file, not a kill at any moment, not two runs at once.
@Suite("Catalogue safety", .serialized)
struct CatalogSafetyTests {
    /// Starts `tolk` on a project, its output thrown away (a kill must not wait on a pipe).
    static func start(_ arguments: [String], project: URL) throws -> Process {
        let process = Process()
        process.executableURL = CommandTests.executable
        process.arguments = arguments + ["--quiet", "--project", project.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func run(_ arguments: [String], project: URL) throws -> Int32 {
        let process = try start(arguments, project: project)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Every file under `folder` with its bytes, by relative path.
    static func files(under folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    static func temporaryFiles(under folder: URL) throws -> [String] {
        try files(under: folder).keys.filter { $0.hasSuffix(".tmp") }.sorted()
    }

    /// A project of the 152 W3C pages: large enough that a kill lands mid-run.
    static func w3cProject() throws -> URL {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(at: CorpusTests.folder, to: folder.appendingPathComponent("Input"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Locales/en"), withIntermediateDirectories: true)
        return folder
    }

    /// The catalogue reads in Tolk and passes `msgfmt --check`.
    static func expectReadable(_ catalogue: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: Never.self, sourceLocation: sourceLocation) {
            _ = try POParser(path: catalogue.lastPathComponent).parse(fileAt: catalogue.path)
            _ = try GNUGettext.run("msgfmt", ["--check", "-o", "/dev/null", catalogue.path])
        }
    }

    @Test("catalogues from pages with line breaks in attributes and file names pass msgfmt --check and read back unchanged")
    func hostilePages() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = """
            <!DOCTYPE html>
            <html lang="en"><head><title>Hostile</title></head><body>
            <p>Starts <time datetime="2022-10-11\n">Tuesday\n</time> and ends.</p>
            <p>Say <span lang="fr\nnl">bonjour</span> to all.</p>
            <p title="a\r\nb">Unclosed <a href="x>quote</a> here.</p>
            </body></html>

            """
        for name in ["new\nline page.html", "tab\tand space.html", "plain.html"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("Input"), withIntermediateDirectories: true)
            try page.write(to: folder.appendingPathComponent("Input").appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Locales/en"), withIntermediateDirectories: true)
        let project = Project(root: folder)
        let first = try CatalogUpdate(project: project).run(newLanguages: ["de"])
        #expect(first.summaries.map(\.created) == [true])
        let catalogue = folder.appendingPathComponent("Locales/en/de.po")
        Self.expectReadable(catalogue)
        let text = try TextFile.read(catalogue.path)
        #expect(text.contains("#: Input/new%0Aline%20page.html:3 Input/plain.html:3\n#: Input/tab%09and%20space.html:3\n"))
        #expect(text.contains("#. <1/> stays as is (lang=\"fr\n#. nl\"): bonjour"))
        // Read back as written: the next extract changes nothing.
        let second = try CatalogUpdate(project: project).run()
        #expect(second.summaries.map(\.changed) == [false])
        _ = try SiteBuild(project: project).run()
    }

    @Test("an editor's lock file and backups in Locales/ are not catalogues")
    func editorFiles() throws {
        let folder = try temporaryProject(from: Fixture.url("build"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let locales = folder.appendingPathComponent("Locales")
        try FileManager.default.createSymbolicLink(atPath: locales.appendingPathComponent(".#de.po").path, withDestinationPath: "translator@host.4242:1700000000")
        try Data("garbage".utf8).write(to: locales.appendingPathComponent("de.po~"))
        try Data("garbage".utf8).write(to: locales.appendingPathComponent("#de.po#"))
        #expect(Project(root: folder).catalogLanguages() == ["de"])
        #expect(try Self.run(["extract"], project: folder) == 0)
        #expect(try Self.run(["build"], project: folder) == 0)
        #expect(try Self.run(["check"], project: folder) != 2)
    }

    @Test("temporary files a killed run left are removed by the next run; those of a running process stay")
    func staleTemporaryFiles() throws {
        let folder = try temporaryProject(from: Fixture.url("build"))
        defer { try? FileManager.default.removeItem(at: folder) }
        // A process that has ended: its id names no running process.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let dead = ended.processIdentifier
        let alive = ProcessInfo.processInfo.processIdentifier
        let stale = ["Locales/.de.po.\(dead).tmp", "Output/.sitemap.xml.\(dead).tmp", "Output/de/.event.html.\(dead).tmp", ".tolk/.build-cache.\(dead).tmp"]
        // A killed run leaves its marker too: that is what makes the next run look in Output/.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".tolk"), withIntermediateDirectories: true)
        try Data().write(to: folder.appendingPathComponent(".tolk/run.\(dead)"))
        let live = "Locales/.de.po.\(alive).tmp"
        for path in stale + [live] {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("half a file".utf8).write(to: url)
        }
        #expect(try Self.run(["build"], project: folder) == 0)
        #expect(try Self.temporaryFiles(under: folder) == [live])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".tolk/run.\(dead)").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".tolk").path).filter { $0.hasPrefix("run.") }.isEmpty)
        try Data("half a file".utf8).write(to: folder.appendingPathComponent(stale[0]))
        #expect(try Self.run(["extract"], project: folder) == 0)
        #expect(try Self.temporaryFiles(under: folder) == [live])
        // Import and align write catalogues too, and clean up as extract and build do.
        let xliff = FileManager.default.temporaryDirectory.appendingPathComponent("stale-\(UUID().uuidString).xlf")
        defer { try? FileManager.default.removeItem(at: xliff) }
        #expect(try Self.run(["export", "--locale", "de", "-o", xliff.path], project: folder) == 0)
        try Data("half a file".utf8).write(to: folder.appendingPathComponent(stale[0]))
        #expect(try Self.run(["import", xliff.path], project: folder) == 0)
        #expect(try Self.temporaryFiles(under: folder) == [live])
    }

    @Test("a write that fails for want of room names what the run replaced and what it left; each file is old or new, never half")
    func fullDisk() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let initRun = Process()
        initRun.executableURL = CommandTests.executable
        initRun.arguments = ["init", folder.path]
        initRun.standardOutput = FileHandle.nullDevice
        try initRun.run()
        initRun.waitUntilExit()
        #expect(try Self.run(["extract", "--locale", "fr"], project: folder) == 0)
        // French holds a long translation: its catalogue is the one file over the limit.
        let french = folder.appendingPathComponent("Locales/en/fr.po")
        let text = try String(contentsOf: french, encoding: .utf8)
        try text.replacingOccurrences(of: "msgid \"Welcome evening\"\nmsgstr \"\"",
                                      with: "msgid \"Welcome evening\"\nmsgstr \"" + String(repeating: "Soirée ", count: 2000) + "\"")
            .write(to: french, atomically: true, encoding: .utf8)
        let page = folder.appendingPathComponent("Input/welcome.html")
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "</body>", with: "<p>A new sentence.</p></body>")
            .write(to: page, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: french)
        // A file size limit (6 KB; the signal ignored, so the write fails) stands for a full disk.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap '' XFSZ; ulimit -f 12; exec \"$0\" extract --project \"$1\"", CommandTests.executable.path, folder.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.hasPrefix("tolk: error: Locales/en/fr.po: cannot write the file: "), "\(message)")
        #expect(message.contains("this run replaced Locales/en/template.pot, Locales/en/de.po and left no other file as it was"), "\(message)")
        #expect(try Data(contentsOf: french) == before)
        #expect(try String(contentsOf: folder.appendingPathComponent("Locales/en/de.po"), encoding: .utf8).contains("A new sentence."))
        #expect(try Self.temporaryFiles(under: folder).isEmpty)
    }

    @Test("a catalogue saved while extract works is left as saved, and the run says so")
    func saveDuringExtract() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("de.po").path
        try Data("msgid \"a\"\nmsgstr \"as read\"\n".utf8).write(to: URL(fileURLWithPath: path))
        let read = try #require(FileStamp(fileAt: path))
        // The translator's save lands after extract read the file.
        try Data("msgid \"a\"\nmsgstr \"saved meanwhile\"\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: TolkError.changedWhileRunning(path: "Locales/en/de.po")) {
            _ = try TextFile.writeAtomicallyIfChanged(to: path, displayPath: "Locales/en/de.po", readAs: .some(read)) { try $0("merged\n") }
        }
        #expect(try TextFile.read(path) == "msgid \"a\"\nmsgstr \"saved meanwhile\"\n")
        // A catalogue created meanwhile by someone else is not overwritten either.
        let other = folder.appendingPathComponent("fr.po").path
        try Data("theirs\n".utf8).write(to: URL(fileURLWithPath: other))
        #expect(throws: TolkError.changedWhileRunning(path: "Locales/en/fr.po")) {
            _ = try TextFile.writeAtomicallyIfChanged(to: other, displayPath: "Locales/en/fr.po", readAs: .some(nil)) { try $0("ours\n") }
        }
        #expect(try TextFile.read(other) == "theirs\n")
        #expect(try Self.temporaryFiles(under: folder).isEmpty)
    }

    @Test("extract and build killed at any moment leave every file whole; the next run finishes the job", .needsShared("corpus/w3c-i18n"))
    func kills() throws {
        let folder = try Self.w3cProject()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.run(["extract", "--locale", "de"], project: folder) == 0)
        let catalogue = folder.appendingPathComponent("Locales/en/de.po")
        let page = folder.appendingPathComponent("Input/articles/article-text-size.en.html")
        let original = try String(contentsOf: page, encoding: .utf8)
        for (round, delay) in [0.05, 0.15, 0.3, 0.5, 0.8, 1.2].enumerated() {
            // Each round changes a page, so extract has a new catalogue to write.
            try original.replacingOccurrences(of: "</body>", with: "<p>Round \(round) of the kill test.</p></body>")
                .write(to: page, atomically: true, encoding: .utf8)
            let extract = try Self.start(["extract"], project: folder)
            Thread.sleep(forTimeInterval: delay)
            kill(extract.processIdentifier, SIGKILL)
            extract.waitUntilExit()
            Self.expectReadable(catalogue)
            let build = try Self.start(["build"], project: folder)
            Thread.sleep(forTimeInterval: delay)
            kill(build.processIdentifier, SIGKILL)
            build.waitUntilExit()
        }
        // The next runs finish the job: the same files as a build from scratch, no leftovers.
        #expect(try Self.run(["extract"], project: folder) == 0)
        #expect(try Self.run(["build"], project: folder) == 0)
        #expect(try Self.temporaryFiles(under: folder).isEmpty)
        let fresh = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: fresh) }
        for name in ["Input", "Locales"] {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: fresh.appendingPathComponent(name))
        }
        #expect(try Self.run(["build"], project: fresh) == 0)
        #expect(try Self.files(under: folder.appendingPathComponent("Output")) == Self.files(under: fresh.appendingPathComponent("Output")))
    }

    @Test("extracts and builds running at once on one project leave whole files", .needsShared("corpus/w3c-i18n"))
    func concurrentRuns() throws {
        let folder = try Self.w3cProject()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.run(["extract", "--locale", "de"], project: folder) == 0)
        let page = folder.appendingPathComponent("Input/articles/article-text-size.en.html")
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "</body>", with: "<p>A new sentence.</p></body>")
            .write(to: page, atomically: true, encoding: .utf8)
        let runs = try (0..<6).map { try Self.start([$0 % 3 == 0 ? "extract" : "build"], project: folder) }
        for run in runs { run.waitUntilExit() }
        // A run may stop because another changed the catalogue under it (exit 1); none crashes.
        #expect(runs.allSatisfy { $0.terminationStatus == 0 || $0.terminationStatus == 1 })
        Self.expectReadable(folder.appendingPathComponent("Locales/en/de.po"))
        #expect(try Self.run(["extract"], project: folder) == 0)
        #expect(try Self.run(["build"], project: folder) == 0)
        #expect(try Self.temporaryFiles(under: folder).isEmpty)
        #expect(try TextFile.read(folder.appendingPathComponent("Locales/en/de.po").path).contains("msgid \"A new sentence.\""))
    }
}
