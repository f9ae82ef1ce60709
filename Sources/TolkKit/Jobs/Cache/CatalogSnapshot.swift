import Foundation

/// `.tolk/catalog-KEY` (`catalog-en~de` for `Locales/en/de.po`): a copy of what the build needs of a catalogue, without its references and comments,
/// good while the PO file keeps the stamp it had (a site-scale catalogue is mostly
/// references, which the build does not need).
enum CatalogSnapshot {
    /// Removes the snapshots of catalogues that are gone.
    static func removeAll(except keys: [String], in root: URL) {
        let folder = root.appendingPathComponent(BuildCache.folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix("catalog-") && !name.hasSuffix(".json") && !keys.contains(String(name.dropFirst("catalog-".count))) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    static func path(for key: String, in root: URL) -> String {
        root.appendingPathComponent("\(BuildCache.folder)/catalog-\(key)").path
    }

    /// The copy of the catalogue at `catalogPath`, when the catalogue still holds what it was made from.
    static func load(key: String, in root: URL, catalogPath: String) -> POCatalog? {
        guard let bytes = Checksummed.contents(ofFile: path(for: key, in: root)) else { return nil }
        var reader = BinaryReader(bytes)
        guard (try? reader.readString()) == BuildCache.toolVersion, let stored = try? reader.read(FileStamp.self),
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
        if stamp != stored { try? save(catalog, key: key, in: root, stamp: stamp) }
        return catalog
    }

    static func save(_ catalog: POCatalog, key: String, in root: URL, stamp: FileStamp) throws {
        let active = catalog.entries.filter { !$0.isObsolete }
        var writer = BinaryWriter(reservingCapacity: active.count * 256)
        writer.write(BuildCache.toolVersion)
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
        try Checksummed.write(writer, to: path(for: key, in: root), displayPath: "\(BuildCache.folder)/catalog-\(key)")
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
