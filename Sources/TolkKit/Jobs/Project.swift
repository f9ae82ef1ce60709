import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A Tolk project folder: pages in `Input/`, catalogues in `Locales/`.
public struct Project: Sendable {
    public let root: URL
    /// `root` as a path, so that `absolute` is a string join (it runs for every file of a build).
    private let rootPath: String

    public init(root: URL) {
        self.root = root.standardizedFileURL
        rootPath = self.root.path
    }

    /// The project that holds `folder`: the nearest folder, from `folder` up, with a
    /// `tolk.toml` or an `Input/` folder (as git finds a repository from a subfolder).
    ///
    /// - Throws: `TolkError.notAProject` when there is none.
    public static func enclosing(_ folder: URL) throws -> Project {
        var candidate = folder.standardizedFileURL
        while true {
            let manager = FileManager.default
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: candidate.appendingPathComponent(SiteConfiguration.fileName).path)
                || (manager.fileExists(atPath: candidate.appendingPathComponent("Input").path, isDirectory: &isFolder) && isFolder.boolValue) {
                return Project(root: candidate)
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { break }
            candidate = parent
        }
        throw TolkError.notAProject(path: folder.standardizedFileURL.path)
    }

    public var inputFolder: URL { root.appendingPathComponent("Input") }
    public var localesFolder: URL { root.appendingPathComponent("Locales") }

    /// Project-relative paths of every HTML page under `Input/`, sorted.
    ///
    /// - Throws: `TolkError.missingDirectory` naming the folder, and
    ///   `TolkError.unsafeLink` for a symbolic link that leads outside the project, dangles
    ///   or loops: a link is followed only to a page inside the project, and never read
    ///   otherwise (a pull request must not be able to publish `/etc/passwd`).
    public func pagePaths() throws -> [String] {
        try inputFiles().pages
    }

    /// Project-relative paths of every file under `Input/`, sorted: the pages, and the
    /// assets (images, styles, scripts, fonts, documents) that the build carries along.
    /// Hidden files and folders are skipped; links follow the same rules as for pages.
    public func inputFiles() throws -> (pages: [String], assets: [String]) {
        guard directoryExists(inputFolder) else { throw TolkError.missingDirectory(path: inputFolder.path) }
        var pages: [String] = [], assets: [String] = []
        let realRoot = TextFile.realPath(rootPath) ?? rootPath
        try Self.collectFiles(in: inputFolder.path, relative: "Input", realRoot: realRoot, pages: &pages, assets: &assets)
        let order: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return (pages.sorted(by: order), assets.sorted(by: order))
    }

    private static func isPage(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return ["html", "htm", "xhtml"].contains(name[name.index(after: dot)...].lowercased())
    }

    /// Walks a folder with readdir(3): at 10,000 pages Foundation's enumerator costs more
    /// than an incremental build. Hidden files and folders (editor backups, `.git`) are
    /// skipped; symbolic links count when they lead to a page inside the project, links to
    /// folders are not followed.
    static func collectFiles(in folder: String, relative: String, realRoot: String, rootName: String = "the project",
                             pages: inout [String], assets: inout [String]) throws {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            let type = Int32(entry.pointee.d_type)
            var isFolder = type == DT_DIR, isFile = type == DT_REG
            if type == DT_LNK || type == DT_UNKNOWN {
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFLNK {
                    // Links to folders are not followed; a link to a file must stay inside the project.
                    var target = stat()
                    if stat(path, &target) == 0, (target.st_mode & S_IFMT) == S_IFDIR { continue }
                    try checkLink(path, shown: relative + "/" + name, realRoot: realRoot, rootName: rootName)
                    _ = stat(path, &info)
                }
                isFolder = (info.st_mode & S_IFMT) == S_IFDIR && type != DT_LNK
                isFile = (info.st_mode & S_IFMT) == S_IFREG
            }
            if isFolder {
                try collectFiles(in: path, relative: relative + "/" + name, realRoot: realRoot, rootName: rootName,
                                 pages: &pages, assets: &assets)
            } else if isFile {
                if isPage(name) { pages.append(relative + "/" + name) } else { assets.append(relative + "/" + name) }
            }
        }
    }

    /// A symbolic link may be read when it leads to a file inside the project.
    private static func checkLink(_ path: String, shown: String, realRoot: String, rootName: String = "the project") throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw TolkError.unsafeLink(path: shown, problem: errno == ELOOP ? "it loops" : "what it points at does not exist")
        }
        guard let target = TextFile.realPath(path), target.hasPrefix(realRoot + "/") else {
            throw TolkError.unsafeLink(path: shown, problem: "it leads outside \(rootName)")
        }
    }

    /// A catalogue of the project, read the one way every command reads it: its name a
    /// language ICU knows, a link only to a file inside the project, then parsed (with
    /// `references`) with the stamp of the bytes read, so that a job writes it back only if
    /// nobody saved it meanwhile (the stat of before the read, the hash of the bytes read).
    ///
    /// - Throws: `TolkError.unknownLanguage`, `.unsafeLink`, and what the PO reader throws.
    func readCatalogue(_ file: CatalogFile, references: POParser.References = .all) throws -> (catalog: POCatalog, stamp: FileStamp) {
        guard LanguageTag.isKnown(file.name) else { throw TolkError.unknownLanguage(code: file.language, source: file.path) }
        try checkCatalogueLink(file.path)
        // Stamped before the read, as pages are, and hashed as it is read.
        var stamp = FileStamp.Reader(path: absolute(file.path))
        let catalog = try POParser(path: file.path, references: references).parse(fileAt: absolute(file.path)) { stamp.add($0) }
        return (catalog, stamp.stamp)
    }

    /// Refuses a catalogue that is a symbolic link leading outside the project, dangling
    /// or looping, before anything reads it.
    public func checkCatalogueLink(_ relativePath: String) throws {
        let path = absolute(relativePath)
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return }
        try Self.checkLink(path, shown: relativePath, realRoot: TextFile.realPath(rootPath) ?? rootPath)
    }

    /// The catalogues in `Locales/`, sorted by language, then source language.
    ///
    /// A catalogue has one source language: `Locales/en/de.po` holds the English pages'
    /// German, beside `Locales/en/template.pot`. A catalogue of the earlier layout,
    /// `Locales/de.po`, holds every other language's pages (its `source` is nil); the
    /// build and the check still read it, and `tolk extract` moves it into the new layout.
    /// A name ICU cannot read keeps its spelling, so the commands can name it as an
    /// unknown language. Hidden files (an editor's lock `.#de.po`, Tolk's own temporary
    /// files) are not catalogues; a folder whose name is not a language is not a source.
    public func catalogues() -> [CatalogFile] {
        let manager = FileManager.default
        var files: [CatalogFile] = []
        func poNames(in folder: String) -> [String] {
            ((try? manager.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasSuffix(".po") && !$0.hasPrefix(".") && !$0.hasPrefix("#") }.map { String($0.dropLast(3)) }.sorted()
        }
        for name in poNames(in: localesFolder.path) {
            files.append(CatalogFile(language: LanguageTag.bcp47(name) ?? name, source: nil, path: "Locales/\(name).po", name: name))
        }
        for folder in ((try? manager.contentsOfDirectory(atPath: localesFolder.path)) ?? []).sorted() where !folder.hasPrefix(".") {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: localesFolder.path + "/" + folder, isDirectory: &isFolder), isFolder.boolValue,
                  LanguageTag.isKnown(folder), let source = LanguageTag.bcp47(folder) else { continue }
            for name in poNames(in: localesFolder.path + "/" + folder) {
                files.append(CatalogFile(language: LanguageTag.bcp47(name) ?? name, source: source,
                                         path: "Locales/\(folder)/\(name).po", name: name, sourceFolder: folder))
            }
        }
        return files.sorted { ($0.language, $0.source ?? "") < ($1.language, $1.source ?? "") }
    }

    /// The catalogues that translate into `language`.
    public func catalogues(for language: String) -> [CatalogFile] {
        catalogues().filter { $0.language == language || $0.name == language }
    }

    /// `tolk.toml`, or the defaults when the project has none.
    ///
    /// - Throws: `TolkError.configuration` for a key that is wrong (file, line, key, what is
    ///   allowed), and for settings of a language that has no catalogue.
    public func siteConfiguration() throws -> SiteConfiguration {
        let path = SiteConfiguration.fileName
        guard FileManager.default.fileExists(atPath: absolute(path)) else { return SiteConfiguration() }
        return try SiteConfiguration(text: TextFile.read(absolute(path), displayPath: path), path: path,
                                     catalogues: catalogLanguages())
    }

    /// The languages of the catalogues in `Locales/`, as BCP 47 tags, sorted.
    public func catalogLanguages() -> [String] {
        var seen = Set<String>()
        return catalogues().map(\.language).filter { seen.insert($0).inserted }
    }

    /// The first catalogue for a language (for messages about the language as a whole),
    /// or the path of a new one for English pages.
    public func catalogPath(for language: String) -> String {
        catalogues(for: language).first?.path ?? CatalogFile(language: language, source: "en").path
    }

    /// Marks a run that writes files (`.tolk/run.PID`) and removes what killed runs left
    /// behind: temporary files whose rename never came. `Locales/` and `.tolk/` are looked
    /// at every time; `Output/`, thousands of files at site scale, only after a run that
    /// was killed (its marker is still there) or when no marker can be written.
    ///
    /// - Returns: what ends the run; call it when the run is done, failed or not.
    public func startWriting() -> () -> Void {
        let folder = absolute(".tolk")
        var killed = false
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix("run.") {
            if let pid = Int32(name.dropFirst(4)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                killed = true
                unlink(folder + "/" + name)
            }
        }
        let marker = folder + "/run.\(getpid())"
        let marked = (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil
            && FileManager.default.createFile(atPath: marker, contents: nil)
        TextFile.removeStaleTemporaryFiles(in: localesFolder.path, recursive: true)
        TextFile.removeStaleTemporaryFiles(in: folder, recursive: false)
        if killed || !marked {
            TextFile.removeStaleTemporaryFiles(in: absolute("Output"), recursive: true)
        }
        return { if marked { unlink(marker) } }
    }

    /// Reads and extracts the pages on all cores, a batch at a time, and hands each to
    /// `body` in path order; only a batch or two is in memory at
    /// once. The first page (in path order) that fails stops the run with its error.
    /// `progress` hears the pages done and the total after each batch.
    /// `locate` finds where each unit and element is in the page's bytes (the build and
    /// the XLIFF export need them).
    public func forEachPage(locate: Bool = false, progress: ((_ done: Int, _ total: Int) -> Void)? = nil,
                            _ body: (PageExtraction) throws -> Void) throws {
        let paths = try pagePaths()
        let its = try itsContext()
        let segmentation = try segmentationRules()
        var done = 0
        try Parallel.forEachBatch(paths, { path in
            try PageExtraction.extract(path: path, bytes: [UInt8](TextFile.readData(absolute(path), displayPath: path)),
                                       locate: locate, its: its, segmentation: segmentation)
        }, consume: { results in
            for result in results { try body(result.get()) }
            done += results.count
            progress?(done, paths.count)
        })
    }

    /// The ITS rules every page is read with: `Locales/its-rules.xml`, when the project has one.
    ///
    /// - Throws: `TolkError.itsRules` with the file and line for rules that cannot be read.
    public func itsContext() throws -> ITSContext {
        try ITSContext.project(root: root)
    }

    /// Where a project keeps its own segmentation rules (SRX 2.0), unless tolk.toml names another file.
    public static let segmentationRulesPath = "Locales/segmentation.srx"

    /// The project's SRX rules: the file `tolk.toml`'s `segmentation-rules` names, else
    /// `Locales/segmentation.srx` when there is one; nil for Tolk's own rules.
    ///
    /// - Throws: `TolkError.segmentationRules` with the file and line for rules that cannot
    ///   be read; `.unreadableFile` when tolk.toml names a file that is not there.
    public func segmentationRules() throws -> SRXRules? {
        guard let relative = try segmentationRulesFile() else { return nil }
        let path = absolute(relative)
        try TextFile.requireRegularFile(path, displayPath: relative)
        return try SRXRules(data: TextFile.readData(path, displayPath: relative), path: relative)
    }

    /// `tolk.toml`'s `[memory]` settings (the defaults without one), read for this section
    /// alone, as the segmentation rules are: extract must run before a language's catalogue exists.
    public func memorySettings() throws -> SiteConfiguration.Memory {
        let configuration = absolute(SiteConfiguration.fileName)
        guard FileManager.default.fileExists(atPath: configuration) else { return SiteConfiguration.Memory() }
        return try SiteConfiguration(text: TextFile.read(configuration, displayPath: SiteConfiguration.fileName)).memory
    }

    /// The SRX file the project's pages are cut by, when it has one.
    func segmentationRulesFile() throws -> String? {
        // tolk.toml read for this key alone: settings for a language without a catalogue
        // yet must not stop the extract that starts it.
        let configuration = absolute(SiteConfiguration.fileName)
        if FileManager.default.fileExists(atPath: configuration),
           let named = try SiteConfiguration(text: TextFile.read(configuration, displayPath: SiteConfiguration.fileName)).segmentationRules {
            return named
        }
        return FileManager.default.fileExists(atPath: absolute(Self.segmentationRulesPath)) ? Self.segmentationRulesPath : nil
    }

    public func absolute(_ relativePath: String) -> String {
        rootPath.hasSuffix("/") ? rootPath + relativePath : rootPath + "/" + relativePath
    }

    func relative(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    private func directoryExists(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
