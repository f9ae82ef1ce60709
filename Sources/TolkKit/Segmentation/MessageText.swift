/// The text format of msgids and msgstrs: plain Unicode text with numbered placeholders.
///
/// A paired inline element is `<N>…</N>`, an empty one (or protected content) `<N/>`.
/// Literal text that would read as markup of this kind is escaped: a backslash is
/// written `\\`, and a `<` that would start a placeholder is written `\<`.
///
/// The syntax is all ASCII, so it is read on UTF-8 bytes: no byte of a multi-byte
/// character can be mistaken for it, and a combining mark after `>` cannot hide a
/// placeholder (it would, read as `Character`s).
public enum MessageText {
    /// One piece of a parsed message.
    public enum Piece: Sendable, Equatable {
        case text(String)
        case open(Int)
        case close(Int)
        case empty(Int)
    }

    private static let backslash: UInt8 = 0x5C, less: UInt8 = 0x3C, slash: UInt8 = 0x2F, greater: UInt8 = 0x3E

    /// Escapes literal text so that it can never be read as a placeholder.
    public static func escape(_ literal: String) -> String {
        guard literal.utf8.contains(where: { $0 == backslash || $0 == less }) else { return literal }
        let bytes = Array(literal.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 4)
        for (index, byte) in bytes.enumerated() {
            if byte == backslash {
                result += [backslash, backslash]
            } else if byte == less, placeholder(in: bytes, at: index) != nil {
                result += [backslash, less]
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `message` with each placeholder's number `N` replaced by `renumber(N)`, and every
    /// other byte (escapes included) as it was.
    static func renumbering(_ message: String, _ renumber: (Int) -> Int) -> String {
        guard message.utf8.contains(less) else { return message }
        let bytes = Array(message.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == backslash, index + 1 < bytes.count, bytes[index + 1] == backslash || bytes[index + 1] == less {
                result += bytes[index...index + 1]
                index += 2
            } else if bytes[index] == less, let (piece, length) = placeholder(in: bytes, at: index) {
                switch piece {
                case let .open(number): result += Array("<\(renumber(number))>".utf8)
                case let .close(number): result += Array("</\(renumber(number))>".utf8)
                case let .empty(number): result += Array("<\(renumber(number))/>".utf8)
                case .text: result += bytes[index..<index + length]
                }
                index += length
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Splits a message into text and placeholders, undoing the escapes.
    public static func parse(_ message: String) -> [Piece] {
        guard message.utf8.contains(where: { $0 == backslash || $0 == less }) else {
            return message.isEmpty ? [] : [.text(message)]
        }
        let bytes = Array(message.utf8)
        var pieces: [Piece] = []
        var text: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == backslash, index + 1 < bytes.count, bytes[index + 1] == backslash || bytes[index + 1] == less {
                text.append(bytes[index + 1])
                index += 2
            } else if byte == less, let (piece, length) = placeholder(in: bytes, at: index) {
                if !text.isEmpty { pieces.append(.text(String(decoding: text, as: UTF8.self))) }
                text.removeAll(keepingCapacity: true)
                pieces.append(piece)
                index += length
            } else {
                text.append(byte)
                index += 1
            }
        }
        if !text.isEmpty { pieces.append(.text(String(decoding: text, as: UTF8.self))) }
        return pieces
    }

    /// The numbers of the pairs `pieces` open and close: a pair whose other half is not
    /// among them (cut by a sentence break) is an isolated code in an exchange file.
    public static func halves(of pieces: [Piece]) -> (opened: Set<Int>, closed: Set<Int>) {
        var opened = Set<Int>(), closed = Set<Int>()
        for piece in pieces {
            if case let .open(number) = piece { opened.insert(number) }
            if case let .close(number) = piece { closed.insert(number) }
        }
        return (opened, closed)
    }

    /// The message text of `pieces`, as `parse` would read it back.
    public static func text(of pieces: [Piece]) -> String {
        pieces.reduce(into: "") { result, piece in
            switch piece {
            case let .text(text): result += escape(text)
            case let .open(number): result += "<\(number)>"
            case let .close(number): result += "</\(number)>"
            case let .empty(number): result += "<\(number)/>"
            }
        }
    }

    /// The literal text of a message: placeholders dropped, escapes undone.
    public static func plainText(_ message: String) -> String {
        parse(message).reduce(into: "") { result, piece in
            if case let .text(text) = piece { result += text }
        }
    }

    /// Reads `<N>`, `</N>` or `<N/>` starting at `index` (N from 1, at most six digits).
    static func placeholder(in bytes: [UInt8], at index: Int) -> (Piece, Int)? {
        var cursor = index + 1
        let closing = cursor < bytes.count && bytes[cursor] == slash
        if closing { cursor += 1 }
        let digitsStart = cursor
        var number = 0
        while cursor < bytes.count, (0x30...0x39).contains(bytes[cursor]), cursor - digitsStart < 6 {
            number = number * 10 + Int(bytes[cursor] - 0x30)
            cursor += 1
        }
        guard cursor > digitsStart, bytes[digitsStart] != 0x30, cursor < bytes.count else { return nil }
        if bytes[cursor] == greater {
            return (closing ? .close(number) : .open(number), cursor + 1 - index)
        }
        if !closing, bytes[cursor] == slash, cursor + 1 < bytes.count, bytes[cursor + 1] == greater {
            return (.empty(number), cursor + 2 - index)
        }
        return nil
    }
}
