/// The text format of msgids and msgstrs: plain Unicode text with numbered placeholders.
///
/// A paired inline element is `<N>…</N>`, an empty one (or protected content) `<N/>`.
/// Works on Unicode scalars, so a combining mark after `>` cannot hide a placeholder.
/// Literal text that would read as markup of this kind is escaped: a backslash is
/// written `\\`, and a `<` that would start a placeholder is written `\<`.
public enum MessageText {
    /// One piece of a parsed message.
    public enum Piece: Sendable, Equatable {
        case text(String)
        case open(Int)
        case close(Int)
        case empty(Int)
    }

    /// Escapes literal text so that it can never be read as a placeholder.
    public static func escape(_ literal: String) -> String {
        guard literal.utf8.contains(where: { $0 == 0x5C || $0 == 0x3C }) else { return literal }
        var result = String.UnicodeScalarView()
        let scalars = Array(literal.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\\" {
                result += "\\\\".unicodeScalars
            } else if scalar == "<", placeholder(in: scalars, at: index) != nil {
                result += "\\<".unicodeScalars
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Splits a message into text and placeholders, undoing the escapes.
    public static func parse(_ message: String) -> [Piece] {
        var pieces: [Piece] = []
        var text = String.UnicodeScalarView()
        let scalars = Array(message.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count, scalars[index + 1] == "\\" || scalars[index + 1] == "<" {
                text.append(scalars[index + 1])
                index += 2
            } else if scalar == "<", let (piece, length) = placeholder(in: scalars, at: index) {
                if !text.isEmpty { pieces.append(.text(String(text))) }
                text = String.UnicodeScalarView()
                pieces.append(piece)
                index += length
            } else {
                text.append(scalar)
                index += 1
            }
        }
        if !text.isEmpty { pieces.append(.text(String(text))) }
        return pieces
    }

    /// The literal text of a message: placeholders dropped, escapes undone.
    public static func plainText(_ message: String) -> String {
        parse(message).reduce(into: "") { result, piece in
            if case let .text(text) = piece { result += text }
        }
    }

    /// Reads `<N>`, `</N>` or `<N/>` starting at `index`.
    static func placeholder(in characters: [Unicode.Scalar], at index: Int) -> (Piece, Int)? {
        var cursor = index + 1
        let closing = cursor < characters.count && characters[cursor] == "/"
        if closing { cursor += 1 }
        var digits = ""
        while cursor < characters.count, ("0"..."9").contains(characters[cursor]), digits.count < 6 {
            digits.unicodeScalars.append(characters[cursor])
            cursor += 1
        }
        guard !digits.isEmpty, digits.first != "0", let number = Int(digits), cursor < characters.count else { return nil }
        if characters[cursor] == ">" {
            return (closing ? .close(number) : .open(number), cursor + 1 - index)
        }
        if !closing, characters[cursor] == "/", cursor + 1 < characters.count, characters[cursor + 1] == ">" {
            return (.empty(number), cursor + 2 - index)
        }
        return nil
    }
}
