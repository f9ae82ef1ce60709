/// Checks that a translation uses exactly the placeholders of its source, properly nested.
///
/// Translators may reorder placeholders; they may not drop, invent, repeat, unpair or
/// cross them. Nor may it hold a character no page may hold (a NUL, another control; see
/// `ForbiddenCharacters.isForbidden`). A translation that fails is not used.
public enum PlaceholderCheck {
    /// The translation's pieces when its placeholders match the source's, or what is wrong.
    public static func validate(translation: String, source: String) -> Result<[MessageText.Piece], Problem> {
        if let forbidden = ForbiddenCharacters.firstForbidden(in: translation) { return .failure(.forbiddenCharacter(forbidden)) }
        var paired = Set<Int>(), empty = Set<Int>()
        for piece in MessageText.parse(source) {
            switch piece {
            case let .open(number): paired.insert(number)
            case let .empty(number): empty.insert(number)
            case .close, .text: break
            }
        }
        let pieces = MessageText.parse(translation)
        var open: [Int] = []
        var seen = Set<Int>()
        for piece in pieces {
            switch piece {
            case .text:
                continue
            case let .open(number):
                guard paired.contains(number) else {
                    return .failure(empty.contains(number) ? .wrongKind("<\(number)>", expected: "<\(number)/>") : .unknown("<\(number)>"))
                }
                guard seen.insert(number).inserted else { return .failure(.duplicated("<\(number)>")) }
                open.append(number)
            case let .close(number):
                guard let last = open.last else { return .failure(.badlyNested("</\(number)> closes nothing")) }
                guard last == number else { return .failure(.badlyNested("</\(number)> closes <\(last)>")) }
                open.removeLast()
            case let .empty(number):
                guard empty.contains(number) else {
                    return .failure(paired.contains(number) ? .wrongKind("<\(number)/>", expected: "<\(number)>…</\(number)>") : .unknown("<\(number)/>"))
                }
                guard seen.insert(number).inserted else { return .failure(.duplicated("<\(number)/>")) }
            }
        }
        if let last = open.last { return .failure(.badlyNested("<\(last)> is never closed")) }
        let missing = paired.union(empty).subtracting(seen).sorted()
        if let first = missing.first {
            return .failure(.missing(paired.contains(first) ? "<\(first)>…</\(first)>" : "<\(first)/>"))
        }
        return .success(pieces)
    }

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case missing(String)
        case unknown(String)
        case duplicated(String)
        case wrongKind(String, expected: String)
        case badlyNested(String)
        /// A control character or noncharacter, which no page may hold.
        case forbiddenCharacter(Unicode.Scalar)

        public var description: String {
            switch self {
            case let .missing(placeholder): return "placeholder \(placeholder) is missing"
            case let .unknown(placeholder): return "placeholder \(placeholder) is not in the source"
            case let .duplicated(placeholder): return "placeholder \(placeholder) appears twice"
            case let .wrongKind(found, expected): return "placeholder \(found) should be \(expected)"
            case let .badlyNested(detail): return "placeholders are badly nested: \(detail)"
            case let .forbiddenCharacter(scalar):
                return "it holds \(InvisibleCharacters.code(scalar)), which no page may hold"
            }
        }
    }
}
