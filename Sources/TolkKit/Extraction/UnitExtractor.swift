/// Finds the translation units of a page, following HTML5 and ITS 2.0 local markup.
///
/// Text is grouped per block element; phrasing elements inside it become placeholders.
/// `translate="no"` (inherited, re-opened by `translate="yes"`), text in another language
/// than the page and `<time datetime>` are protected: they become empty placeholders and
/// are never offered for translation. Scripts, styles and comments are never looked at.
struct UnitExtractor {
    /// The page's language (its `<html lang>`); other-language content is protected.
    var pageLanguage: String

    init(pageLanguage: String) {
        self.pageLanguage = pageLanguage
    }

    /// What is inherited down the tree.
    struct Scope {
        var translate = true
        var language: String
        var preservesSpace = false
        var context: String?
        /// Every note that applies, outermost first, as the translator's comments show them.
        var notes: [String] = []
        /// The ITS localization note that applies: the innermost one.
        var note: ITSNote?
    }

    /// What `element` inherits and sets: the one resolver of `translate`, `lang`/`xml:lang`,
    /// whitespace, context and notes, for units, attributes and standalone times alike.
    /// ITS global rules that select the element come first; its own markup wins over them.
    static func scope(for element: HTMLElement, inheriting parent: Scope) -> Scope {
        var scope = parent
        if let marks = element.its?.element {
            if let translate = marks.translate { scope.translate = translate }
            if let language = marks.language { scope.language = language }
        }
        if let translate = element[attribute: "translate"]?.trimmingHTMLWhitespace().lowercased() {
            if translate == "no" { scope.translate = false }
            if translate == "yes" || translate == "" { scope.translate = true }
        }
        if let language = element[attribute: "lang"] ?? element[attribute: "xml:lang"] {
            scope.language = language.trimmingHTMLWhitespace()
        }
        if HTMLVocabulary.preformattedElements.contains(element.name) {
            scope.preservesSpace = true
        }
        if let context = element[attribute: "data-l10n-context"] {
            scope.context = context.trimmingHTMLWhitespace()
        }
        if let note = note(of: element) {
            scope.note = note
            scope.notes.append(note.comment)
        }
        if let note = l10nNote(of: element) { scope.notes.append(note) }
        return scope
    }

    /// The element's ITS localization note: its own `its-loc-note`/`its-loc-note-ref`
    /// (with `its-loc-note-type`), else a rule's.
    static func note(of element: HTMLElement) -> ITSNote? {
        let text = element[attribute: "its-loc-note"]?.collapsingHTMLWhitespace().trimmingHTMLWhitespace()
        let reference = element[attribute: "its-loc-note-ref"]?.trimmingHTMLWhitespace()
        if text?.isEmpty == false || reference?.isEmpty == false {
            let type = element[attribute: "its-loc-note-type"]?.trimmingHTMLWhitespace().lowercased()
            return ITSNote(text: text?.isEmpty == false ? text : nil, reference: reference?.isEmpty == false ? reference : nil,
                           isAlert: type == "alert")
        }
        return element.its?.element.note
    }

    /// The notes an element gives the text it holds, for the translator's comments: its
    /// ITS note and its `data-l10n-note`.
    static func notes(of element: HTMLElement) -> [String] {
        [note(of: element)?.comment, l10nNote(of: element)].compactMap { $0 }
    }

    /// Tolk's own `data-l10n-note`.
    static func l10nNote(of element: HTMLElement) -> String? {
        guard let note = element[attribute: "data-l10n-note"]?.collapsingHTMLWhitespace().trimmingHTMLWhitespace(), !note.isEmpty
        else { return nil }
        return note
    }

    /// Where ITS Elements Within Text puts the element, when its markup or a rule says:
    /// `its-within-text`, else a `withinTextRule`.
    static func withinText(_ element: HTMLElement) -> ITSRules.WithinText? {
        if let local = element[attribute: "its-within-text"]?.trimmingHTMLWhitespace().lowercased(),
           let value = ITSRules.WithinText(rawValue: local) {
            return value
        }
        return element.its?.element.withinText
    }

    /// ITS 2.0's defaults for HTML, where no markup or rule says: phrasing content is
    /// within text, except the elements whose content is a document of its own, which are
    /// nested. Extraction acts on these, and the W3C suite checks them through `ITSReport`.
    static func defaultWithinText(_ name: String) -> ITSRules.WithinText {
        if ["iframe", "noscript", "script", "textarea"].contains(name) { return .nested }
        return HTMLVocabulary.inlineElements.contains(name) ? .yes : .no
    }

    /// Whether `element`'s content is units of its own, with a placeholder for it in the
    /// text around it (a footnote, a `<noscript>` or `<textarea>` in a sentence). Embedded
    /// content (`<iframe>`) stays one placeholder whose content is not read, unless ITS says otherwise.
    static func isNested(_ element: HTMLElement) -> Bool {
        if let declared = withinText(element) { return declared == .nested }
        return !HTMLVocabulary.opaqueElements.contains(element.name) && defaultWithinText(element.name) == .nested
    }

    /// The attributes of `element` offered for translation: those Tolk knows as text
    /// (`alt`, `title`, a meta description, ...) where translation is on, then those an ITS
    /// rule makes translatable; a rule that says `translate="no"` for one takes it out.
    static func translatableAttributes(of element: HTMLElement, scope: Scope) -> [String] {
        var names = scope.translate ? HTMLVocabulary.translatableAttributes(of: element) : []
        guard let marks = element.its?.attributes, !marks.isEmpty else { return names }
        names.removeAll { marks[$0]?.translate == false }
        for attribute in element.attributes where marks[attribute.name]?.translate == true && !names.contains(attribute.name) {
            // The build writes these itself, or they are ITS's own.
            guard !["lang", "xml:lang", "translate", "dir"].contains(attribute.name), !attribute.name.hasPrefix("its-") else { continue }
            names.append(attribute.name)
        }
        return names
    }

    /// Protected content is not for translators: `translate="no"`, or another language.
    static func isProtected(_ scope: Scope, pageLanguage: String) -> Bool {
        !scope.translate || !LanguageTag.sameLanguage(scope.language, pageLanguage)
    }

    /// The units of `document` in document order.
    func units(of document: HTMLDocument) -> [TranslationUnit] {
        var collector = Collector(pageLanguage: pageLanguage)
        let scope = Scope(language: document.declaredLanguage ?? pageLanguage)
        collector.walkBlock(document.root, scope: collector.scope(for: document.root, inheriting: scope))
        return collector.units
    }
}

private struct Collector {
    let pageLanguage: String
    var units: [TranslationUnit] = []
    /// How many `withinText="nested"` elements hold the units being collected.
    var nesting = 0

    init(pageLanguage: String) {
        self.pageLanguage = pageLanguage
    }

    // MARK: Scope

    func scope(for element: HTMLElement, inheriting parent: UnitExtractor.Scope) -> UnitExtractor.Scope {
        UnitExtractor.scope(for: element, inheriting: parent)
    }

    func isProtected(_ scope: UnitExtractor.Scope) -> Bool {
        UnitExtractor.isProtected(scope, pageLanguage: pageLanguage)
    }

    // MARK: Blocks

    /// Walks a block element: runs of inline content become units, blocks are walked in turn.
    mutating func walkBlock(_ element: HTMLElement, scope: UnitExtractor.Scope) {
        extractAttributes(of: element, scope: scope)
        var run: [HTMLNode] = []
        var runLine = 0
        // libxml2's lines for text nodes are unreliable; a run of text starts at or
        // after the last start tag seen, which `SourceLines` then refines.
        var lastTagLine = element.line
        // Where the current run starts in the bytes: after the start tag or the last block.
        var runStart = element.span?.startTagEnd
        for child in element.children {
            switch child {
            case .text, .comment, .instruction, .other:
                if run.isEmpty { runLine = lastTagLine }
                run.append(child)
            case let .element(childElement):
                if childElement.line > 0 { lastTagLine = max(lastTagLine, childElement.line) }
                if HTMLVocabulary.skippedElements.contains(childElement.name) || isInline(childElement) {
                    if run.isEmpty { runLine = childElement.line }
                    run.append(child)
                } else {
                    flush(&run, line: runLine, container: element, scope: scope,
                          range: runStart, childElement.span?.start)
                    runStart = childElement.span?.end
                    let childScope = self.scope(for: childElement, inheriting: scope)
                    if childElement[attribute: PageOutline.switcherAttribute] != nil {
                        // The language switcher: the build writes its content; its own attributes
                        // (an aria-label) are for translators.
                        extractAttributes(of: childElement, scope: childScope)
                        continue
                    } else if HTMLVocabulary.opaqueElements.contains(childElement.name) {
                        extractAttributesBelow(childElement, scope: childScope)
                    } else {
                        walkBlock(childElement, scope: childScope)
                    }
                }
            }
        }
        flush(&run, line: runLine, container: element, scope: scope, range: runStart, element.span?.endTagStart)
    }

    /// An element counts as inline when HTML calls it phrasing and it holds no blocks
    /// (`<a>` around a `<div>` is a container, not a placeholder).
    func isInline(_ element: HTMLElement) -> Bool {
        // Its own unit, a placeholder in the one around it.
        if UnitExtractor.isNested(element) { return true }
        switch UnitExtractor.withinText(element) {
        case .no?, .nested?: return false
        case .yes?: break
        case nil:
            if HTMLVocabulary.opaqueElements.contains(element.name) { return true }
            guard UnitExtractor.defaultWithinText(element.name) == .yes else { return false }
        }
        return element.children.allSatisfy { child in
            guard case let .element(inner) = child else { return true }
            return HTMLVocabulary.skippedElements.contains(inner.name) || isInline(inner)
        }
    }

    // MARK: Units

    /// Makes a unit of a run of inline nodes found between `start` and `end` in the bytes.
    mutating func flush(_ run: inout [HTMLNode], line: Int, container: HTMLElement, scope: UnitExtractor.Scope,
                        range start: Int?, _ end: Int?) {
        defer { run.removeAll() }
        guard !run.isEmpty else { return }
        var builder = TokenBuilder()
        for node in run {
            builder.add(node, scope: scope, collector: &self)
        }
        var (tokens, codes) = (builder.tokens, builder.codes)
        var location: TranslationUnit.Location?
        if let start, let end, start <= end, let span = container.span, !builder.hasUnknownNodes {
            let whole = start == span.startTagEnd && end == span.endTagStart
            location = .content(range: start..<end, container: span, isWholeContainer: whole)
        }
        let wrappers = stripWrappers(&tokens, codes: codes, location: &location)
        guard tokens.contains(where: { if case let .text(text) = $0 { return text.containsLetter }; return false })
        else { return }
        // A context on an element that wraps the whole unit is the unit's; notes on any
        // inline element reach the unit that holds its text.
        let context = wrappers.reversed().lazy.compactMap { builder.contexts[$0] }.first ?? scope.context
        let notes = scope.notes + builder.notes.filter { !scope.notes.contains($0) }
        units.append(TranslationUnit(
            kind: .content(element: container.name), tokens: tokens, codes: codes,
            line: line > 0 ? line : container.line, context: context, notes: notes,
            preservesSpace: scope.preservesSpace, location: location, nesting: nesting))
    }

    /// An element ITS puts `withinText="nested"`: its content is units of its own.
    mutating func walkNested(_ element: HTMLElement, scope: UnitExtractor.Scope) {
        nesting += 1
        walkBlock(element, scope: scope)
        nesting -= 1
    }

    /// Drops paired placeholders that wrap a whole unit (`<p><a>Read more</a></p>`):
    /// the translator sees only the text, and the build keeps the wrapper as it was.
    /// - Returns: the codes of the wrappers dropped, outermost first.
    @discardableResult
    func stripWrappers(_ tokens: inout [UnitToken], codes: [InlineCode], location: inout TranslationUnit.Location?) -> [Int] {
        var stripped: [Int] = []
        while true {
            let first = tokens.firstIndex { !isBlankText($0) }
            let last = tokens.lastIndex { !isBlankText($0) }
            guard let first, let last, first < last,
                  case let .open(opened) = tokens[first], case let .close(closed) = tokens[last], opened == closed
            else { return stripped }
            // Only when the two tags really pair up with each other.
            var depth = 0
            for index in first...last {
                if case .open = tokens[index] { depth += 1 }
                if case .close = tokens[index] { depth -= 1 }
                if depth == 0 && index < last { return stripped }
            }
            // Whitespace outside the wrapper is dropped with it: the unit is now its content.
            for index in tokens.indices where index < first || index > last { tokens[index] = .text("") }
            tokens[last] = .text("")
            tokens[first] = .text("")
            stripped.append(opened)
            if let span = codes[opened].span, let content = span.content {
                location = .content(range: content, container: span, isWholeContainer: true)
            } else {
                location = nil
            }
        }
    }

    func isBlankText(_ token: UnitToken) -> Bool {
        if case let .text(text) = token { return text.allSatisfy(\.isHTMLWhitespace) }
        return false
    }

    // MARK: Attributes

    mutating func extractAttributes(of element: HTMLElement, scope: UnitExtractor.Scope) {
        for name in UnitExtractor.translatableAttributes(of: element, scope: scope) {
            var scope = scope
            if let marks = element.its?.attributes[name] {
                if let language = marks.language { scope.language = language }
                if let note = marks.note { scope.notes.append(note.comment) }
            }
            guard LanguageTag.sameLanguage(scope.language, pageLanguage) else { continue }
            // A value made by template code (`alt="<?=$alt?>"`) is not the translator's.
            guard let value = element[attribute: name], !value.contains("<?") else { continue }
            let text = scope.preservesSpace ? value : value.collapsingHTMLWhitespace().trimmingHTMLWhitespace()
            guard text.containsLetter else { continue }
            var described = element.name
            if element.name == "meta", let key = element[attribute: "name"].map({ "name=\"\($0)\"" }) ?? element[attribute: "property"].map({ "property=\"\($0)\"" }) {
                described += " " + key
            }
            units.append(TranslationUnit(
                kind: .attribute(name: name, element: described), tokens: [.text(text)], codes: [],
                line: element.line, context: scope.context, notes: scope.notes, preservesSpace: scope.preservesSpace,
                location: element.span.map { .attribute(owner: $0) }, nesting: nesting))
        }
    }

    /// Attributes anywhere below an element whose content is not walked as text.
    mutating func extractAttributesBelow(_ element: HTMLElement, scope: UnitExtractor.Scope) {
        extractAttributes(of: element, scope: scope)
        for case let .element(child) in element.children where !HTMLVocabulary.skippedElements.contains(child.name) {
            extractAttributesBelow(child, scope: self.scope(for: child, inheriting: scope))
        }
    }
}

/// Turns a run of inline nodes into tokens and placeholder codes.
private struct TokenBuilder {
    var tokens: [UnitToken] = []
    var codes: [InlineCode] = []
    /// True when the run holds something the build could not write back (a processing instruction).
    var hasUnknownNodes = false
    /// Notes (`its-loc-note`, `data-l10n-note`) on inline elements of the run: they reach the unit.
    var notes: [String] = []
    /// `data-l10n-context` on an inline element, by its code: the unit's msgctxt when the
    /// element wraps the whole unit.
    var contexts: [Int: String] = [:]

    mutating func add(_ node: HTMLNode, scope: UnitExtractor.Scope, collector: inout Collector) {
        switch node {
        case let .text(text):
            if collector.isProtected(scope) {
                guard !text.allSatisfy(\.isHTMLWhitespace) else {
                    tokens.append(.text(text))
                    return
                }
                let code = InlineCode(element: "#text", protection: protection(for: scope, collector: collector),
                                      original: text.collapsingHTMLWhitespace().trimmingHTMLWhitespace())
                appendEmpty(code, around: text)
            } else {
                tokens.append(.text(text))
            }
        case let .comment(content):
            // Kept in place as an empty placeholder: the build writes it back as it was.
            codes.append(InlineCode(element: "#comment", protection: .notTranslatable, original: content))
            tokens.append(.empty(codes.count - 1))
        case let .instruction(instruction):
            // Template code: kept as one placeholder and written back byte for byte.
            let range = instruction.range
            codes.append(InlineCode(element: "#instruction", protection: .notTranslatable, original: instruction.text,
                                    span: SourceSpan(start: range.lowerBound, startTagEnd: range.upperBound, endTagStart: nil, end: range.upperBound)))
            tokens.append(.empty(codes.count - 1))
        case let .element(element) where HTMLVocabulary.skippedElements.contains(element.name):
            codes.append(InlineCode(element: element.name, protection: .notTranslatable, original: "", span: element.span))
            tokens.append(.empty(codes.count - 1))
        case let .element(element):
            let scope = collector.scope(for: element, inheriting: scope)
            let name = element.name
            let nested = UnitExtractor.isNested(element)
            if collector.isProtected(scope) && !reopensTranslation(element) {
                collector.extractAttributesBelow(element, scope: scope)
                let original = element.textContent.collapsingHTMLWhitespace().trimmingHTMLWhitespace()
                codes.append(InlineCode(element: name, protection: protection(for: scope, collector: collector),
                                        original: original, span: element.span))
                tokens.append(.empty(codes.count - 1))
            } else if name == "time", let datetime = element[attribute: "datetime"] {
                collector.extractAttributes(of: element, scope: scope)
                codes.append(InlineCode(element: name, protection: .machineReadableTime(datetime),
                                        original: element.textContent.collapsingHTMLWhitespace().trimmingHTMLWhitespace(),
                                        span: element.span))
                tokens.append(.empty(codes.count - 1))
            } else if nested {
                // ITS `withinText="nested"` (a footnote, a `<cite>` of its own): translated as
                // units of its own; here a placeholder for all of it.
                codes.append(InlineCode(element: name, protection: .nested, original: element.textContent.collapsingHTMLWhitespace()
                    .trimmingHTMLWhitespace(), span: element.span))
                tokens.append(.empty(codes.count - 1))
                collector.walkNested(element, scope: scope)
            } else if HTMLVocabulary.voidElements.contains(name) || HTMLVocabulary.opaqueElements.contains(name) {
                collector.extractAttributesBelow(element, scope: scope)
                codes.append(InlineCode(element: name, protection: nil, original: "", span: element.span))
                tokens.append(.empty(codes.count - 1))
            } else {
                collector.extractAttributes(of: element, scope: scope)
                codes.append(InlineCode(element: name, protection: nil, original: "", span: element.span))
                let index = codes.count - 1
                for note in UnitExtractor.notes(of: element) where !notes.contains(note) {
                    notes.append(note)
                }
                if let context = element[attribute: "data-l10n-context"] { contexts[index] = context.trimmingHTMLWhitespace() }
                tokens.append(.open(index))
                for child in element.children {
                    add(child, scope: scope, collector: &collector)
                }
                tokens.append(.close(index))
            }
        case .other:
            hasUnknownNodes = true
        }
    }

    /// Protected text keeps its surrounding whitespace outside the placeholder.
    mutating func appendEmpty(_ code: InlineCode, around text: String) {
        if text.first?.isHTMLWhitespace == true { tokens.append(.text(" ")) }
        codes.append(code)
        tokens.append(.empty(codes.count - 1))
        if text.last?.isHTMLWhitespace == true { tokens.append(.text(" ")) }
    }

    func protection(for scope: UnitExtractor.Scope, collector: Collector) -> InlineCode.Protection {
        scope.translate ? .otherLanguage(scope.language) : .notTranslatable
    }

    /// True when `translate="yes"` below re-opens translation inside protected content.
    func reopensTranslation(_ element: HTMLElement) -> Bool {
        element.children.contains { child in
            guard case let .element(inner) = child else { return false }
            return inner[attribute: "translate"]?.trimmingHTMLWhitespace().lowercased() == "yes" || reopensTranslation(inner)
        }
    }
}
