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

    public var inputFolder: URL { root.appendingPathComponent("Input") }
    public var localesFolder: URL { root.appendingPathComponent("Locales") }

    /// Project-relative paths of every HTML page under `Input/`, sorted.
    public func pagePaths() throws -> [String] {
        guard directoryExists(inputFolder) else { throw TolkError.missingDirectory(path: relative(inputFolder)) }
        var paths: [String] = []
        Self.collectPages(in: inputFolder.path, relative: "Input", into: &paths)
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Walks a folder with readdir(3): at 10,000 pages Foundation's enumerator costs more
    /// than an incremental build. Hidden files and folders (editor backups, `.git`) are
    /// skipped; symbolic links to pages count, links to folders are not followed.
    private static func collectPages(in folder: String, relative: String, into paths: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            let type = Int32(entry.pointee.d_type)
            var isFolder = type == DT_DIR, isFile = type == DT_REG
            if type == DT_UNKNOWN || type == DT_LNK {
                // What the entry (or the link) points at.
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                isFolder = (info.st_mode & S_IFMT) == S_IFDIR && type != DT_LNK
                isFile = (info.st_mode & S_IFMT) == S_IFREG
            }
            if isFolder {
                collectPages(in: path, relative: relative + "/" + name, into: &paths)
            } else if isFile, let dot = name.lastIndex(of: "."),
                      ["html", "htm", "xhtml"].contains(name[name.index(after: dot)...].lowercased()) {
                paths.append(relative + "/" + name)
            }
        }
    }

    /// The catalogues in `Locales/`: each file's name (`pt_BR` for `Locales/pt_BR.po`) and
    /// its language as a BCP 47 tag (`pt-BR`), sorted by tag. A name ICU cannot read
    /// keeps its spelling, so the commands can name it as an unknown language. Hidden
    /// files (an editor's lock `.#de.po`, Tolk's own temporary files) are not catalogues.
    public func catalogues() -> [(language: String, name: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: localesFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".po") && !$0.hasPrefix(".") && !$0.hasPrefix("#") }
            .map { String($0.dropLast(3)) }.sorted()
            .map { (language: LanguageTag.bcp47($0) ?? $0, name: $0) }
            .sorted { $0.language.utf8.lexicographicallyPrecedes($1.language.utf8) }
    }

    /// The languages of the catalogues in `Locales/`, as BCP 47 tags, sorted.
    public func catalogLanguages() -> [String] {
        var seen = Set<String>()
        return catalogues().map(\.language).filter { seen.insert($0).inserted }
    }

    /// The catalogue for a language: the file that is there (`Locales/pt_BR.po` for pt-BR),
    /// or the name gettext tools would give a new one.
    public func catalogPath(for language: String) -> String {
        let name = catalogues().first { $0.language == language || $0.name == language }?.name ?? LanguageTag.catalogName(language)
        return "Locales/\(name).po"
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
        TextFile.removeStaleTemporaryFiles(in: localesFolder.path, recursive: false)
        TextFile.removeStaleTemporaryFiles(in: folder, recursive: false)
        if killed || !marked {
            TextFile.removeStaleTemporaryFiles(in: absolute("Output"), recursive: true)
        }
        return { if marked { unlink(marker) } }
    }

    /// Reads and extracts the pages on all cores, a batch at a time, and hands each to
    /// `body` in path order (without its parsed tree); only a batch or two is in memory at
    /// once. The first page (in path order) that fails stops the run with its error.
    /// `progress` hears the pages done and the total after each batch.
    public func forEachPage(progress: ((_ done: Int, _ total: Int) -> Void)? = nil,
                            _ body: (PageExtraction) throws -> Void) throws {
        let paths = try pagePaths()
        var done = 0
        try Parallel.forEachBatch(paths, { path in
            var page = try PageExtraction.extract(path: path, text: TextFile.read(absolute(path), displayPath: path), locate: false)
            // Only the segments travel on: the tree is freed on the worker that built it.
            page.document = HTMLDocument(root: HTMLElement(name: "html"), problems: [])
            return page
        }, consume: { results in
            for result in results { try body(result.get()) }
            done += results.count
            progress?(done, paths.count)
        })
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
