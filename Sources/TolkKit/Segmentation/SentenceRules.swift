import Foundation

/// Where ICU's sentence breaks are wrong in one language, and the few it misses.
///
/// ICU's sentence iterator proposes the breaks. The language's data (`Rules/LL.txt`:
/// titles, abbreviations, the words that start a sentence, whether nouns are capitalised
/// and numbers with a full stop are ordinals) and the rules no list covers take back the
/// wrong ones: "Dr. med. Meyer", "U.S. Government", "Yahoo! in the department", a spaced
/// ellipsis, a citation after a quotation, a list marker, a title in 《》, 「…」と.
struct SentenceRules: Sendable, Equatable {
    var titles: Set<String> = []
    /// Word endings that make a title: German `-str` ("Goethestr. 12").
    var titleEndings: [String] = []
    var abbreviations: Set<String> = []
    var starters: Set<String> = []
    /// German capitalises its nouns: a capital after an abbreviation starts no sentence.
    var capitalisedNouns = false
    /// "der 3. Teil", "den 3. oktober": a number with a full stop is an ordinal.
    var ordinals = false

    /// The rules for `locale`'s language (its primary subtag); none for a language Tolk has no data for.
    ///
    /// - Throws: `TolkError.segmentationRules` when Tolk's rules folder is not where the
    ///   build put it (the `tolk` binary copied without it).
    static func forLocale(_ locale: String) throws -> SentenceRules {
        guard let folder = rulesFolder else {
            throw TolkError.segmentationRules(path: resourcesName, line: 0, problem:
                "Tolk's sentence rules are missing: keep the \(resourcesName) folder that swift build makes beside the tolk binary")
        }
        let language = LanguageTag.primary(locale)
        return cache.value(for: language) {
            let url = folder.appendingPathComponent("\(language).txt")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return SentenceRules() }
            // The shipped files are checked by the tests; a broken one reads as far as it is right.
            return (try? SentenceRules(text: text, path: "Rules/\(language).txt")) ?? SentenceRules()
        }
    }

    #if canImport(Darwin)
    static let resourcesName = "Tolk_TolkKit.bundle"
    #else
    static let resourcesName = "Tolk_TolkKit.resources"
    #endif

    /// `Rules/` in TolkKit's resources, looked for beside the program, where it was built
    /// (`Bundle.module` would stop the program when they are not there).
    static let rulesFolder: URL? = {
        var places = [Bundle.main.bundleURL, Bundle.main.bundleURL.resolvingSymlinksInPath(), Bundle.main.bundleURL.deletingLastPathComponent()]
        if let program = CommandLine.arguments.first {
            places.append(URL(fileURLWithPath: program).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for place in places {
            for candidate in [place.appendingPathComponent(resourcesName), place.appendingPathComponent(resourcesName + "/Contents/Resources")] {
                let rules = candidate.appendingPathComponent("Rules")
                if FileManager.default.fileExists(atPath: rules.appendingPathComponent("en.txt").path) { return rules }
            }
        }
        return nil
    }()

    private static let cache = LocaleCache<SentenceRules>()

    init() {}

    /// Reads a rules file (see `Rules/README.md`).
    ///
    /// - Throws: `TolkError.segmentationRules` naming the file, the line and the problem.
    init(text: String, path: String) throws {
        var section = ""
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            if line.hasPrefix("[") {
                guard ["[titles]", "[title-endings]", "[abbreviations]", "[starters]", "[settings]"].contains(line) else {
                    throw TolkError.segmentationRules(path: path, line: index + 1, problem: "unknown section \(line); "
                        + "allowed: [titles], [title-endings], [abbreviations], [starters], [settings]")
                }
                section = line
                continue
            }
            switch section {
            case "[titles]": titles.insert(line)
            case "[title-endings]": titleEndings.append(line)
            case "[abbreviations]": abbreviations.insert(line)
            case "[starters]": starters.insert(line)
            case "[settings]":
                let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, ["yes", "no"].contains(parts[1]) else {
                    throw TolkError.segmentationRules(path: path, line: index + 1, problem: "a setting is NAME = yes or NAME = no")
                }
                switch parts[0] {
                case "capitalised-nouns": capitalisedNouns = parts[1] == "yes"
                case "ordinals": ordinals = parts[1] == "yes"
                default:
                    throw TolkError.segmentationRules(path: path, line: index + 1,
                                                      problem: "unknown setting \(parts[0]); allowed: capitalised-nouns, ordinals")
                }
            default:
                throw TolkError.segmentationRules(path: path, line: index + 1, problem: "an entry before any [section]")
            }
        }
    }

    // MARK: Breaks

    /// The sentence breaks of `text` (UTF-16), from ICU's `proposed` ones: those the rules
    /// keep, and a break before each list item ICU does not see ("a. … b. …").
    func breaks(in text: [UInt16], proposed: [Int]) -> [Int] {
        let brackets = Self.bracketDepths(in: text, at: proposed)
        let items = Self.listItems(in: text)
        var kept: [Int] = []
        var segmentStart = 0
        for position in proposed where position > 0 && position < text.count {
            if let item = items.last(where: { $0 <= position }), item > segmentStart { segmentStart = item }
            if brackets[position, default: 0] > 0 { continue }
            if keeps(position, in: text, segmentStart: segmentStart) {
                kept.append(position)
                segmentStart = position
            }
        }
        let added = items.filter { !kept.contains($0) }
        return added.isEmpty ? kept : (kept + added).sorted()
    }

    /// Whether the break ICU proposes at `position` stays.
    func keeps(_ position: Int, in text: [UInt16], segmentStart: Int) -> Bool {
        let (previous, previousStart) = Self.word(endingBefore: position, in: text)
        guard let last = previous.unicodeScalars.last else { return true }
        // The word after the break, read only when a rule needs it (most breaks need none).
        func next() -> String { Self.word(startingAt: position, in: text) }
        let nextStart = Self.skipSpaces(from: position, in: text)
        let nextUnit: UInt16 = nextStart < text.count ? text[nextStart] : 0
        switch last {
        case "」", "』":
            // 「これは何ですか。」と彼は聞いた: a quotation continued by a particle.
            return !(0x3041...0x309F).contains(nextUnit)
        case "\"", "”", "»", "’", "'":
            // "…stairways [...]" (Smith 55).: the citation belongs to the quotation.
            return nextUnit != 0x28
        default:
            break
        }
        // A list marker opening a sentence ("1.)", "a.") is not a sentence of its own.
        let opensSegment = previousStart <= Self.skipSpaces(from: segmentStart, in: text)
        if opensSegment, Self.isListMarker(previous) { return false }
        // "Yahoo! in the department", "Jeopardy? in the morning".
        if last == "!" || last == "?" { return next().first?.isLowercase != true }
        guard last == "." else { return true }
        // ". . ." spaced out is an ellipsis inside the sentence.
        if previous == ".", Self.endsWithSpacedDots(before: previousStart, in: text) { return false }
        var word = Substring(previous.dropLast())
        while let first = word.unicodeScalars.first, Self.openingPunctuation.contains(first) { word = word.dropFirst() }
        // An elided article belongs to the word after it: "L'ing." is "ing.".
        if let apostrophe = word.lastIndex(where: { $0 == "'" || $0 == "’" }) { word = word[word.index(after: apostrophe)...] }
        let stem = String(word)
        guard !stem.isEmpty else { return true }
        if titles.contains(stem) || titleEndings.contains(where: { stem.count > $0.count && stem.hasSuffix($0) }) { return false }
        if ordinals, Self.isOrdinal(stem) {
            let following = next()
            return startsSentence(following, stem: Self.stem(of: following))
        }
        let initialism = Self.isDottedLetters(word + ".")
        guard abbreviations.contains(stem) || initialism else { return true }
        // An abbreviation alone is no sentence: "St. Michael's Church…".
        if opensSegment { return false }
        let following = next()
        let nextStem = Self.stem(of: following)
        if capitalisedNouns { return starters.contains(nextStem) }
        // "U.S. How", "6 P.M. Mr. Smith", but "U.S. Government", "Jonas E. Smith".
        if initialism, stem.allSatisfy({ !$0.isLetter || $0.isUppercase }) {
            return starters.contains(nextStem) || titles.contains(nextStem)
        }
        // "etc. Then", "Co. It closed", but "5 a.m. Mr. Smith", "etc. in the shop".
        return following.first?.isUppercase == true && !titles.contains(nextStem)
    }

    /// What may open a word before its text: brackets and quotation marks.
    static let openingPunctuation: Set<Unicode.Scalar> = Set("([{„“‚‘\"'«»‹›¿¡".unicodeScalars)

    /// Whether `next` starts a sentence after an ordinal: a word the language starts
    /// sentences with, or (where nouns are not capitalised) any capitalised word.
    private func startsSentence(_ next: String, stem: String) -> Bool {
        if capitalisedNouns { return starters.contains(stem) }
        return next.first?.isUppercase == true
    }

    // MARK: Text

    static func isSpace(_ unit: UInt16) -> Bool {
        unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D || unit == 0xA0 || unit == 0x0C
    }

    static func skipSpaces(from offset: Int, in text: [UInt16]) -> Int {
        var index = offset
        while index < text.count, isSpace(text[index]) { index += 1 }
        return index
    }

    /// The whitespace-separated word that ends just before `offset`, and where it starts.
    static func word(endingBefore offset: Int, in text: [UInt16]) -> (String, Int) {
        var end = offset
        while end > 0, isSpace(text[end - 1]) { end -= 1 }
        var start = end
        while start > 0, !isSpace(text[start - 1]) { start -= 1 }
        return (String(decoding: text[start..<end], as: UTF16.self), start)
    }

    /// The whitespace-separated word that starts at `offset` (after any spaces).
    static func word(startingAt offset: Int, in text: [UInt16]) -> String {
        let start = skipSpaces(from: offset, in: text)
        var end = start
        while end < text.count, !isSpace(text[end]) { end += 1 }
        return String(decoding: text[start..<end], as: UTF16.self)
    }

    /// A word as the lists hold it: opening punctuation and a final full stop dropped.
    static func stem(of word: String) -> String {
        var word = Substring(word)
        while let first = word.unicodeScalars.first, openingPunctuation.contains(first) { word = word.dropFirst() }
        while let last = word.last, ",;:".contains(last) { word = word.dropLast() }
        if word.last == "." { word = word.dropLast() }
        return String(word)
    }

    /// "z." or "u.a." or "U.S.": one or more single letters, each followed by a full stop.
    static func isDottedLetters(_ word: Substring) -> Bool {
        guard !word.isEmpty else { return false }
        var expectLetter = true
        for character in word {
            if expectLetter {
                guard character.isLetter else { return false }
            } else {
                guard character == "." else { return false }
            }
            expectLetter.toggle()
        }
        return expectLetter
    }

    /// "3", "13", "13.10" (a day and month, "am 13.10. um 9 Uhr").
    static func isOrdinal(_ stem: String) -> Bool {
        let pieces = stem.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(pieces.count) && pieces.allSatisfy { (1...3).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }
    }

    /// "1.", "1.)", "12)", "a.", "b)": a marker that numbers a list inside a paragraph.
    static func isListMarker(_ word: String) -> Bool {
        var body = Substring(word)
        guard body.last == "." || body.last == ")" else { return false }
        while let last = body.last, last == "." || last == ")" { body = body.dropLast() }
        guard word.count - body.count <= 2 else { return false }
        if body.count == 1, let letter = body.first, letter.isLetter, letter.isLowercase { return true }
        return (1...2).contains(body.count) && body.allSatisfy(\.isASCIIDigit)
    }

    /// True when ". ." (spaced full stops) comes just before `offset`.
    static func endsWithSpacedDots(before offset: Int, in text: [UInt16]) -> Bool {
        var index = offset
        var dots = 0
        while index > 0, dots < 2 {
            index -= 1
            if isSpace(text[index]) { continue }
            guard text[index] == 0x2E else { return false }
            dots += 1
        }
        return dots == 2
    }

    /// How many CJK titles (《》, 〈〉) are open at each of `positions`: a full stop inside
    /// a title (《摔跤吧！爸爸》) ends no sentence.
    static func bracketDepths(in text: [UInt16], at positions: [Int]) -> [Int: Int] {
        guard text.contains(where: { $0 == 0x300A || $0 == 0x3008 }) else { return [:] }
        var depths: [Int: Int] = [:]
        var depth = 0
        var wanted = Set(positions)
        for (index, unit) in text.enumerated() {
            if wanted.remove(index) != nil { depths[index] = depth }
            switch unit {
            case 0x300A, 0x3008: depth += 1
            case 0x300B, 0x3009: depth = max(0, depth - 1)
            default: break
            }
        }
        return depths
    }

    /// Where a lettered list inside a paragraph ("a. The first item. b. The second item.")
    /// has its next items: ICU sees no sentence before a lower-case letter.
    static func listItems(in text: [UInt16]) -> [Int] {
        let start = skipSpaces(from: 0, in: text)
        guard text.count > start + 2, text[start] == 0x61, text[start + 1] == 0x2E || text[start + 1] == 0x29,
              isSpace(text[start + 2]) else { return [] }
        let close = text[start + 1]
        var found: [Int] = []
        var letter: UInt16 = 0x62
        var index = start + 2
        while index + 2 < text.count {
            // A sentence end, spaces, the next letter and its mark, a space, a capital.
            if text[index] == letter, text[index + 1] == close, isSpace(text[index + 2]), isSpace(text[index - 1]),
               let end = text[..<index].lastIndex(where: { !isSpace($0) }), [0x2E, 0x21, 0x3F].contains(text[end]),
               word(startingAt: index + 2, in: text).first?.isUppercase == true {
                found.append(index)
                letter += 1
            }
            index += 1
        }
        return found
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
