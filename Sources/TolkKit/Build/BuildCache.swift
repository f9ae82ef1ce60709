import Foundation

/// `.tolk/build-cache`: what the last `tolk build` wrote, so the next one rebuilds only
/// the pages whose source, or whose translations, changed.
///
/// Safe to delete (the next build is then a full one). Invalidated by a new Tolk version
/// and by any change to the set of languages or to `--min-completion`.
struct BuildCache: Sendable {
    static let path = ".tolk/build-cache"
    /// Bump when what the build writes changes, so old caches are not trusted.
    static let toolVersion = "tolk-build 3"

    /// A file's identity as the file system sees it: size and modification time.
    struct Stamp: Equatable, Sendable {
        var size: Int
        var modified: Double

        init(size: Int, modified: Double) {
            self.size = size
            self.modified = modified
        }

        init?(path: String) {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let size = (attributes[.size] as? NSNumber)?.intValue,
                  let date = attributes[.modificationDate] as? Date else { return nil }
            self.size = size
            modified = date.timeIntervalSince1970
        }
    }

    struct Output: Sendable, Equatable {
        var language: String
        /// Fingerprint of the translations the page used in this language.
        var fingerprint: UInt64
        var report: SiteBuild.PageReport
        var stamp: Stamp?
        var warnings: [String]
    }

    struct Page: Sendable {
        var source: Stamp
        /// Hashes of the page's segment keys (msgctxt and msgid).
        var keys: [UInt64]
        var summary: EventSummary
        var warnings: [String]
        var outputs: [Output]
    }

    var settings: UInt64
    var pages: [String: Page] = [:]

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

    // MARK: Reading and writing

    /// The cache in `folder`, or nil when there is none or it is from other settings.
    static func load(from folder: URL, settings: UInt64) -> BuildCache? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(path)),
              let text = String(data: data, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.popFirst() == Substring("\(toolVersion)\t\(String(settings, radix: 16))") else { return nil }
        var cache = BuildCache(settings: settings)
        let decoder = JSONDecoder()
        while let line = lines.popFirst(), !line.isEmpty {
            // One page a line: path, source stamp, keys, summary, warnings, outputs (JSON).
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 7, let size = Int(fields[1]), let modified = Double(fields[2]),
                  let summary = try? decoder.decode(EventSummary.self, from: Data(fields[4].utf8)),
                  let warnings = try? decoder.decode([String].self, from: Data(fields[5].utf8)),
                  let outputs = try? decoder.decode([StoredOutput].self, from: Data(fields[6].utf8)) else { return nil }
            let keys = fields[3].split(separator: " ").compactMap { UInt64($0, radix: 16) }
            cache.pages[String(fields[0])] = Page(source: Stamp(size: size, modified: modified), keys: keys, summary: summary,
                                                  warnings: warnings, outputs: outputs.map(\.restored))
        }
        return cache
    }

    /// Writes the cache atomically.
    func save(to folder: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = "\(Self.toolVersion)\t\(String(settings, radix: 16))\n"
        for path in pages.keys.sorted() {
            let page = pages[path]!
            let summary = String(decoding: try encoder.encode(page.summary), as: UTF8.self)
            let warnings = String(decoding: try encoder.encode(page.warnings), as: UTF8.self)
            let outputs = String(decoding: try encoder.encode(page.outputs.map(StoredOutput.init)), as: UTF8.self)
            let keys = page.keys.map { String($0, radix: 16) }.joined(separator: " ")
            text += "\(path)\t\(page.source.size)\t\(page.source.modified)\t\(keys)\t\(summary)\t\(warnings)\t\(outputs)\n"
        }
        try TextFile.writeAtomically(text, to: folder.appendingPathComponent(Self.path).path, displayPath: Self.path)
    }

    /// An output as stored (JSON).
    private struct StoredOutput: Codable {
        var language: String
        var fingerprint: String
        var output: String
        var segments: Int
        var translated: Int
        var written: Bool
        var size: Int?
        var modified: Double?
        var warnings: [String]
        var page: String

        init(_ output: Output) {
            language = output.language
            fingerprint = String(output.fingerprint, radix: 16)
            self.output = output.report.output
            segments = output.report.segments
            translated = output.report.translated
            written = output.report.written
            size = output.stamp?.size
            modified = output.stamp?.modified
            warnings = output.warnings
            page = output.report.page
        }

        var restored: Output {
            Output(language: language, fingerprint: UInt64(fingerprint, radix: 16) ?? 0,
                   report: SiteBuild.PageReport(page: page, language: language, output: self.output, segments: segments,
                                                translated: translated, written: written),
                   stamp: size.flatMap { size in modified.map { Stamp(size: size, modified: $0) } }, warnings: warnings)
        }
    }
}
