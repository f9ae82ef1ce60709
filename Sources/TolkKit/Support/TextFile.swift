import Foundation

/// Reading and writing the text files Tolk works on: strictly UTF-8, written atomically.
public enum TextFile {
    /// Reads `path` as UTF-8 text.
    ///
    /// - Parameter displayPath: how to name the file in errors (defaults to `path`).
    /// - Throws: `TolkError.unreadableFile`, `.binaryFile` (NUL bytes) or `.invalidUTF8`
    ///   with the line of the first bad byte.
    public static func read(_ path: String, displayPath: String? = nil) throws -> String {
        let name = displayPath ?? path
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw TolkError.unreadableFile(path: name, reason: reasonText(error))
        }
        return try decode(data, path: name)
    }

    /// Decodes `data` as UTF-8 text, refusing binary data and naming the first bad line.
    public static func decode(_ data: Data, path: String) throws -> String {
        let bytes = [UInt8](data)
        if bytes.contains(0) {
            throw TolkError.binaryFile(path: path)
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
        }
        if let text = String(validating: body, as: UTF8.self) {
            return text
        }
        throw TolkError.invalidUTF8(path: path, line: firstInvalidLine(Array(body)))
    }

    /// Writes `text` to `path` through a temporary file in the same folder and a rename,
    /// so a reader (or a crash) never sees half a file.
    public static func writeAtomically(_ text: String, to path: String, displayPath: String? = nil) throws {
        try writeAtomically(Data(text.utf8), to: path, displayPath: displayPath)
    }

    /// Writes `data` to `path` the same way: a temporary file, then a rename.
    public static func writeAtomically(_ data: Data, to path: String, displayPath: String? = nil) throws {
        let name = displayPath ?? path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: temporary)
            // rename(2) replaces the old file in one step; keep its permissions.
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
               let permissions = attributes[.posixPermissions] {
                try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            guard rename(temporary.path, path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw TolkError.unwritableFile(path: name, reason: reasonText(error))
        }
    }

    /// The 1-based line holding the first byte that is not valid UTF-8.
    static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return line
            }
            if index + length > bytes.count { return line }
            if length > 1, String(validating: bytes[index..<index + length], as: UTF8.self) == nil {
                return line
            }
            if byte == 0x0A { line += 1 }
            index += length
        }
        return line
    }

    static func reasonText(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if let posix = error as? POSIXError {
            return String(cString: strerror(posix.code.rawValue))
        }
        if nsError.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(nsError.code)))
        }
        switch nsError.code {
        case NSFileReadNoSuchFileError: return "no such file"
        case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
        default: return nsError.localizedDescription
        }
    }
}
