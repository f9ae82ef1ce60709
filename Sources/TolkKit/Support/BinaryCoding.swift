import Foundation

/// A small binary format for the files under `.tolk/`: little-endian 64-bit numbers and
/// length-prefixed UTF-8, written and read field by field. At site scale it reads and
/// writes an order of magnitude faster than JSON, with no intermediate tree in memory.
///
/// Reading checks every length against what is left, so a damaged or foreign file is an
/// error (the cache is then ignored), never a crash or a huge allocation.
protocol BinaryCodable {
    func write(to writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws
}

struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes written, handed over without a copy.
    consuming func take() -> [UInt8] {
        bytes
    }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: some BinaryCodable) {
        value.write(to: &self)
    }
}

struct BinaryReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func readWord() throws -> UInt64 {
        guard bytes.count - offset >= 8 else { throw Damaged() }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        offset += 8
        return UInt64(littleEndian: value)
    }

    /// A count of things still to read, each at least `minimumSize` bytes long.
    mutating func readCount(minimumSize: Int = 1) throws -> Int {
        let count = try readWord()
        guard count <= UInt64((bytes.count - offset) / max(minimumSize, 1)) else { throw Damaged() }
        return Int(count)
    }

    mutating func readString() throws -> String {
        let count = try readCount()
        let text = bytes[offset..<(offset + count)].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
        offset += count
        return text
    }

    mutating func read<Value: BinaryCodable>(_: Value.Type = Value.self) throws -> Value {
        try Value(from: &self)
    }
}

extension UInt64: BinaryCodable {
    func write(to writer: inout BinaryWriter) { writer.write(self) }
    init(from reader: inout BinaryReader) throws { self = try reader.readWord() }
}

extension Int: BinaryCodable {
    func write(to writer: inout BinaryWriter) { writer.write(UInt64(bitPattern: Int64(self))) }
    init(from reader: inout BinaryReader) throws { self = Int(Int64(bitPattern: try reader.readWord())) }
}

extension Bool: BinaryCodable {
    func write(to writer: inout BinaryWriter) { writer.write(self ? 1 as UInt64 : 0) }
    init(from reader: inout BinaryReader) throws {
        switch try reader.readWord() {
        case 0: self = false
        case 1: self = true
        default: throw BinaryReader.Damaged()
        }
    }
}

extension String: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(UInt64(utf8.count))
        writer.write(bytes: utf8)
    }

    init(from reader: inout BinaryReader) throws { self = try reader.readString() }
}

extension BinaryWriter {
    fileprivate mutating func write(bytes utf8: String.UTF8View) {
        bytes.append(contentsOf: utf8)
    }
}

extension Optional: BinaryCodable where Wrapped: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        if let value = self {
            writer.write(1 as UInt64)
            writer.write(value)
        } else {
            writer.write(0 as UInt64)
        }
    }

    init(from reader: inout BinaryReader) throws {
        self = try reader.read(Bool.self) ? try reader.read(Wrapped.self) : nil
    }
}

extension Array: BinaryCodable where Element: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(UInt64(count))
        for element in self { writer.write(element) }
    }

    init(from reader: inout BinaryReader) throws {
        let count = try reader.readCount(minimumSize: 8)
        self = []
        reserveCapacity(count)
        for _ in 0..<count { append(try reader.read(Element.self)) }
    }
}

/// Sets and dictionaries are written in sorted order, so the same contents give the same bytes.
extension Set: BinaryCodable where Element: BinaryCodable & Comparable {
    func write(to writer: inout BinaryWriter) { writer.write(sorted()) }
    init(from reader: inout BinaryReader) throws { self = Set(try reader.read([Element].self)) }
}

extension Dictionary: BinaryCodable where Key: BinaryCodable & Comparable, Value: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(UInt64(count))
        for key in keys.sorted() {
            writer.write(key)
            writer.write(self[key]!)
        }
    }

    init(from reader: inout BinaryReader) throws {
        let count = try reader.readCount(minimumSize: 16)
        self = [:]
        reserveCapacity(count)
        for _ in 0..<count {
            let key = try reader.read(Key.self)
            self[key] = try reader.read(Value.self)
        }
    }
}

/// A record that knows whether it is intact: its bytes followed by a hash of them. A
/// record whose hash does not match (a flipped bit, a truncated or foreign file) reads as
/// nothing, so a damaged cache can only cost a rebuild, never change a page.
///
/// A cache file is tens of megabytes at site scale, so both ways work on the one array
/// (no copies into `Data` and back): the writer's bytes get the hash appended in place
/// and are written as they are; a file is read straight into the array that is returned.
enum Checksummed {
    /// Writes the writer's bytes and their hash to `path` atomically (`TextFile.writeAtomically`).
    static func write(_ writer: consuming BinaryWriter, to path: String, displayPath: String) throws {
        var bytes = writer.take()
        var hash = FastHash()
        bytes.withUnsafeBytes { hash.combine($0) }
        withUnsafeBytes(of: hash.value.littleEndian) { bytes.append(contentsOf: $0) }
        try bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            try TextFile.writeAtomically(Data(bytesNoCopy: base, count: buffer.count, deallocator: .none), to: path, displayPath: displayPath)
        }
    }

    /// The record in the file at `path` without its hash; nil when there is no such file
    /// or the hash does not match.
    static func contents(ofFile path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size >= 8 else { return nil }
        let size = Int(status.st_size)
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let done = read(descriptor, buffer.baseAddress! + count, size - count)
                guard done > 0 else { break }
                count += done
            }
        }
        guard bytes.count == size else { return nil }
        var stored: UInt64 = 0
        withUnsafeMutableBytes(of: &stored) { $0.copyBytes(from: bytes[(size - 8)...]) }
        var hash = FastHash()
        bytes.withUnsafeBytes { hash.combine(UnsafeRawBufferPointer(rebasing: $0[..<(size - 8)])) }
        guard hash.value == UInt64(littleEndian: stored) else { return nil }
        bytes.removeLast(8)
        return bytes
    }
}
