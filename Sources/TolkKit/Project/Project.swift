import Foundation

/// A Tolk project folder: pages in `Input/`, catalogues in `Locales/`.
public struct Project: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public var inputFolder: URL { root.appendingPathComponent("Input") }
    public var localesFolder: URL { root.appendingPathComponent("Locales") }

    /// Project-relative paths of every HTML page under `Input/`, sorted.
    public func pagePaths() throws -> [String] {
        guard directoryExists(inputFolder) else { throw TolkError.missingDirectory(path: relative(inputFolder)) }
        guard let enumerator = FileManager.default.enumerator(at: inputFolder, includingPropertiesForKeys: [.isRegularFileKey],
                                                                options: [.skipsHiddenFiles]) else {
            return []
        }
        var paths: [String] = []
        for case let url as URL in enumerator where ["html", "htm", "xhtml"].contains(url.pathExtension.lowercased()) {
            paths.append(relative(url))
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Language codes of the catalogues in `Locales/` (`de` for `Locales/de.po`), sorted.
    public func catalogLanguages() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: localesFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".po") }.map { String($0.dropLast(3)) }.sorted()
    }

    public func catalogPath(for language: String) -> String {
        "Locales/\(language).po"
    }

    /// Reads and extracts the pages on all cores, a batch at a time, and hands each to
    /// `body` in path order (without its parsed tree); only a batch or two is in memory at
    /// once. The first page (in path order) that fails stops the run with its error.
    public func forEachPage(_ body: (PageExtraction) throws -> Void) throws {
        try Parallel.forEachBatch(pagePaths(), { path in
            var page = try PageExtraction.extract(path: path, text: TextFile.read(absolute(path), displayPath: path), locate: false)
            // Only the segments travel on: the tree is freed on the worker that built it.
            page.document = HTMLDocument(root: HTMLElement(name: "html"), problems: [])
            return page
        }, consume: { results in
            for result in results { try body(result.get()) }
        })
    }

    public func absolute(_ relativePath: String) -> String {
        root.appendingPathComponent(relativePath).path
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
