import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a file held: its size, modification time and a hash of its bytes (taken in
/// `FastHash.blockSize` blocks). The one stamp of every file Tolk reads and writes: the
/// build cache checks with a stat(2) first, the hash keeps a file that a checkout, a copy
/// or a CI cache restore gave a new time (but the same bytes) from counting as changed;
/// a job writing back a catalogue compares bytes (`sameBytes`) to notice a save meanwhile.
struct FileStamp: Equatable, Sendable {
    var size: Int
    var modified: Int
    var content: UInt64

    /// Stands for a file that could not be read: matches no file.
    static let missing = FileStamp(size: -1, modified: 0, content: 0)

    init(size: Int, modified: Int, content: UInt64) {
        self.size = size
        self.modified = modified
        self.content = content
    }

    /// The stamp of the file at `path`, its bytes hashed a block at a time.
    init?(fileAt path: String) {
        guard let (size, modified) = Self.sizeAndTime(path), let content = Self.hash(fileAt: path) else { return nil }
        self.init(size: size, modified: modified, content: content)
    }

    /// The stamp of `path`, whose bytes are `data` (read just after the stat, or just written).
    init?(path: String, data: Data) {
        guard let (size, modified) = Self.sizeAndTime(path) else { return nil }
        self.init(size: size, modified: modified, content: Self.hash(data))
    }

    /// Whether two stamps (nil: no file) are of the same bytes, whatever their times.
    static func sameBytes(_ a: FileStamp?, _ b: FileStamp?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.size == b.size && a.content == b.content
    }

    /// A file's stamp taken as it is read: the stat before the read, the bytes hashed as they come.
    struct Reader {
        private let time: (Int, Int)?
        private var size = 0
        private var hash = FastHash()

        init(path: String) {
            time = FileStamp.sizeAndTime(path)
        }

        mutating func add(_ block: Data) {
            size += block.count
            hash.combine(blocksOf: block)
        }

        /// The stamp of the bytes read, with the time of the stat (0 when there was none).
        var stamp: FileStamp { FileStamp(size: size, modified: time?.1 ?? 0, content: hash.value) }
    }

    /// The file's stamp now, when it still holds the bytes this stamp was taken of; nil
    /// when it changed or is gone.
    func current(at path: String) -> FileStamp? {
        guard let (size, modified) = Self.sizeAndTime(path), size == self.size else { return nil }
        if modified == self.modified { return self }
        guard Self.hash(fileAt: path) == content else { return nil }
        return FileStamp(size: size, modified: modified, content: content)
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

extension FileStamp: BinaryCodable {
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
