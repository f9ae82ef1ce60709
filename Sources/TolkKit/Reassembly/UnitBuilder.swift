import Foundation

/// Puts the translation of one unit into the page: its segments' translations with the
/// source's own tags at the placeholders, or the source text marked with its language.
struct UnitBuilder {
    let unit: TranslationUnit
    private(set) var segments: [SourceSegment]
    let source: [UInt8]
    let table: TranslationTable
    let sourceLanguage: String
    let dates: DateRenderer
    /// The page's path, for warnings.
    let page: String
    /// Translated attributes, applied to tags this unit copies.
    var attributeEdits = ByteEdits()
    /// `tolk serve`'s review view: each segment wrapped in a `<span>` saying its state.
    var review = false

    private(set) var translated = 0
    private(set) var diagnostics: [Diagnostic] = []

    /// What the catalogue gave for a segment.
    private enum Outcome {
        /// Published, from the entry at `line`.
        case translated([MessageText.Piece], line: Int)
        /// The source kept; the catalogue's verdict says why.
        case fallback(TranslationTable.Verdict)
        /// Not for translators (no letters): written back as it was.
        case verbatim
    }

    mutating func build(into edits: inout ByteEdits) {
        // A translation of the whole unit of the page's own stands for all its sentences.
        var sentences: Int?
        if let whole = table.wholeUnit(PageExtraction.SegmentedUnit(unit: unit, segments: segments), page: page) {
            sentences = segments.filter(\.isTranslatable).count
            segments = [whole]
        }
        var outcomes: [Outcome] = []
        for segment in segments { outcomes.append(segment.isTranslatable ? outcome(segment) : .verbatim) }
        translated = outcomes.filter { if case .translated = $0 { return true }; return false }.count
        if let sentences, translated > 0 { translated = sentences }
        switch unit.location {
        case let .attribute(owner)?:
            guard case let .attribute(name, _) = unit.kind, case let .translated(pieces, _)? = outcomes.first else { return }
            let value = pieces.reduce(into: "") { if case let .text(text) = $1 { $0 += text } }
            Attributes.set(name, to: value, on: owner, in: source, edits: &edits)
        case let .content(range, container, isWholeContainer)?:
            // Text-only elements (a title, an option, a textarea) cannot hold a <span>: there a
            // unit is translated whole or kept whole, with `lang` on the element.
            let textOnly: Bool
            if case let .content(element) = unit.kind { textOnly = HTMLVocabulary.textOnlyElements.contains(element) } else { textOnly = false }
            if textOnly, outcomes.contains(where: { if case .fallback = $0 { return true }; return false }) {
                translated = 0
            }
            if translated == 0 && !(review && !textOnly) {
                markSourceLanguage(range: range, container: container, isWholeContainer: isWholeContainer || textOnly, edits: &edits)
                return
            }
            guard let bytes = render(outcomes) else {
                translated = 0
                diagnostics.append(Diagnostic(.unitNotFound, severity: .warning, file: page, line: unit.line,
                    message: "an element of this unit could not be found in the page; kept in \(sourceLanguage)"))
                markSourceLanguage(range: range, container: container, isWholeContainer: isWholeContainer || textOnly, edits: &edits)
                return
            }
            // A unit that preserves space (`<pre>`) has its edges in its one segment.
            let (leading, trailing) = unit.preservesSpace ? (range.lowerBound..<range.lowerBound, range.upperBound..<range.upperBound)
                : whitespaceEdges(of: range)
            // A translation that renders as the source does (a name, a code, text the
            // language shares) keeps the source's own bytes: its line breaks, entities and
            // whatever markup the parser repaired stay as written.
            if !review, outcomes.allSatisfy({ if case .fallback = $0 { return false }; return true }),
               render(outcomes.map { _ in .verbatim }) == bytes {
                edits.replace(leading.upperBound..<trailing.lowerBound, with: copy(leading.upperBound..<trailing.lowerBound))
                return
            }
            edits.replace(leading.upperBound..<trailing.lowerBound, with: bytes)
        case nil:
            if translated > 0 {
                diagnostics.append(Diagnostic(.unitPlaceUnclear, severity: .warning, file: page, line: unit.line,
                    message: "this unit's place in the page is unclear (implied tags); kept in \(sourceLanguage)",
                    fix: "write the page's <html>, <head> and <body> tags"))
            }
            translated = 0
        }
    }

    private mutating func outcome(_ segment: SourceSegment) -> Outcome {
        let verdict = table.verdict(for: segment, page: page)
        switch verdict {
        case let .usable(pieces, line):
            // Published, but said: what `tolk check` calls an invisible-character error.
            let suspect = pieces.contains { if case let .text(text) = $0 { return text.unicodeScalars.contains(where: InvisibleCharacters.isInvisible) }; return false }
            let invisible = suspect ? InvisibleCharacters.offending(
                in: pieces.reduce(into: "") { if case let .text(text) = $1 { $0 += text } }, source: segment.text, language: dates.locale) : []
            if !invisible.isEmpty {
                let codes = invisible.prefix(5).map(InvisibleCharacters.code).joined(separator: ", ")
                diagnostics.append(Diagnostic(rule: InvisibleCharacterRule.id, severity: .warning, file: table.path, line: line,
                    message: "the translation published in \(page) holds invisible or control characters (\(codes))",
                    sourceFile: page, sourceLine: segment.line, msgctxt: segment.context, msgid: segment.text))
            }
            return .translated(pieces, line: line)
        case let .refused(problem, line):
            diagnostics.append(Diagnostic(.translationRefused, severity: .warning, file: table.path, line: line,
                message: "translation not used (\(problem)); \(page):\(segment.line) stays in \(sourceLanguage)",
                sourceFile: page, sourceLine: segment.line, msgctxt: segment.context, msgid: segment.text))
            return .fallback(verdict)
        case .fuzzy, .untranslated, .missing:
            return .fallback(verdict)
        }
    }

    // MARK: Fallback

    /// Keeps the source as it is and says what language it is in: on the element when the
    /// unit is all of it, else on a `<span>` around the unit.
    private func markSourceLanguage(range: Range<Int>, container: SourceSpan, isWholeContainer: Bool, edits: inout ByteEdits) {
        if isWholeContainer {
            Attributes.set("lang", to: sourceLanguage, on: container, in: source, edits: &edits)
            if let direction = LanguageMarkup.direction(for: sourceLanguage, inPageOf: dates.locale) {
                Attributes.set("dir", to: direction, on: container, in: source, edits: &edits)
            }
        } else {
            let (leading, trailing) = whitespaceEdges(of: range)
            guard leading.upperBound < trailing.lowerBound else { return }
            edits.insert(Array("<span\(languageAttributes)>".utf8), at: leading.upperBound)
            edits.insert(Array("</span>".utf8), at: trailing.lowerBound)
        }
    }

    // MARK: Rendering

    /// The unit's new content: translated segments, and source segments marked with
    /// their language, joined by a space.
    private func render(_ outcomes: [Outcome]) -> [UInt8]? {
        var bytes: [UInt8] = []
        for (index, outcome) in outcomes.enumerated() {
            if index > 0 && segments[index].spaceBefore { bytes.append(UInt8(ascii: " ")) }
            var rendered: [UInt8]
            switch outcome {
            case .verbatim:
                guard let source = renderSource(segments[index].tokens) else { return nil }
                bytes += source
                continue
            case let .translated(pieces, _):
                guard let translation = renderTranslation(pieces, numbering: segments[index].numbering) else { return nil }
                rendered = translation
            case .fallback:
                guard let source = renderSource(segments[index].tokens) else { return nil }
                rendered = Array("<span\(languageAttributes)>".utf8) + source + Array("</span>".utf8)
            }
            if review {
                rendered = reviewSpan(outcome, segment: segments[index]) + rendered + Array("</span>".utf8)
            }
            bytes += rendered
        }
        return bytes
    }

    /// The review view's wrapper of one segment: its state, msgid and catalogue entry.
    private func reviewSpan(_ outcome: Outcome, segment: SourceSegment) -> [UInt8] {
        let state: String, line: Int?
        var problem: String?
        switch outcome {
        case let .translated(_, at), let .fallback(.usable(_, at)): (state, line) = ("translated", at)
        case let .fallback(.refused(reason, at)): (state, line, problem) = ("refused", at, reason.description)
        case let .fallback(.fuzzy(at)): (state, line) = ("fuzzy", at)
        case let .fallback(.untranslated(at)): (state, line) = ("untranslated", at)
        case .fallback(.missing), .verbatim: (state, line) = ("missing", nil)
        }
        var attributes = [("class", "tolk-review"), ("data-tolk-state", state), ("data-tolk-msgid", segment.text),
                          ("data-tolk-entry", line.map { "\(table.path):\($0)" } ?? "\(table.path) (no entry: run tolk extract)")]
        // The entry that answered: a page's own translation has the page's path as msgctxt.
        if let context = table.key(for: segment, page: page).context { attributes.append(("data-tolk-msgctxt", context)) }
        if let problem { attributes.append(("data-tolk-problem", problem)) }
        var bytes = Array("<span".utf8)
        for (name, value) in attributes {
            bytes += Array(" \(name)=\"".utf8) + HTMLEscape.attribute(value) + [UInt8(ascii: "\"")]
        }
        return bytes + [UInt8(ascii: ">")]
    }

    private func renderTranslation(_ pieces: [MessageText.Piece], numbering: [Int: Int]) -> [UInt8]? {
        let codeFor = Dictionary(uniqueKeysWithValues: numbering.map { ($1, $0) })
        var bytes: [UInt8] = []
        var index = 0
        while index < pieces.count {
            switch pieces[index] {
            case let .text(text):
                bytes += HTMLEscape.text(text)
            case let .open(number):
                guard let code = codeFor[number], let tag = startTag(code) else { return nil }
                bytes += tag
            case let .close(number):
                guard let code = codeFor[number], let tag = endTag(code) else { return nil }
                bytes += tag
            case let .empty(number):
                guard let code = codeFor[number] else { return nil }
                // Two times joined by a dash are a range: ICU's interval formatter renders both.
                if let (_, nextCode) = TimeRange.at(index, in: pieces, time: { piece -> Int? in
                       guard case let .empty(number) = piece, let code = codeFor[number],
                             TimeRange.datetime(of: unit.codes[code].protection) != nil else { return nil }
                       return code
                   }, text: { piece -> String? in
                       if case let .text(text) = piece { return text }
                       return nil
                   }), let range = renderTimeRange(code, nextCode) {
                    bytes += range
                    index += 3
                    continue
                }
                guard let element = emptyElement(code) else { return nil }
                bytes += element
            }
            index += 1
        }
        return bytes
    }

    /// The source tokens of a segment, written back with the source's own tags.
    private func renderSource(_ tokens: [UnitToken]) -> [UInt8]? {
        var bytes: [UInt8] = []
        for token in tokens {
            switch token {
            case let .text(text): bytes += HTMLEscape.text(text)
            case let .open(code): guard let tag = startTag(code) else { return nil }; bytes += tag
            case let .close(code): guard let tag = endTag(code) else { return nil }; bytes += tag
            case let .empty(code): guard let element = originalElement(code) else { return nil }; bytes += element
            }
        }
        return bytes
    }

    private func startTag(_ code: Int) -> [UInt8]? {
        guard let span = unit.codes[code].span else { return nil }
        return copy(span.start..<span.startTagEnd)
    }

    /// Source bytes, with translated attributes in them.
    private func copy(_ range: Range<Int>) -> [UInt8] {
        attributeEdits.apply(to: source, in: range).bytes
    }

    private func endTag(_ code: Int) -> [UInt8]? {
        guard let span = unit.codes[code].span else { return nil }
        guard let start = span.endTagStart, let end = span.end else { return [] }
        return Array(source[start..<end])
    }

    /// An empty placeholder's element: times rendered for the language, the rest as written;
    /// an element kept in the source language (`translate="no"`, a brand rule) says so with
    /// `lang` (and `dir` when the directions differ), unless it already has a `lang`, so that
    /// a screen reader reads "HLS Week" as English inside a German sentence.
    private func emptyElement(_ code: Int) -> [UInt8]? {
        let inline = unit.codes[code]
        if case let .machineReadableTime(datetime) = inline.protection, let span = inline.span,
           let content = span.content, let text = dates.render(datetime, original: inline.original) {
            return copy(span.start..<content.lowerBound) + HTMLEscape.text(text) + Array(source[content.upperBound..<span.end!])
                + HTMLEscape.text(dates.inAudienceZone(datetime, original: inline.original))
        }
        if inline.protection == .notTranslatable, !inline.element.hasPrefix("#"), let span = inline.span,
           !TagScanner.attributes(source, in: span.start..<span.startTagEnd).contains(where: { $0.name == "lang" || $0.name == "xml:lang" }),
           !LanguageTag.sameLanguage(sourceLanguage, dates.locale) {
            // Before the start tag's `>` (or `/>`).
            let tag = copy(span.start..<span.startTagEnd)
            var end = tag.count - 1
            if end > 0, tag[end - 1] == UInt8(ascii: "/") { end -= 1 }
            if end > 0 {
                return Array(tag[..<end]) + Array(languageAttributes.utf8) + Array(tag[end...]) + copy(span.startTagEnd..<(span.end ?? span.startTagEnd))
            }
        }
        return originalElement(code)
    }

    /// ` lang="en"`, with ` dir="ltr"` when the page's direction is the other one: what
    /// text kept in the source language carries in a translated page.
    private var languageAttributes: String {
        LanguageMarkup.attributes(for: sourceLanguage, inPageOf: dates.locale)
    }

    private func originalElement(_ code: Int) -> [UInt8]? {
        let inline = unit.codes[code]
        switch inline.element {
        case "#comment": return Array("<!--\(inline.original)-->".utf8)
        case "#text": return HTMLEscape.text(inline.original)
        default:
            guard let span = inline.span else { return nil }
            return copy(span.start..<(span.end ?? span.startTagEnd))
        }
    }


    private func renderTimeRange(_ first: Int, _ second: Int) -> [UInt8]? {
        let a = unit.codes[first], b = unit.codes[second]
        guard case let .machineReadableTime(from) = a.protection, case let .machineReadableTime(to) = b.protection,
              let spanA = a.span, let contentA = spanA.content, let spanB = b.span, let contentB = spanB.content,
              let texts = dates.renderRange((from, a.original), (to, b.original)) else { return nil }
        return copy(spanA.start..<contentA.lowerBound) + HTMLEscape.text(texts.first) + Array(source[contentA.upperBound..<spanA.end!])
            + HTMLEscape.text(texts.separator)
            + copy(spanB.start..<contentB.lowerBound) + HTMLEscape.text(texts.second) + Array(source[contentB.upperBound..<spanB.end!])
            + HTMLEscape.text(dates.inAudienceZone(from, to: to, original: a.original + " " + b.original))
    }

    /// The whitespace at the start and end of `range`, which stays as written.
    private func whitespaceEdges(of range: Range<Int>) -> (leading: Range<Int>, trailing: Range<Int>) {
        var start = range.lowerBound
        while start < range.upperBound, TagScanner.isSpace(source[start]) { start += 1 }
        var end = range.upperBound
        while end > start, TagScanner.isSpace(source[end - 1]) { end -= 1 }
        return (range.lowerBound..<start, end..<range.upperBound)
    }
}
