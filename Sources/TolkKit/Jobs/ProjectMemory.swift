import Foundation

/// The project's translation memory: every translation the build would publish, of every
/// catalogue (all source and target languages, page translations included), then every
/// unit of the TMX files under `Locales/memory/`, in path order.
///
/// What the TMX files hold is kept in `.tolk/memory-cache`, file by file, with each file's
/// stamp (size, time, a hash of its bytes): a file whose bytes are unchanged is not read
/// again, one that changed is read alone. The catalogues are read by every job anyway.
public struct ProjectMemory {
    public static let folder = "Locales/memory"
    static let cacheName = "memory-cache"
    static let cacheVersion = "tolk-memory 1"

    public let project: Project

    public init(project: Project) {
        self.project = project
    }

    /// The TMX files of the memory, relative to the project, sorted.
    public func tmxFiles() throws -> [String] {
        let folder = project.absolute(Self.folder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { return [] }
        var pages: [String] = [], files: [String] = []
        let root = project.root.path
        try Project.collectFiles(in: folder, relative: Self.folder, realRoot: TextFile.realPath(root) ?? root, pages: &pages, assets: &files)
        return (pages + files).filter { $0.lowercased().hasSuffix(".tmx") }.sorted()
    }

    /// The units of catalogues already read, each with its file.
    public static func units(of catalogues: [(file: CatalogFile, catalog: POCatalog)]) -> [MemoryUnit] {
        catalogues.sorted { $0.file.path < $1.file.path }.flatMap { file, catalog -> [MemoryUnit] in
            guard let source = file.source else { return [] }
            return MemoryUnit.units(of: catalog, path: file.path, from: source, to: file.language)
        }
    }

    /// Every unit of the memory: the catalogues' (read here) and the TMX files'.
    public func units() throws -> [MemoryUnit] {
        var read: [(file: CatalogFile, catalog: POCatalog)] = []
        for file in project.catalogues() where file.source != nil {
            read.append((file, try project.readCatalogue(file).catalog))
        }
        return Self.units(of: read) + (try tmxUnits())
    }

    /// The units of the TMX files, from the cache where a file's bytes are unchanged.
    ///
    /// - Throws: `TolkError.exchange` with the file and line for a TMX file that cannot be read.
    public func tmxUnits() throws -> [MemoryUnit] {
        let files = try tmxFiles()
        let cachePath = project.root.appendingPathComponent("\(BuildCache.folder)/\(Self.cacheName)").path
        let cached = files.isEmpty ? [:] : Self.loadCache(cachePath)
        var fresh: [String: CachedFile] = [:]
        var units: [MemoryUnit] = []
        var changed = false
        for path in files {
            let absolute = project.absolute(path)
            guard let stamp = FileStamp(fileAt: absolute) else { throw TolkError.unreadableFile(path: path, reason: "cannot be read") }
            if let entry = cached[path], FileStamp.sameBytes(entry.stamp, stamp) {
                fresh[path] = entry
            } else {
                let contents = try TMXDocument.read(TextFile.readData(absolute, displayPath: path), path: path)
                fresh[path] = CachedFile(stamp: stamp, units: contents.units)
                changed = true
            }
            units += fresh[path]!.units
        }
        if changed || fresh.count != cached.count, !files.isEmpty || !cached.isEmpty {
            // The cache only saves time: a project folder that cannot hold it still works.
            var writer = BinaryWriter()
            writer.write(Self.cacheVersion)
            writer.write(fresh.keys.sorted().map { CachedPath(path: $0, file: fresh[$0]!) })
            try? FileManager.default.createDirectory(atPath: project.absolute(BuildCache.folder), withIntermediateDirectories: true)
            try? Checksummed.write(writer, to: cachePath, displayPath: "\(BuildCache.folder)/\(Self.cacheName)")
        }
        return units
    }

    struct CachedFile {
        var stamp: FileStamp
        var units: [MemoryUnit]
    }

    private static func loadCache(_ path: String) -> [String: CachedFile] {
        guard let bytes = Checksummed.contents(ofFile: path) else { return [:] }
        var reader = BinaryReader(bytes)
        guard (try? reader.readString()) == cacheVersion, let files = try? reader.read([CachedPath].self), reader.isAtEnd else { return [:] }
        return Dictionary(files.map { ($0.path, $0.file) }, uniquingKeysWith: { first, _ in first })
    }
}

// MARK: Binary form

private struct CachedPath: BinaryCodable {
    var path: String
    var file: ProjectMemory.CachedFile

    init(path: String, file: ProjectMemory.CachedFile) {
        self.path = path
        self.file = file
    }

    func write(to writer: inout BinaryWriter) {
        writer.write(path)
        writer.write(file.stamp.size)
        writer.write(file.stamp.modified)
        writer.write(file.stamp.content)
        writer.write(file.units)
    }

    init(from reader: inout BinaryReader) throws {
        path = try reader.read()
        let stamp = FileStamp(size: try reader.read(), modified: try reader.read(), content: try reader.read())
        file = ProjectMemory.CachedFile(stamp: stamp, units: try reader.read())
    }
}

extension MemoryUnit: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        for text in [sourceLanguage, targetLanguage, source, target, origin.file] { writer.write(text) }
        writer.write(origin.line)
        for text in [origin.tuid, context, page, previous, next] { writer.write(text) }
        writer.write(codes.keys.sorted().map { CachedCode(number: $0, code: codes[$0]!) })
    }

    init(from reader: inout BinaryReader) throws {
        self.init(sourceLanguage: try reader.read(), targetLanguage: try reader.read(), source: try reader.read(), target: try reader.read(),
                  origin: MemoryOrigin(file: try reader.read(), line: try reader.read()))
        origin.tuid = try reader.read()
        context = try reader.read()
        page = try reader.read()
        previous = try reader.read()
        next = try reader.read()
        codes = Dictionary(try reader.read([CachedCode].self).map { ($0.number, $0.code) }, uniquingKeysWith: { first, _ in first })
    }
}

private struct CachedCode: BinaryCodable {
    var number: Int
    var code: OriginalCode

    init(number: Int, code: OriginalCode) {
        self.number = number
        self.code = code
    }

    func write(to writer: inout BinaryWriter) {
        writer.write(number)
        writer.write(code.start)
        writer.write(code.end)
    }

    init(from reader: inout BinaryReader) throws {
        number = try reader.read()
        code = OriginalCode(start: try reader.read(), end: try reader.read())
    }
}
