import Foundation

/// `.tolk/manifest`: every file under `Output/` that the last build wrote, with its stamp.
///
/// The next build removes what it wrote before and no longer produces (a page taken out of
/// `Input/`, a language no longer published, an index renamed), and only that: a file Tolk
/// did not write, or one changed since it was written, is left where it is.
struct OutputManifest: Equatable {
    static let path = "\(BuildCache.folder)/manifest"
    static let version = "tolk-manifest 2"

    var files: [String: FileStamp] = [:]
    /// The assets under `Input/` the copies were made from, as they were then.
    var sources: [String: FileStamp] = [:]

    static func load(from project: Project) -> OutputManifest? {
        guard let bytes = Checksummed.contents(ofFile: project.absolute(path)) else { return nil }
        var reader = BinaryReader(bytes)
        guard (try? reader.readString()) == version, let paths = try? reader.read([String].self),
              let stamps = try? reader.read([FileStamp].self), paths.count == stamps.count,
              let sourcePaths = try? reader.read([String].self), let sourceStamps = try? reader.read([FileStamp].self),
              sourcePaths.count == sourceStamps.count, reader.isAtEnd else { return nil }
        return OutputManifest(files: Dictionary(zip(paths, stamps), uniquingKeysWith: { first, _ in first }),
                              sources: Dictionary(zip(sourcePaths, sourceStamps), uniquingKeysWith: { first, _ in first }))
    }

    func save(to project: Project) throws {
        let paths = files.keys.sorted()
        var writer = BinaryWriter(reservingCapacity: paths.count * 64)
        writer.write(Self.version)
        writer.write(paths)
        writer.write(paths.map { files[$0]! })
        let sourcePaths = sources.keys.sorted()
        writer.write(sourcePaths)
        writer.write(sourcePaths.map { sources[$0]! })
        try Checksummed.write(writer, to: project.absolute(Self.path), displayPath: Self.path)
    }

    /// Removes the files `previous` lists and this manifest does not, when they still hold
    /// what Tolk wrote; then the folders under `Output/` that this left empty.
    /// - Returns: the files removed, and what was left in place (changed since Tolk wrote it).
    func removeStale(since previous: OutputManifest, in project: Project) -> (removed: [String], kept: [Diagnostic]) {
        var removed: [String] = [], kept: [Diagnostic] = []
        var folders = Set<String>()
        for (path, stamp) in previous.files.sorted(by: { $0.key < $1.key }) where files[path] == nil {
            // Only what a build writes: under Output/, no way out of it.
            guard path.hasPrefix("Output/"), !path.split(separator: "/").contains(".."), !path.split(separator: "/").contains(".") else { continue }
            let absolute = project.absolute(path)
            var info = stat()
            guard lstat(absolute, &info) == 0 else { continue }
            guard (info.st_mode & S_IFMT) == S_IFREG, stamp.current(at: absolute) != nil else {
                kept.append(Diagnostic(.staleOutputKept, severity: .note, file: path,
                    message: "Tolk wrote this file and no longer makes it, but it was changed since; left in place",
                    fix: "delete it if it is not needed"))
                continue
            }
            if unlink(absolute) == 0 {
                removed.append(path)
                var folder = (path as NSString).deletingLastPathComponent
                while folder.hasPrefix("Output/") { folders.insert(folder); folder = (folder as NSString).deletingLastPathComponent }
            }
        }
        // Deepest first, so that a folder emptied by removing its subfolder goes too.
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            rmdir(project.absolute(folder))
        }
        return (removed, kept)
    }
}
