import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `.tolk/`: what the last `tolk build` wrote, so the next one rebuilds only the pages
/// whose source, or whose translations, changed.
///
/// `build-cache` (JSON) holds each page's source stamp, index data, warnings and outputs,
/// and a fingerprint of each catalogue; `page-keys` (binary) holds the hashes of each
/// page's segment keys, read only when a catalogue changed. Safe to delete (the next
/// build is then a full one); a new Tolk version, or a change to the languages or to
/// `--min-completion`, makes it be ignored.
struct BuildCache: Codable, Sendable {
    static let folder = ".tolk"
    /// Bump when what the build writes changes, so old caches are not trusted.
    static let toolVersion = "tolk-build 4"

    /// A file's identity as the file system sees it: size and modification time.
    struct Stamp: Codable, Equatable, Sendable {
        var size: Int
        var modified: Int

        init(size: Int, modified: Int) {
            self.size = size
            self.modified = modified
        }

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            size = Int(info.st_size)
            modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        }
    }

    struct Output: Codable, Equatable, Sendable {
        var language: String
        /// Fingerprint of the translations the page used in this language (0: none used).
        var fingerprint: UInt64
        var report: SiteBuild.PageReport
        var stamp: Stamp?
        var warnings: [String]
    }

    struct Page: Codable, Sendable {
        var source: Stamp
        var summary: EventSummary
        var warnings: [String]
        var outputs: [Output]
        /// Hashes of the page's segment keys (msgctxt and msgid); kept in `page-keys`.
        var keys: [UInt64] = []

        enum CodingKeys: String, CodingKey {
            case source, summary, warnings, outputs
        }
    }

    var toolVersion = Self.toolVersion
    var settings: UInt64
    /// Fingerprint of each catalogue's entries, by language.
    var catalogs: [String: UInt64] = [:]
    var pages: [String: Page] = [:]

    enum CodingKeys: String, CodingKey {
        case toolVersion, settings, catalogs, pages
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

    /// The cache in `root` without the page keys, or nil when there is none or it is
    /// from other settings.
    static func load(from root: URL, settings: UInt64) -> BuildCache? {
        guard let data = try? Data(contentsOf: root.appendingPathComponent("\(Self.folder)/build-cache")),
              let cache = try? JSONDecoder().decode(BuildCache.self, from: data),
              cache.toolVersion == toolVersion, cache.settings == settings else { return nil }
        return cache
    }

    /// Reads each page's key hashes from `page-keys`; false when they are missing or do
    /// not match the pages.
    mutating func readKeys(from root: URL) -> Bool {
        guard let binary = try? Data(contentsOf: root.appendingPathComponent("\(Self.folder)/page-keys")) else { return false }
        let words = binary.withUnsafeBytes { Array($0.bindMemory(to: UInt64.self)) }
        var index = 0
        for path in pages.keys.sorted() {
            guard index < words.count, index + 1 + Int(words[index]) <= words.count else { return false }
            let count = Int(words[index])
            pages[path]?.keys = Array(words[(index + 1)..<(index + 1 + count)])
            index += 1 + count
        }
        return true
    }

    /// Writes the cache atomically.
    func save(to root: URL) throws {
        let folder = root.appendingPathComponent(Self.folder)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = try encoder.encode(self)
        var words: [UInt64] = []
        for path in pages.keys.sorted() {
            let keys = pages[path]!.keys
            words.append(UInt64(keys.count))
            words += keys
        }
        try TextFile.writeAtomically(String(decoding: json, as: UTF8.self), to: folder.appendingPathComponent("build-cache").path,
                                     displayPath: "\(Self.folder)/build-cache")
        try TextFile.writeAtomically(words.withUnsafeBytes { Data($0) }, to: folder.appendingPathComponent("page-keys").path,
                                     displayPath: "\(Self.folder)/page-keys")
    }

    /// What the build needs of a catalogue, without its references and comments.
    struct CompactCatalog: Codable {
        struct Entry: Codable {
            var context: String?
            var id: String
            var pluralID: String?
            var translations: [String]
            var fuzzy: Bool
            var flags: [String]
            var line: Int
            var translationLine: Int
        }

        var toolVersion = BuildCache.toolVersion
        var stamp: Stamp
        var entries: [Entry]

        init(stamp: Stamp, catalog: POCatalog) {
            self.stamp = stamp
            entries = catalog.entries.filter { !$0.isObsolete }.map {
                Entry(context: $0.context, id: $0.id, pluralID: $0.pluralID, translations: $0.translations, fuzzy: $0.isFuzzy,
                      flags: $0.flags, line: $0.line, translationLine: $0.translationLine)
            }
        }

        var catalog: POCatalog {
            POCatalog(entries: entries.map { stored in
                var entry = POEntry(context: stored.context, id: stored.id, pluralID: stored.pluralID, translations: stored.translations)
                entry.isFuzzy = stored.fuzzy
                entry.flags = stored.flags
                entry.line = stored.line
                entry.translationLine = stored.translationLine
                return entry
            })
        }
    }
}
