/// A gettext `plural=` expression (C syntax over `n`), parsed so that two of them can be
/// compared by what they compute, not how they are written.
struct PluralExpression: Sendable {
    indirect enum Node: Sendable {
        case number(Int)
        case n
        case unary(String, Node)
        case binary(String, Node, Node)
        case conditional(Node, Node, Node)
    }

    let root: Node

    /// Parses an expression such as `(n%10==1 && n%100!=11 ? 0 : 1)`; nil when it is not one.
    init?(_ text: String) {
        var parser = Parser(tokens: Self.tokens(text))
        guard let tokens = parser.tokens, let root = parser.conditional(), parser.position == tokens.count else { return nil }
        self.root = root
    }

    /// The form index for `n`, as gettext computes it (nil on division by zero).
    func evaluate(_ n: Int) -> Int? {
        Self.evaluate(root, n)
    }

    private static func evaluate(_ node: Node, _ n: Int) -> Int? {
        switch node {
        case let .number(value): return value
        case .n: return n
        case let .unary(op, operand):
            guard let value = evaluate(operand, n) else { return nil }
            return op == "!" ? (value == 0 ? 1 : 0) : -value
        case let .conditional(condition, then, otherwise):
            guard let value = evaluate(condition, n) else { return nil }
            return value != 0 ? evaluate(then, n) : evaluate(otherwise, n)
        case let .binary(op, left, right):
            guard let a = evaluate(left, n) else { return nil }
            if op == "&&" { return a == 0 ? 0 : evaluate(right, n).map { $0 != 0 ? 1 : 0 } }
            if op == "||" { return a != 0 ? 1 : evaluate(right, n).map { $0 != 0 ? 1 : 0 } }
            guard let b = evaluate(right, n) else { return nil }
            switch op {
            case "==": return a == b ? 1 : 0
            case "!=": return a != b ? 1 : 0
            case "<": return a < b ? 1 : 0
            case "<=": return a <= b ? 1 : 0
            case ">": return a > b ? 1 : 0
            case ">=": return a >= b ? 1 : 0
            case "+": return a &+ b
            case "-": return a &- b
            case "*": return a &* b
            case "/": return b == 0 ? nil : a / b
            case "%": return b == 0 ? nil : a % b
            default: return nil
            }
        }
    }

    private static func tokens(_ text: String) -> [String]? {
        var tokens: [String] = []
        var scalars = Array(text.unicodeScalars)[...]
        while let first = scalars.first {
            if first == " " || first == "\t" || first == "\n" { scalars.removeFirst(); continue }
            if ("0"..."9").contains(first) {
                let digits = scalars.prefix { ("0"..."9").contains($0) }
                tokens.append(String(String.UnicodeScalarView(digits)))
                scalars.removeFirst(digits.count)
                continue
            }
            let two = String(String.UnicodeScalarView(scalars.prefix(2)))
            if ["==", "!=", "<=", ">=", "&&", "||"].contains(two) {
                tokens.append(two)
                scalars.removeFirst(2)
                continue
            }
            guard "n()?:!<>+-*/%".unicodeScalars.contains(first) else { return nil }
            tokens.append(String(first))
            scalars.removeFirst()
        }
        return tokens
    }

    /// Recursive descent over C's precedence levels, from `?:` down to unary operators.
    private struct Parser {
        let tokens: [String]?
        var position = 0
        static let levels: [[String]] = [["||"], ["&&"], ["==", "!="], ["<", "<=", ">", ">="], ["+", "-"], ["*", "/", "%"]]

        init(tokens: [String]?) {
            self.tokens = tokens
        }

        var next: String? {
            guard let tokens, position < tokens.count else { return nil }
            return tokens[position]
        }

        mutating func conditional() -> Node? {
            guard let condition = binary(0) else { return nil }
            guard next == "?" else { return condition }
            position += 1
            guard let then = conditional(), next == ":" else { return nil }
            position += 1
            guard let otherwise = conditional() else { return nil }
            return .conditional(condition, then, otherwise)
        }

        mutating func binary(_ level: Int) -> Node? {
            guard level < Self.levels.count else { return unary() }
            guard var left = binary(level + 1) else { return nil }
            while let op = next, Self.levels[level].contains(op) {
                position += 1
                guard let right = binary(level + 1) else { return nil }
                left = .binary(op, left, right)
            }
            return left
        }

        mutating func unary() -> Node? {
            switch next {
            case "!", "-":
                let op = next!
                position += 1
                return unary().map { .unary(op, $0) }
            case "(":
                position += 1
                guard let inner = conditional(), next == ")" else { return nil }
                position += 1
                return inner
            case "n":
                position += 1
                return .n
            case let token?:
                guard let value = Int(token) else { return nil }
                position += 1
                return .number(value)
            case nil:
                return nil
            }
        }
    }
}
