import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `.tolk/`: what the last `tolk build` wrote, so the next one rebuilds only the pages
/// whose source, or whose translations, changed.
///
/// `build-cache` holds each page's source stamp, index data, warnings, outputs and the
/// hashes of its segment keys, and a fingerprint of each catalogue, in Tolk's small
/// binary format. Safe to delete (the next build is then a full one); a new Tolk
/// version, a change to the languages or to `--min-completion`, or a damaged file makes
/// it be ignored.
struct BuildCache: Sendable {
    static let folder = ".tolk"
    /// Bump when what the build writes changes, so old caches are not trusted.
    static let toolVersion = "tolk-build 8"

    /// What a file held: its size, modification time and a hash of its bytes. The time
    /// makes the usual check a stat(2); the hash keeps a file that a checkout, a copy or
    /// a CI cache restore gave a new time (but the same bytes) from counting as changed.
    struct Stamp: Equatable, Sendable {
        var size: Int
        var modified: Int
        var content: UInt64

        /// Stands for a file that could not be read: matches no file.
        static let missing = Stamp(size: -1, modified: 0, content: 0)

        init(size: Int, modified: Int, content: UInt64) {
            self.size = size
            self.modified = modified
            self.content = content
        }

        /// The stamp of `path`, whose bytes are `data` (read just after the stat, or just written).
        init?(path: String, data: Data) {
            guard let (size, modified) = Self.sizeAndTime(path) else { return nil }
            self.init(size: size, modified: modified, content: Self.hash(data))
        }

        /// The file's stamp now, when it still holds the bytes this stamp was taken of; nil
        /// when it changed or is gone.
        func current(at path: String) -> Stamp? {
            guard let (size, modified) = Self.sizeAndTime(path), size == self.size else { return nil }
            if modified == self.modified { return self }
            guard Self.hash(fileAt: path) == content else { return nil }
            return Stamp(size: size, modified: modified, content: content)
        }

        /// The size, and one number for the file's times and identity: the modification
        /// time, the change time and the inode. `cp -p`, `rsync -t` and `tar` restore a
        /// modification time but not the change time, so an edit that keeps the size and
        /// puts the old time back still counts as a change (and its bytes are hashed).
        static func sizeAndTime(_ path: String) -> (Int, Int)? {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            #if canImport(Darwin)
            let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
            #else
            let (modified, changed) = (info.st_mtim, info.st_ctim)
            #endif
            var identity = FastHash()
            identity.combine(UInt64(bitPattern: Int64(modified.tv_sec) &* 1_000_000_000 &+ Int64(modified.tv_nsec)))
            identity.combine(UInt64(bitPattern: Int64(changed.tv_sec) &* 1_000_000_000 &+ Int64(changed.tv_nsec)))
            identity.combine(UInt64(info.st_ino))
            return (Int(info.st_size), Int(bitPattern: UInt(identity.value)))
        }

        static func hash(_ data: Data) -> UInt64 {
            var hash = FastHash()
            hash.combine(blocksOf: data)
            return hash.value
        }

        /// The same hash, of a file read a block at a time (a large one is never held whole).
        static func hash(fileAt path: String) -> UInt64? {
            guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
            defer { try? handle.close() }
            var hash = FastHash()
            while let data = try? handle.read(upToCount: FastHash.blockSize), !data.isEmpty {
                hash.combine(blocksOf: data)
            }
            return hash.value
        }
    }

    struct Output: Equatable, Sendable {
        var language: String
        /// Fingerprint of the translations the page used in this language (0: none used).
        var fingerprint: UInt64
        var report: SiteBuild.PageReport
        var stamp: Stamp?
        var warnings: [String]
    }

    struct Page: Sendable {
        var source: Stamp
        var summary: EventSummary
        var warnings: [String]
        var outputs: [Output]
        /// Hashes of the page's segment keys (msgctxt and msgid).
        var keys: [UInt64] = []
    }

    /// The index pages and the sitemap as the last build wrote them.
    struct Extras: Sendable {
        var fingerprint: UInt64
        var files: [(path: String, stamp: Stamp)] = []
        var warnings: [String] = []
    }

    var settings: UInt64
    /// Fingerprint of each catalogue's entries, by language.
    var catalogs: [String: UInt64] = [:]
    var pages: [String: Page] = [:]
    var extras: Extras?

    init(settings: UInt64) {
        self.settings = settings
    }

    static func settingsHash(languages: [String], minimumCompletion: Double?) -> UInt64 {
        var hash = FastHash()
        hash.combine(toolVersion)
        for language in languages { hash.combine(language) }
        hash.combine(minimumCompletion.map { String($0) } ?? "-")
        return hash.value
    }

    /// The hash of a segment key, as pages record them.
    static func key(context: String?, id: String) -> UInt64 {
        var hash = FastHash()
        hash.combine(context ?? "\u{0}")
        hash.combine(id)
        return hash.value
    }

    /// Fingerprint of what a catalogue says for `keys`: changes when any of those entries
    /// is added, removed, retranslated or marked fuzzy.
    static func fingerprint(_ keys: [UInt64], states: [UInt64: UInt64]) -> UInt64 {
        var hash = FastHash()
        for key in keys { hash.combine(states[key] ?? 0) }
        return hash.value
    }

    /// The state of every entry of a catalogue, by key hash.
    static func states(of catalog: POCatalog) -> [UInt64: UInt64] {
        var states: [UInt64: UInt64] = [:]
        for entry in catalog.entries where !entry.isObsolete && !entry.isHeader {
            var hash = FastHash()
            hash.combine(entry.isFuzzy ? 1 : 2)
            for translation in entry.translations { hash.combine(translation) }
            states[key(context: entry.context, id: entry.id)] = hash.value
        }
        return states
    }

    /// One fingerprint for a whole catalogue's states.
    static func catalogFingerprint(_ states: [UInt64: UInt64]) -> UInt64 {
        var hash = FastHash()
        for (key, state) in states.sorted(by: { $0.key < $1.key }) {
            hash.combine(key)
            hash.combine(state)
        }
        return hash.value
    }

    // MARK: Reading and writing

    /// The cache in `root`, or nil when there is none, it is damaged, or it is from
    /// another Tolk version or other settings.
    static func load(from root: URL, settings: UInt64) -> BuildCache? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent("\(folder)/build-cache").path),
              let bytes = Checksummed.open(data)
        else { return nil }
        var reader = BinaryReader(bytes)
        guard (try? reader.readString()) == toolVersion, let cache = try? BuildCache(from: &reader), reader.isAtEnd,
              cache.settings == settings else { return nil }
        return cache
    }

    /// Writes the cache atomically.
    func save(to root: URL) throws {
        var writer = BinaryWriter(reservingCapacity: pages.count * 2048)
        writer.write(Self.toolVersion)
        write(to: &writer)
        try TextFile.writeAtomically(Data(Checksummed.seal(writer.bytes)), to: root.appendingPathComponent("\(Self.folder)/build-cache").path,
                                     displayPath: "\(Self.folder)/build-cache")
        // What earlier Tolk versions kept here (JSON copies, a separate key file) is of no more use.
        let folder = root.appendingPathComponent(Self.folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name == "page-keys" || (name.hasPrefix("catalog-") && name.hasSuffix(".json")) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// A copy of what the build needs of a catalogue, without its references and comments,
    /// good while the PO file keeps the stamp it had (a site-scale catalogue is mostly
    /// references, which the build does not need).
    enum CatalogCopy {
        static func path(for language: String, in root: URL) -> String {
            root.appendingPathComponent("\(folder)/catalog-\(language)").path
        }

        /// The copy of the catalogue at `catalogPath`, when the catalogue still holds what it was made from.
        static func load(language: String, in root: URL, catalogPath: String) -> POCatalog? {
            guard let data = FileManager.default.contents(atPath: path(for: language, in: root)),
                  let bytes = Checksummed.open(data) else { return nil }
            var reader = BinaryReader(bytes)
            guard (try? reader.readString()) == toolVersion, let stored = try? reader.read(Stamp.self),
                  let stamp = stored.current(at: catalogPath), let count = try? reader.readCount(minimumSize: 64) else { return nil }
            var entries: [POEntry] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                guard let entry = try? readEntry(from: &reader) else { return nil }
                entries.append(entry)
            }
            guard reader.isAtEnd else { return nil }
            let catalog = POCatalog(entries: entries)
            // Same bytes with a new time (a checkout): the copy records the new time.
            if stamp != stored { try? save(catalog, language: language, in: root, stamp: stamp) }
            return catalog
        }

        static func save(_ catalog: POCatalog, language: String, in root: URL, stamp: Stamp) throws {
            let active = catalog.entries.filter { !$0.isObsolete }
            var writer = BinaryWriter(reservingCapacity: active.count * 256)
            writer.write(toolVersion)
            writer.write(stamp)
            writer.write(UInt64(active.count))
            for entry in active {
                writer.write(entry.context)
                writer.write(entry.id)
                writer.write(entry.pluralID)
                writer.write(entry.translations)
                writer.write(entry.isFuzzy)
                writer.write(entry.flags)
                writer.write(entry.line)
                writer.write(entry.translationLine)
            }
            try TextFile.writeAtomically(Data(Checksummed.seal(writer.bytes)), to: path(for: language, in: root),
                                         displayPath: "\(folder)/catalog-\(language)")
        }

        private static func readEntry(from reader: inout BinaryReader) throws -> POEntry {
            let context = try reader.read(String?.self)
            var entry = POEntry(context: context, id: try reader.readString(), pluralID: try reader.read(String?.self),
                                translations: try reader.read([String].self))
            entry.isFuzzy = try reader.read(Bool.self)
            entry.flags = try reader.read([String].self)
            entry.line = try reader.read(Int.self)
            entry.translationLine = try reader.read(Int.self)
            return entry
        }
    }
}

// MARK: Binary form

extension BuildCache: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(settings)
        writer.write(catalogs)
        writer.write(pages)
        writer.write(extras)
    }

    init(from reader: inout BinaryReader) throws {
        settings = try reader.read()
        catalogs = try reader.read()
        pages = try reader.read()
        extras = try reader.read()
    }
}

extension BuildCache.Extras: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(fingerprint)
        writer.write(files.map(\.path))
        writer.write(files.map(\.stamp))
        writer.write(warnings)
    }

    init(from reader: inout BinaryReader) throws {
        fingerprint = try reader.read()
        let paths = try reader.read([String].self)
        let stamps = try reader.read([BuildCache.Stamp].self)
        guard paths.count == stamps.count else { throw BinaryReader.Damaged() }
        files = Array(zip(paths, stamps)).map { (path: $0.0, stamp: $0.1) }
        warnings = try reader.read()
    }
}

extension BuildCache.Stamp: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(size)
        writer.write(modified)
        writer.write(content)
    }

    init(from reader: inout BinaryReader) throws {
        size = try reader.read()
        modified = try reader.read()
        content = try reader.read()
    }
}

extension BuildCache.Page: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(source)
        writer.write(summary)
        writer.write(warnings)
        writer.write(outputs)
        writer.write(keys)
    }

    init(from reader: inout BinaryReader) throws {
        source = try reader.read()
        summary = try reader.read()
        warnings = try reader.read()
        outputs = try reader.read()
        keys = try reader.read()
    }
}

extension BuildCache.Output: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(language)
        writer.write(fingerprint)
        writer.write(report)
        writer.write(stamp)
        writer.write(warnings)
    }

    init(from reader: inout BinaryReader) throws {
        language = try reader.read()
        fingerprint = try reader.read()
        report = try reader.read()
        stamp = try reader.read()
        warnings = try reader.read()
    }
}

extension SiteBuild.PageReport: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(page)
        writer.write(language)
        writer.write(output)
        writer.write(segments)
        writer.write(translated)
        writer.write(written)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(page: try reader.read(), language: try reader.read(), output: try reader.read(), segments: try reader.read(),
                  translated: try reader.read(), written: try reader.read())
    }
}

extension EventSummary: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(relative)
        writer.write(pageLanguage)
        writer.write(titles)
        writer.write(start)
        writer.write(end)
        writer.write(languages)
    }

    init(from reader: inout BinaryReader) throws {
        relative = try reader.read()
        pageLanguage = try reader.read()
        titles = try reader.read()
        start = try reader.read()
        end = try reader.read()
        languages = try reader.read()
    }
}

extension EventSummary.Title: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(text)
        writer.write(translated)
    }

    init(from reader: inout BinaryReader) throws {
        text = try reader.read()
        translated = try reader.read()
    }
}
