
/// gettext `Plural-Forms` headers, made from the language's CLDR plural rules in ICU.
///
/// A PO catalogue counts whole things, so a language has the plural categories whole
/// numbers reach (checked with ICU for 0–999; French "many", only for millions, is not
/// one, as in gettext's own table). The C expression is the CLDR rules with every
/// fraction operand (v, w, f, t, c, e) zero, in CLDR's order of categories.
public enum PluralForms {
    /// The `Plural-Forms` value for a language, e.g. `nplurals=2; plural=(n != 1);` for German.
    public static func header(for language: String) -> String {
        headers.value(for: language) { makeHeader(for: language) }
    }

    /// The number of plural forms in a `Plural-Forms` value (`nplurals=N`).
    public static func count(in header: String) -> Int? {
        guard let range = header.range(of: "nplurals=") else { return nil }
        return Int(header[range.upperBound...].drop { $0 == " " }.prefix { $0.isNumber })
    }

    /// The `plural=` expression of a `Plural-Forms` value, parsed.
    static func expression(in header: String) -> PluralExpression? {
        guard let range = header.range(of: "plural=", options: [], range: (header.range(of: "nplurals=")?.upperBound ?? header.startIndex)..<header.endIndex)
        else { return nil }
        var text = header[range.upperBound...]
        if let end = text.lastIndex(of: ";") { text = text[..<end] }
        return PluralExpression(String(text))
    }

    /// True when two `Plural-Forms` values have the same number of forms and choose the
    /// same form for every count up to 10,000.
    public static func agree(_ first: String, _ second: String) -> Bool {
        guard let count = count(in: first), count == Self.count(in: second),
              let a = expression(in: first), let b = expression(in: second) else { return false }
        return (0...10_000).allSatisfy { a.evaluate($0) == b.evaluate($0) }
    }

    private static let headers = LocaleCache<String>()
    static let order = ["zero", "one", "two", "few", "many", "other"]

    private static func makeHeader(for language: String) -> String {
        guard let rules = ICUPlurals.rules(for: language) else { return "nplurals=1; plural=0;" }
        var conditions: [String: Condition] = [:]
        for rule in rules.split(separator: ";") {
            guard let colon = rule.firstIndex(of: ":") else { continue }
            let keyword = rule[..<colon].trimmingHTMLWhitespace()
            let body = rule[rule.index(after: colon)...].split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            conditions[keyword] = Condition.parse(String(body))
        }
        let reached = Set((0..<1000).map { select(language, $0) })
        let categories = order.filter { reached.contains($0) }
        guard categories.count > 1 else { return "nplurals=1; plural=0;" }
        let chain = categories.dropLast().map { conditions[$0] ?? .constant(false) }
        if categories.count == 2 {
            // The two forms gettext writes for most languages, in its own words.
            switch chain[0].c {
            case "n == 1": return "nplurals=2; plural=(n != 1);"
            case "n == 0 || n == 1", "n >= 0 && n <= 1": return "nplurals=2; plural=(n > 1);"
            default: break
            }
        }
        var expression = ""
        for (index, condition) in chain.enumerated() { expression += "\(condition.c) ? \(index) : " }
        return "nplurals=\(categories.count); plural=(\(expression)\(categories.count - 1));"
    }

    static func select(_ language: String, _ number: Int) -> String {
        ICUPlurals.category(of: Double(number), in: language)
    }

    /// A CLDR plural condition for whole numbers: fraction operands are zero, `n` and `i`
    /// are the count. Constants are folded away.
    indirect enum Condition: Equatable {
        case constant(Bool)
        case test(String)
        case and(Condition, Condition)
        case or(Condition, Condition)

        var c: String {
            switch self {
            case let .constant(value): value ? "1" : "0"
            case let .test(text): text
            case let .and(a, b): "\(a.parenthesizedForAnd) && \(b.parenthesizedForAnd)"
            case let .or(a, b): "\(a.c) || \(b.c)"
            }
        }

        private var parenthesizedForAnd: String {
            if case .or = self { return "(\(c))" }
            return c
        }

        static func both(_ a: Condition, _ b: Condition) -> Condition {
            switch (a, b) {
            case (.constant(false), _), (_, .constant(false)): .constant(false)
            case (.constant(true), _): b
            case (_, .constant(true)): a
            default: .and(a, b)
            }
        }

        static func either(_ a: Condition, _ b: Condition) -> Condition {
            switch (a, b) {
            case (.constant(true), _), (_, .constant(true)): .constant(true)
            case (.constant(false), _): b
            case (_, .constant(false)): a
            default: .or(a, b)
            }
        }

        /// Parses `v = 0 and i % 100 = 3..4 or v != 0` (CLDR's rule syntax).
        static func parse(_ text: String) -> Condition {
            let words = text.replacingOccurrences(of: "!=", with: "\u{2260}").replacingOccurrences(of: "=", with: " = ")
                .replacingOccurrences(of: "\u{2260}", with: " != ").replacingOccurrences(of: "%", with: " % ")
                .replacingOccurrences(of: ",", with: " , ").split(whereSeparator: { $0 == " " }).map(String.init)
            if words.isEmpty { return .constant(true) }  // "other" has no condition
            return words.split(separator: "or").map { conjunction in
                conjunction.split(separator: "and").map { relation(Array($0)) }.reduce(.constant(true), both)
            }.reduce(.constant(false), either)
        }

        private static func relation(_ words: [String]) -> Condition {
            guard let operand = words.first else { return .constant(false) }
            var index = 1
            var modulus: Int?
            if index + 1 < words.count, words[index] == "%" || words[index] == "mod" {
                modulus = Int(words[index + 1])
                index += 2
            }
            var negated = false
            while index < words.count, ["=", "!=", "is", "not", "in", "within"].contains(words[index]) {
                if words[index] == "!=" || words[index] == "not" { negated.toggle() }
                index += 1
            }
            let ranges: [(Int, Int)] = words[index...].filter { $0 != "," }.compactMap { item in
                let bounds = item.components(separatedBy: "..").compactMap { Int($0) }
                return bounds.count == 2 ? (bounds[0], bounds[1]) : bounds.first.map { ($0, $0) }
            }
            let result: Condition
            if operand == "n" || operand == "i" {
                let expression = modulus.map { "n % \($0)" } ?? "n"
                result = ranges.map { low, high -> Condition in
                    low == high ? .test("\(expression) == \(low)") : .test("\(expression) >= \(low) && \(expression) <= \(high)")
                }.reduce(.constant(false), either)
                if negated {
                    let tests = ranges.map { low, high in
                        low == high ? "\(expression) != \(low)" : "(\(expression) < \(low) || \(expression) > \(high))"
                    }
                    return tests.isEmpty ? .constant(true) : .test(tests.joined(separator: " && "))
                }
            } else {
                // A fraction or exponent operand: zero for a whole count.
                result = .constant(ranges.contains { $0.0 <= 0 && 0 <= $0.1 })
            }
            if negated, case let .constant(value) = result { return .constant(!value) }
            return result
        }
    }
}
