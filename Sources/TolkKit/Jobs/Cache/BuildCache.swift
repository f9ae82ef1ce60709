import Foundation

/// `.tolk/build-cache`: what the last `tolk build` wrote, so the next one rebuilds only the
/// pages whose source, or whose translations, changed.
///
/// It holds each page's source stamp, index data, diagnostics, outputs and the hashes of
/// its segment keys, and a fingerprint of each catalogue, in Tolk's small binary format
/// (its own records, not the public report types). Safe to delete (the next build is then
/// a full one); a new Tolk version, a change to the languages or to `--min-completion`, or
/// a damaged file makes it be ignored.
struct BuildCache: Sendable {
    static let folder = ".tolk"
    /// Bump when what the build writes changes, so old caches are not trusted.
    static let toolVersion = "tolk-build 17"

    /// One language version of a page, as written.
    struct Output: Equatable, Sendable {
        var language: String
        /// `Output/LL/…`.
        var path: String
        /// Fingerprint of the translations the page used in this language (0: none used).
        var fingerprint: UInt64
        var segments: Int
        var translated: Int
        var written: Bool
        var stamp: FileStamp?
        var diagnostics: [Diagnostic]
    }

    struct Page: Sendable {
        var source: FileStamp
        var summary: EventSummary
        var diagnostics: [Diagnostic]
        var outputs: [Output]
        /// Hashes of the page's segment keys (msgctxt and msgid).
        var keys: [UInt64] = []
        /// The page's relative addresses and their lines, checked against `Input/` every build.
        var references: [(target: String, line: Int)] = []
    }

    /// The index pages and the sitemap as the last build wrote them.
    struct Extras: Sendable {
        var fingerprint: UInt64
        var files: [(path: String, stamp: FileStamp)] = []
        var diagnostics: [Diagnostic] = []
    }

    var settings: UInt64
    /// The languages published (translated far enough): a page links to each of them.
    var published: [String] = []
    /// Fingerprint of each catalogue's entries, by language.
    var catalogs: [String: UInt64] = [:]
    var pages: [String: Page] = [:]
    var extras: Extras?
    /// A file pages refer to and `Input/` lacks (`Input/…`, or `Output/…` above the
    /// language folders): where it is first named (the page, the line, the reference's
    /// place among the page's), as what address, and by how many other pages.
    struct MissingFile: Sendable {
        var target: String
        var page: String
        var line: Int
        var reference: Int
        var address: String
        var otherPages: Int

        var diagnostic: Diagnostic {
            Diagnostic(.missingFile, severity: .warning, file: page, line: line,
                message: "'\(address)' is not under Input/, so the published page will show it broken"
                    + (otherPages == 1 ? " (1 other page refers to it too)" : otherPages > 1 ? " (\(otherPages) other pages refer to it too)" : ""),
                fix: "add the file under Input/ (Tolk copies it into every language), or correct the address")
        }
    }

    /// What one folder's pages refer to and `Input/` lacks, and a fingerprint of what that
    /// follows from (`Fingerprints.folder`): found again only when it changes.
    struct MissingFolder: Sendable {
        var fingerprint: UInt64
        var files: [MissingFile]
    }

    /// By folder of pages (`Input/a`).
    var missingFiles: [String: MissingFolder] = [:]

    init(settings: UInt64) {
        self.settings = settings
    }

    static func settingsHash(languages: [String], minimumCompletion: Double?, configuration: UInt64 = 0) -> UInt64 {
        var hash = FastHash()
        hash.combine(configuration)
        hash.combine(toolVersion)
        for language in languages { hash.combine(language) }
        hash.combine(minimumCompletion.map { String($0) })
        return hash.value
    }

    // MARK: Reading and writing

    static func path(in root: URL) -> String {
        root.appendingPathComponent("\(folder)/build-cache").path
    }

    /// The cache in `root`, or nil when there is none, it is damaged, or it is from
    /// another Tolk version or other settings.
    static func load(from root: URL, settings: UInt64) -> BuildCache? {
        guard let bytes = Checksummed.contents(ofFile: path(in: root)) else { return nil }
        var reader = BinaryReader(bytes)
        guard (try? reader.readString()) == toolVersion, let cache = try? BuildCache(from: &reader), reader.isAtEnd,
              cache.settings == settings else { return nil }
        return cache
    }

    /// Writes the cache atomically, and removes what earlier Tolk versions kept in `.tolk/`.
    func save(to root: URL) throws {
        var writer = BinaryWriter(reservingCapacity: pages.count * 2048)
        writer.write(Self.toolVersion)
        write(to: &writer)
        try Checksummed.write(writer, to: Self.path(in: root), displayPath: "\(Self.folder)/build-cache")
        let folder = root.appendingPathComponent(Self.folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name == "page-keys" || (name.hasPrefix("catalog-") && name.hasSuffix(".json")) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}

// MARK: Binary form

extension BuildCache: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(settings)
        writer.write(published)
        writer.write(catalogs)
        writer.write(pages)
        writer.write(extras)
        writer.write(missingFiles)
    }

    init(from reader: inout BinaryReader) throws {
        settings = try reader.read()
        published = try reader.read()
        catalogs = try reader.read()
        pages = try reader.read()
        extras = try reader.read()
        missingFiles = try reader.read()
    }
}

extension BuildCache.Extras: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(fingerprint)
        writer.write(files.map(\.path))
        writer.write(files.map(\.stamp))
        writer.write(diagnostics)
    }

    init(from reader: inout BinaryReader) throws {
        fingerprint = try reader.read()
        let paths = try reader.read([String].self)
        let stamps = try reader.read([FileStamp].self)
        guard paths.count == stamps.count else { throw BinaryReader.Damaged() }
        files = Array(zip(paths, stamps)).map { (path: $0.0, stamp: $0.1) }
        diagnostics = try reader.read()
    }
}

extension BuildCache.Page: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(source)
        writer.write(summary)
        writer.write(diagnostics)
        writer.write(outputs)
        writer.write(keys)
        writer.write(references.map(\.target))
        writer.write(references.map(\.line))
    }

    init(from reader: inout BinaryReader) throws {
        source = try reader.read()
        summary = try reader.read()
        diagnostics = try reader.read()
        outputs = try reader.read()
        keys = try reader.read()
        let targets = try reader.read([String].self), lines = try reader.read([Int].self)
        guard targets.count == lines.count else { throw BinaryReader.Damaged() }
        references = zip(targets, lines).map { (target: $0, line: $1) }
    }
}

extension BuildCache.Output: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(language)
        writer.write(path)
        writer.write(fingerprint)
        writer.write(segments)
        writer.write(translated)
        writer.write(written)
        writer.write(stamp)
        writer.write(diagnostics)
    }

    init(from reader: inout BinaryReader) throws {
        language = try reader.read()
        path = try reader.read()
        fingerprint = try reader.read()
        segments = try reader.read()
        translated = try reader.read()
        written = try reader.read()
        stamp = try reader.read()
        diagnostics = try reader.read()
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

extension BuildCache.MissingFile: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(target)
        writer.write(page)
        writer.write(line)
        writer.write(reference)
        writer.write(address)
        writer.write(otherPages)
    }

    init(from reader: inout BinaryReader) throws {
        target = try reader.read()
        page = try reader.read()
        line = try reader.read()
        reference = try reader.read()
        address = try reader.read()
        otherPages = try reader.read()
    }
}

extension BuildCache.MissingFolder: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(fingerprint)
        writer.write(files)
    }

    init(from reader: inout BinaryReader) throws {
        fingerprint = try reader.read()
        files = try reader.read()
    }
}

extension Diagnostic: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(rule)
        writer.write(severity.rawValue)
        writer.write(file)
        writer.write(line)
        writer.write(message)
        writer.write(fix)
        writer.write(locale)
        writer.write(sourceFile)
        writer.write(sourceLine)
        writer.write(msgctxt)
        writer.write(msgid)
        writer.write(msgstr)
    }

    init(from reader: inout BinaryReader) throws {
        let rule = try reader.readString()
        guard let severity = Severity(rawValue: try reader.readString()) else { throw BinaryReader.Damaged() }
        self.init(rule: rule, severity: severity, file: try reader.read(), line: try reader.read(), message: try reader.read(),
                  fix: try reader.read(), locale: try reader.read(), sourceFile: try reader.read(), sourceLine: try reader.read(),
                  msgctxt: try reader.read(), msgid: try reader.read(), msgstr: try reader.read())
    }
}
