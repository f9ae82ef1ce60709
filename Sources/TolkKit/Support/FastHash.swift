import Foundation

/// A fast 64-bit hash (FNV-1a over 8-byte words, then mixed), for the build cache's
/// fingerprints. Not cryptographic: it only has to notice that something changed.
struct FastHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            value = (value ^ word) &* 0x0000_0100_0000_01B3
            value ^= value >> 29
            index += 8
        }
        while index < count {
            value = (value ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
            index += 1
        }
        // Separate successive values, so ("ab","c") and ("a","bc") differ.
        value = (value ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15
    }

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    /// A value that may be missing: nil and the empty string differ.
    mutating func combine(_ text: String?) {
        combine(UInt64(text == nil ? 0 : 1))
        if let text { combine(text) }
    }

    mutating func combine(_ number: UInt64) {
        withUnsafeBytes(of: number) { combine($0) }
    }

    /// Files are hashed in blocks of this size, so a file hashed block by block as it is
    /// read or written gives the same value as the same bytes hashed at once.
    static let blockSize = 1 << 20

    mutating func combine(blocksOf data: Data) {
        data.withUnsafeBytes { bytes in
            for start in stride(from: 0, to: bytes.count, by: Self.blockSize) {
                combine(UnsafeRawBufferPointer(rebasing: bytes[start..<min(start + Self.blockSize, bytes.count)]))
            }
        }
    }

    static func of(_ text: String) -> UInt64 {
        var hash = FastHash()
        hash.combine(text)
        return hash.value
    }
}
