import Foundation

/// Reading and writing the text files Tolk works on: strictly UTF-8, written atomically.
enum TextFile {
    /// Where `path` really is, every symbolic link followed; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Reads `path` as UTF-8 text.
    ///
    /// - Parameter displayPath: how to name the file in errors (defaults to `path`).
    /// - Throws: `TolkError.unreadableFile`, `.binaryFile` (NUL bytes) or `.invalidUTF8`
    ///   with the line of the first bad byte.
    static func read(_ path: String, displayPath: String? = nil) throws -> String {
        try decode(readData(path, displayPath: displayPath), path: displayPath ?? path)
    }

    /// Reads `path`'s bytes, as they are.
    static func readData(_ path: String, displayPath: String? = nil) throws -> Data {
        // An empty file is empty Data: Foundation's reader would allocate a buffer for it.
        if try requireRegularFile(path, displayPath: displayPath ?? path) == 0 { return Data() }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw TolkError.unreadableFile(path: displayPath ?? path, reason: reasonText(error))
        }
    }

    /// Refuses what is not a regular file before it is opened: a folder, a device
    /// (`/dev/zero` would never end), a named pipe (opening one waits for a writer) or a
    /// socket, each named as what it is. A path that does not exist is left to the reader.
    /// - Returns: the file's size, nil when it does not exist.
    @discardableResult
    static func requireRegularFile(_ path: String, displayPath: String) throws -> Int? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        let kind: String
        switch status.st_mode & S_IFMT {
        case S_IFREG: return Int(status.st_size)
        case S_IFDIR: kind = "it is a folder, not a file"
        case S_IFIFO: kind = "it is a named pipe (FIFO), not a file"
        case S_IFCHR, S_IFBLK: kind = "it is a device, not a file"
        case S_IFSOCK: kind = "it is a socket, not a file"
        default: kind = "it is not a regular file"
        }
        throw TolkError.unreadableFile(path: displayPath, reason: kind)
    }

    /// Reads `path` a block at a time and hands `body` each line (without its `\n`) and
    /// its 1-based number, so a large file is never held whole. The same checks as
    /// `read`: binary data (NUL bytes, looked for a block ahead of the lines) and invalid
    /// UTF-8 (named by line) are errors; a byte order mark is dropped.
    ///
    /// Lines starting with `skippedPrefix` are counted but neither checked nor handed on
    /// (the build skips a catalogue's `#:` references that way). `eachBlock` sees the raw
    /// blocks as they are read, of `FastHash.blockSize` bytes (to hash the file on the way).
    static func forEachLine(in path: String, displayPath: String? = nil, skipping skippedPrefix: [UInt8] = [],
                                   eachBlock: ((Data) -> Void)? = nil,
                                   _ body: (_ line: Substring, _ number: Int) throws -> Void) throws {
        let name = displayPath ?? path
        _ = try requireRegularFile(path, displayPath: name)
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            throw TolkError.unreadableFile(path: name, reason: reasonText(error))
        }
        defer { try? handle.close() }
        var buffer: [UInt8] = []
        var number = 0
        func emit(_ bytes: ArraySlice<UInt8>) throws {
            number += 1
            if !skippedPrefix.isEmpty, bytes.starts(with: skippedPrefix) { return }
            guard let line = String(validating: bytes, as: UTF8.self) else {
                throw TolkError.invalidUTF8(path: name, line: number)
            }
            try body(Substring(line), number)
        }
        var first = true
        while true {
            let block: Data
            do {
                block = try handle.read(upToCount: FastHash.blockSize) ?? Data()
            } catch {
                throw TolkError.unreadableFile(path: name, reason: reasonText(error))
            }
            if block.isEmpty { break }
            eachBlock?(block)
            let binary = block.withUnsafeBytes { raw in
                buffer.append(contentsOf: raw)
                return memchr(raw.baseAddress!, 0, raw.count) != nil
            }
            if binary { throw TolkError.binaryFile(path: name) }
            if first, buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
            first = false
            // Whole lines now; the rest waits for the next block.
            var start = 0
            while let newline = buffer.withUnsafeBytes({ raw -> Int? in
                memchr(raw.baseAddress! + start, 0x0A, raw.count - start).map { UnsafeRawPointer($0) - raw.baseAddress! }
            }) {
                try emit(buffer[start..<newline])
                start = newline + 1
            }
            buffer.removeFirst(start)
        }
        // What follows the last newline is the last line, even when empty (as `split` gives it).
        try emit(buffer[...])
    }

    /// The first `count` bytes of a file (all of a shorter one).
    static func head(of path: String, count: Int = 65_536, displayPath: String? = nil) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw TolkError.unreadableFile(path: displayPath ?? path, reason: reasonText(POSIXError(POSIXErrorCode(rawValue: errno) ?? .ENOENT)))
        }
        defer { try? handle.close() }
        do {
            return [UInt8](try handle.read(upToCount: count) ?? Data())
        } catch {
            throw TolkError.unreadableFile(path: displayPath ?? path, reason: reasonText(error))
        }
    }

    /// Decodes `data` as UTF-8 text, refusing binary data and naming the first bad line.
    static func decode(_ data: Data, path: String) throws -> String {
        let bytes = [UInt8](data)
        if bytes.contains(0) {
            throw isUTF16(bytes) ? TolkError.utf16File(path: path) : TolkError.binaryFile(path: path)
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
    static func writeAtomically(_ text: String, to path: String, displayPath: String? = nil) throws {
        try writeAtomically(Data(text.utf8), to: path, displayPath: displayPath)
    }

    /// Writes `data` to `path` the same way: a temporary file, then a rename.
    static func writeAtomically(_ data: Data, to path: String, displayPath: String? = nil) throws {
        try replaceAtomically(path, displayPath: displayPath) { temporary in
            try data.write(to: temporary)
            // rename(2) replaces the old file in one step; keep its permissions.
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
               let permissions = attributes[.posixPermissions] {
                try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
        }
    }

    /// Puts a copy of the file at `source` at `path` in one step, read and written a block
    /// at a time, so a large file is never held whole.
    static func copyAtomically(from source: String, to path: String, displayPath: String? = nil) throws {
        try replaceAtomically(path, displayPath: displayPath) { temporary in
            try FileManager.default.copyItem(atPath: source, toPath: temporary.path)
        }
    }

    /// Makes `path` a second name of the file at `existing` (a hard link: no second copy of
    /// the bytes), in one step; copies instead where the file system cannot link.
    static func linkAtomically(_ existing: String, to path: String, displayPath: String? = nil) throws {
        do {
            try replaceAtomically(path, displayPath: displayPath) { temporary in
                guard link(existing, temporary.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            }
        } catch TolkError.unwritableFile {
            try copyAtomically(from: existing, to: path, displayPath: displayPath)
        }
    }

    /// Replaces `path` in one step: `fill` makes the new file at a temporary path in the same
    /// folder, which is then renamed over the old one. Nothing is left behind on failure.
    private static func replaceAtomically(_ path: String, displayPath: String?, fill: (URL) throws -> Void) throws {
        try refuseSymbolicLinks(in: path, displayPath: displayPath)
        let url = URL(fileURLWithPath: path)
        let temporary = temporaryFile(beside: url)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            unlink(temporary.path)
            try fill(temporary)
            guard rename(temporary.path, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(temporary.path)
            throw TolkError.unwritableFile(path: displayPath ?? path, reason: reasonText(error))
        }
    }

    /// `.NAME.PID.tmp` beside `url`: where a write goes before it is renamed into place
    /// (`removeStaleTemporaryFiles` finds those a killed run left).
    private static func temporaryFile(beside url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    }

    /// Tolk never writes through or over a symbolic link: a link among the folders of a
    /// project-relative `displayPath` (`Output/de`), or the file itself, stops the write,
    /// so a link cannot send a build outside the project or be replaced by a file.
    static func refuseSymbolicLinks(in path: String, displayPath: String?) throws {
        guard let display = displayPath, !display.hasPrefix("/"), path.hasSuffix("/" + display) else { return }
        let root = String(path.utf8.dropLast(display.utf8.count + 1))!
        var shown = ""
        for component in display.split(separator: "/") {
            shown += (shown.isEmpty ? "" : "/") + component
            var info = stat()
            if lstat(root + "/" + shown, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
                throw TolkError.unsafeLink(path: shown, problem: "Tolk does not write through links")
            }
        }
    }

    /// Writes a file piece by piece through a temporary file, and renames it over `path`
    /// only if the bytes differ from what is there (same length and hash: unchanged).
    ///
    /// - Parameter readAs: when given, what the file held when the caller read it (nil:
    ///   it did not exist). If it holds something else now, someone saved it meanwhile:
    ///   nothing is written and `TolkError.changedWhileRunning` is thrown.
    /// - Returns: true when the file was replaced.
    static func writeAtomicallyIfChanged(to path: String, displayPath: String? = nil, readAs: FileStamp?? = .none,
                                                _ produce: ((String) throws -> Void) throws -> Void) throws -> Bool {
        let name = displayPath ?? path
        try refuseSymbolicLinks(in: path, displayPath: displayPath)
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = temporaryFile(beside: url)
        // Both sides are hashed in the same blocks, so equal bytes give equal hashes.
        let block = FastHash.blockSize
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temporary.path) else {
                throw POSIXError(.EACCES)
            }
            var length = 0
            var hash = FastHash()
            var pending = Data()
            func flush(all: Bool) throws {
                while pending.count >= block || (all && !pending.isEmpty) {
                    let piece = pending.prefix(block)
                    try handle.write(contentsOf: piece)
                    hash.combine(blocksOf: Data(piece))
                    length += piece.count
                    pending.removeFirst(piece.count)
                }
            }
            do {
                try produce { text in
                    pending.append(contentsOf: text.utf8)
                    try flush(all: false)
                }
                try flush(all: true)
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            // The file as it is now, just before the rename, so a save that came in while
            // Tolk worked is noticed rather than overwritten.
            let old = FileStamp(fileAt: path)
            if case let .some(expected) = readAs, !FileStamp.sameBytes(expected, old) {
                try? FileManager.default.removeItem(at: temporary)
                throw TolkError.changedWhileRunning(path: name)
            }
            if let old, old.size == length, old.content == hash.value {
                try? FileManager.default.removeItem(at: temporary)
                return false
            }
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
               let permissions = attributes[.posixPermissions] {
                try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            guard rename(temporary.path, path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            return true
        } catch let error as TolkError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw TolkError.unwritableFile(path: name, reason: reasonText(error))
        }
    }

    /// Removes the temporary files (`.NAME.PID.tmp`) that Tolk runs killed before their
    /// rename left in `folder` and, with `recursive`, its subfolders. Files of a process
    /// that is still running are left alone: it may be writing them.
    static func removeStaleTemporaryFiles(in folder: String, recursive: Bool) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            let path = folder + "/" + name
            if name.hasPrefix("."), name.hasSuffix(".tmp") {
                let parts = name.dropLast(4).split(separator: ".")
                if let last = parts.last, let pid = Int32(last), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                    unlink(path)
                }
            } else if recursive, Int32(entry.pointee.d_type) == DT_DIR, name != ".", name != ".." {
                removeStaleTemporaryFiles(in: path, recursive: true)
            }
        }
    }

    /// True for text in UTF-16: a byte order mark, or every other byte NUL in ASCII text.
    static func isUTF16(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        let sample = bytes.prefix(512)
        guard sample.count >= 8 else { return false }
        let even = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
        let odd = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
        return max(even, odd) * 10 >= sample.count * 4 && min(even, odd) * 10 <= sample.count / 2
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

/// A report a command writes where its user says (`-o FILE`): whole or not at all.
public enum OutputFile {
    /// Writes `text` to a temporary file beside `path`, then renames it into place.
    ///
    /// - Throws: `TolkError.unwritableFile` naming the file.
    public static func write(_ text: String, to path: String) throws {
        try TextFile.writeAtomically(text, to: path)
    }
}
