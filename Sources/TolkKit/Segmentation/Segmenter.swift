/// Splits units into sentences (ICU's breaks as the language's `SentenceRules` correct
/// them, or a team's SRX rules) and renders each sentence as a msgid with numbered placeholders.
public struct Segmenter: Sendable {
    public let locale: String
    /// A team's SRX rules for this language, which replace ICU's breaks and Tolk's rules.
    public let srx: [SRXRules.Rule]?
    /// Tolk's own rules for the language, looked up once for all the units of a page (nil
    /// when its rules folder is missing: the first sentence split says so).
    let rules: SentenceRules?

    public init(locale: String, srx: [SRXRules.Rule]? = nil) {
        self.locale = locale
        self.srx = srx
        rules = srx == nil && !locale.isEmpty ? try? SentenceRules.forLocale(locale) : SentenceRules()
    }

    /// The sentences of plain text, whitespace collapsed: what `tolk segment` prints.
    public func sentences(in text: String) throws -> [String] {
        let unit = TranslationUnit(kind: .content(element: "p"), tokens: [.text(text)], codes: [], line: 1,
                                   context: nil, notes: [], preservesSpace: false)
        return try segments(of: unit).filter { !$0.tokens.isEmpty }.map { MessageText.plainText($0.text) }
    }

    /// The segments of a unit, in order, including those without any letter (a lone
    /// "2022." or a placeholder), which are not for translators (`isTranslatable` false)
    /// but stay part of the unit when the build writes it back.
    public func segments(of unit: TranslationUnit) throws -> [SourceSegment] {
        let tokens = unit.preservesSpace ? unit.tokens : collapseWhitespace(unit.tokens)
        let groups: [[UnitToken]]
        if case .attribute = unit.kind {
            groups = [tokens]
        } else if unit.preservesSpace {
            groups = [tokens]
        } else {
            let lineBreaks = Set(unit.codes.indices.filter { unit.codes[$0].element == "br" && unit.codes[$0].protection == nil })
            groups = try splitSentences(tokens, lineBreaks: lineBreaks)
        }
        var segments: [SourceSegment] = []
        for (index, group) in groups.enumerated() {
            let trimmed = unit.preservesSpace ? group : trimWhitespace(group)
            let hasLetters = trimmed.contains { if case let .text(text) = $0 { return text.containsLetter }; return false }
            let (text, numbering) = render(trimmed)
            // Whitespace between this group and the one before, which the build puts back.
            var spaceBefore = false
            if case let .text(first)? = group.first, first.first == " " { spaceBefore = true }
            if index > 0, case let .text(last)? = groups[index - 1].last, last.last == " " { spaceBefore = true }
            segments.append(SourceSegment(
                context: unit.context, text: text, comments: comments(for: unit, numbering: numbering),
                line: unit.line, tokens: trimmed, numbering: numbering,
                isTranslatable: hasLetters, spaceBefore: spaceBefore))
        }
        return segments
    }

    /// A unit's sentences as one segment, joined as the page writes them, with placeholders
    /// numbered across the unit: what a page's own translation of a whole paragraph
    /// translates (`PageTranslations`). Nil for a unit with a msgctxt of its own or fewer
    /// than two sentences for translators.
    public static func whole(_ segmented: PageExtraction.SegmentedUnit) -> SourceSegment? {
        let segments = segmented.segments
        guard segmented.unit.context == nil, segments.count > 1, segments.filter(\.isTranslatable).count > 1 else { return nil }
        var tokens: [UnitToken] = []
        for (index, segment) in segments.enumerated() {
            if index > 0 && segment.spaceBefore { tokens.append(.text(" ")) }
            tokens += segment.tokens
        }
        let segmenter = Segmenter(locale: "")
        let (text, numbering) = segmenter.render(tokens)
        return SourceSegment(context: nil, text: text, comments: segmenter.comments(for: segmented.unit, numbering: numbering),
                             line: segments[0].line, tokens: tokens, numbering: numbering, isTranslatable: true,
                             spaceBefore: segments[0].spaceBefore)
    }

    // MARK: Whitespace

    /// Collapses whitespace as a browser renders it, across placeholder boundaries too.
    func collapseWhitespace(_ tokens: [UnitToken]) -> [UnitToken] {
        var result: [UnitToken] = []
        var lastWasSpace = true
        for token in tokens {
            guard case let .text(text) = token else {
                // An empty element or protected text is content: a space after it counts.
                if case .empty = token { lastWasSpace = false }
                result.append(token)
                continue
            }
            var collapsed = text.collapsingHTMLWhitespace()
            if lastWasSpace, collapsed.first == " " { collapsed.removeFirst() }
            if collapsed.isEmpty { continue }
            lastWasSpace = collapsed.last == " "
            result.append(.text(collapsed))
        }
        return movingSpacesOutOfElements(result)
    }

    /// `<em> word </em>` reads as ` <1>word</1> ` for the translator: a space just inside
    /// an element moves just outside it, which renders the same.
    func movingSpacesOutOfElements(_ tokens: [UnitToken]) -> [UnitToken] {
        var tokens = tokens
        var index = 0
        while index < tokens.count {
            if case .open = tokens[index], index + 1 < tokens.count,
               case let .text(text) = tokens[index + 1], text.first == " " {
                tokens[index + 1] = .text(String(text.dropFirst()))
                if index > 0, case let .text(before) = tokens[index - 1] {
                    if before.last != " " { tokens[index - 1] = .text(before + " ") }
                } else {
                    tokens.insert(.text(" "), at: index)
                    index += 1
                }
            }
            if case .close = tokens[index], index > 0, case let .text(text) = tokens[index - 1], text.last == " " {
                tokens[index - 1] = .text(String(text.dropLast()))
                if index + 1 < tokens.count, case let .text(after) = tokens[index + 1] {
                    if after.first != " " { tokens[index + 1] = .text(" " + after) }
                } else {
                    tokens.insert(.text(" "), at: index + 1)
                }
            }
            index += 1
        }
        return tokens.filter { if case let .text(text) = $0 { return !text.isEmpty }; return true }
    }

    /// Drops whitespace at both ends of a segment.
    func trimWhitespace(_ tokens: [UnitToken]) -> [UnitToken] {
        var tokens = tokens[...]
        while case let .text(text)? = tokens.first {
            let stripped = text.drop(while: { $0 == " " })
            guard stripped.isEmpty else { tokens[tokens.startIndex] = .text(String(stripped)); break }
            tokens.removeFirst()
        }
        while case let .text(text)? = tokens.last {
            var stripped = Substring(text)
            while stripped.last == " " { stripped.removeLast() }
            guard stripped.isEmpty else { tokens[tokens.index(before: tokens.endIndex)] = .text(String(stripped)); break }
            tokens.removeLast()
        }
        return Array(tokens)
    }

    // MARK: Sentences

    /// Splits tokens at sentence boundaries that ICU proposes, unless an exception
    /// suppresses the break or a paired placeholder spans it.
    ///
    /// A line break (`<br>`, the codes in `lineBreaks`) reads as a space, so that "food.<br>Children"
    /// ends a sentence at the break, as it reads; the break becomes a segment of its own
    /// between the two sentences, kept as it is.
    func splitSentences(_ tokens: [UnitToken], lineBreaks: Set<Int> = []) throws -> [[UnitToken]] {
        // The plain text ICU sees (placeholders contribute nothing, line breaks a space), in UTF-16 units.
        var plain: [UInt16] = []
        for token in tokens {
            switch token {
            case let .text(text): plain.append(contentsOf: text.utf16)
            case let .empty(code) where lineBreaks.contains(code): plain.append(0x20)
            default: break
            }
        }
        let breaks: [Int]
        if let srx {
            breaks = SRXRules.breaks(in: plain, rules: srx)
        } else {
            let proposed = try BreakIterator.boundaries(.sentence, in: plain, locale: locale).map(\.offset)
            breaks = try (rules ?? SentenceRules.forLocale(locale)).breaks(in: plain, proposed: proposed)
        }
        let allowed = Set(breaks)

        var groups: [[UnitToken]] = []
        var current: [UnitToken] = []
        var depth = 0
        var offset = 0
        var lastSplit = -1
        func split(at position: Int) {
            guard depth == 0, position != lastSplit, !current.isEmpty else { return }
            groups.append(current)
            current = []
            lastSplit = position
        }
        for token in tokens {
            switch token {
            case let .text(text):
                let length = text.utf16.count
                if allowed.contains(offset) { split(at: offset) }
                var pieceStart = 0
                for position in breaks where position > offset && position < offset + length && depth == 0 {
                    let utf16 = text.utf16
                    let lower = utf16.index(utf16.startIndex, offsetBy: pieceStart)
                    let upper = utf16.index(utf16.startIndex, offsetBy: position - offset)
                    current.append(.text(String(text[lower..<upper])))
                    split(at: position)
                    pieceStart = position - offset
                }
                let utf16 = text.utf16
                current.append(.text(String(text[utf16.index(utf16.startIndex, offsetBy: pieceStart)...])))
                offset += length
            case .open:
                if allowed.contains(offset) { split(at: offset) }
                current.append(token)
                depth += 1
            case let .empty(code):
                if allowed.contains(offset) { split(at: offset) }
                current.append(token)
                if lineBreaks.contains(code) { offset += 1 }
            case .close:
                current.append(token)
                depth -= 1
            }
        }
        if !current.isEmpty { groups.append(current) }
        // A sentence that ended at a line break leaves the break to a group of its own.
        var separated: [[UnitToken]] = []
        for (index, group) in groups.enumerated() {
            if index + 1 < groups.count, group.count > 1, case let .empty(code)? = group.last, lineBreaks.contains(code) {
                separated.append(Array(group.dropLast()))
                separated.append([group.last!])
            } else {
                separated.append(group)
            }
        }
        return separated
    }

    // MARK: Rendering

    /// The msgid of a segment, numbering placeholders from 1 in order of appearance.
    func render(_ tokens: [UnitToken]) -> (String, [Int: Int]) {
        var numbering: [Int: Int] = [:]
        var text = ""
        func number(_ code: Int) -> Int {
            if let existing = numbering[code] { return existing }
            let next = numbering.count + 1
            numbering[code] = next
            return next
        }
        for token in tokens {
            switch token {
            case let .text(literal): text += MessageText.escape(literal)
            case let .open(code): text += "<\(number(code))>"
            case let .close(code): text += "</\(number(code))>"
            case let .empty(code): text += "<\(number(code))/>"
            }
        }
        return (text, numbering)
    }

    /// Extracted comments: localization notes, then what each placeholder stands for.
    func comments(for unit: TranslationUnit, numbering: [Int: Int]) -> [String] {
        var comments = unit.notes
        if case let .attribute(name, element) = unit.kind {
            comments.append("Attribute \(name) of <\(element)>")
        }
        var legend: [String] = []
        for (code, number) in numbering.sorted(by: { $0.value < $1.value }) {
            let inline = unit.codes[code]
            switch inline.protection {
            case nil:
                let isEmpty = HTMLVocabulary.voidElements.contains(inline.element) || HTMLVocabulary.opaqueElements.contains(inline.element)
                legend.append(isEmpty ? "<\(number)/> \(HTMLVocabulary.describe(inline.element))"
                                      : "<\(number)>…</\(number)> \(HTMLVocabulary.describe(inline.element))")
            case .notTranslatable where inline.element == "#comment":
                comments.append("<\(number)/> is an HTML comment, kept as is")
            case .notTranslatable where inline.element == "#instruction":
                comments.append("<\(number)/> is a processing instruction, kept as is: \(inline.original)")
            case .notTranslatable where HTMLVocabulary.skippedElements.contains(inline.element):
                comments.append("<\(number)/> is a <\(inline.element)>, kept as is")
            case .notTranslatable:
                comments.append("<\(number)/> stays as is (translate=\"no\"): \(inline.original)")
            case let .otherLanguage(language):
                comments.append("<\(number)/> stays as is (lang=\"\(language)\"): \(inline.original)")
            case .nested:
                comments.append("<\(number)/> is translated on its own: \(inline.original)")
            case let .machineReadableTime(datetime):
                comments.append("<\(number)/> is rendered for each language from datetime=\"\(datetime)\": \(inline.original)")
            }
        }
        if !legend.isEmpty {
            comments.append("Placeholders: " + legend.joined(separator: ", "))
        }
        return comments
    }
}
