import Foundation

/// An XLIFF 2 document as Tolk reads it for import: validated, its units with their
/// segments' sources and targets, and how its targets go into a catalogue.
struct XLIFFDocument {
    var sourceLanguage: String
    var targetLanguage: String?
    var units: [Unit]
    /// Units whose targets break the specification's rules for inline codes, with the first problem.
    var refusedUnits: [String: (line: Int, message: String)] = [:]
    /// The `original` of each `<file>` (XLIFF 1.2), with its line: the catalogue it came from.
    var originals: [(line: Int, path: String)] = []

    /// A unit of the document: its segments' sources and targets.
    struct Unit {
        var id: String
        var name: String?
        var line: Int
        var segments: [Segment]
        /// Written by another tool (an XLIFF 1.2 file without Tolk's tool-id): its ids are not
        /// Tolk's, so it is found by msgctxt and source.
        var foreign = false
    }

    struct Segment {
        var id: String?
        var state: String?
        var subState: String?
        var source: XMLElement
        var target: XMLElement?
        /// Text read as Tolk's message text, not escaped (an XLIFF 1.2 segment from another tool with no codes).
        var literal = false
    }


    /// Reads and validates an XLIFF 2 document.
    ///
    /// - Throws: `TolkError.exchange` naming the line and the problem for a document that
    ///   is not well-formed, not valid against the core schema, or breaks a processing requirement.
    static func read(_ data: Data, path: String) throws -> XLIFFDocument {
        if XLIFF12Document.isXLIFF1(data) { return try XLIFF12Document.read(data, path: path) }
        guard let schema = XMLSchemaSet.xliff else {
            throw TolkError.exchange(path: path, line: 0, problem: "libxml2 could not compile the XLIFF 2 core schema")
        }
        let root = try XMLTree.read(data, path: path, schema: schema)
        var validation = XLIFFValidation()
        validation.check(root)
        if let problem = validation.problems.min(by: { $0.line < $1.line }) {
            let more = validation.problems.count - 1
            throw TolkError.exchange(path: path, line: problem.line, problem: "not valid XLIFF 2: " + problem.message
                + (more > 0 ? " (and \(more) more problem\(more == 1 ? "" : "s"))" : ""))
        }
        var units: [Unit] = []
        func collect(_ element: XMLElement) {
            for child in element.elements where child.namespace == XLIFFValidation.core {
                if child.name == "group" || child.name == "file" { collect(child) }
                guard child.name == "unit" else { continue }
                let segments = child.elements("segment", namespace: XLIFFValidation.core).compactMap { segment -> Segment? in
                    guard let source = segment.elements("source", namespace: XLIFFValidation.core).first else { return nil }
                    return Segment(id: segment.attribute("id"), state: segment.attribute("state"), subState: segment.attribute("subState"),
                                   source: source, target: segment.elements("target", namespace: XLIFFValidation.core).first)
                }
                units.append(Unit(id: child.attribute("id") ?? "", name: child.attribute("name"), line: child.line, segments: segments))
            }
        }
        collect(root)
        return XLIFFDocument(sourceLanguage: root.attribute("srcLang") ?? "", targetLanguage: root.attribute("trgLang"), units: units,
                        refusedUnits: validation.targetProblems.compactMapValues { $0.min { $0.line < $1.line } })
    }

    /// What importing the document's targets did to one catalogue.
    struct Outcome {
        var updated = 0, unchanged = 0, refused = 0, unknown = 0
        var diagnostics: [Diagnostic] = []
    }

    /// The units refused whichever catalogue they are for: targets whose codes break the
    /// rules, and a unit id given twice. `file` is the document as findings name it.
    func refusals(file: String) -> (outcome: Outcome, duplicated: Set<String>) {
        var outcome = Outcome()
        // Targets whose codes break the rules are refused whichever catalogue they are for.
        for unit in units {
            guard let problem = refusedUnits[unit.id] else { continue }
            outcome.refused += 1
            outcome.diagnostics.append(Diagnostic(.translationRefused, severity: .error, file: file, line: problem.line,
                message: "unit '\(unit.id)': \(problem.message); not imported"))
        }
        // A unit id is unique within a <file>, not across them; Tolk's export writes one
        // <file> per catalogue, so the same unit twice is two answers for one entry.
        var firstLine: [String: Int] = [:]
        var duplicated: Set<String> = []
        for unit in units where refusedUnits[unit.id] == nil {
            guard let first = firstLine[unit.id] else {
                firstLine[unit.id] = unit.line
                continue
            }
            if duplicated.insert(unit.id).inserted { outcome.refused += 1 }
            outcome.diagnostics.append(Diagnostic(.translationRefused, severity: .error, file: file, line: unit.line,
                message: "unit '\(unit.id)' is also at line \(first); Tolk cannot tell which translation is meant, so neither is imported",
                fix: "keep one of them"))
        }
        return (outcome, duplicated)
    }

    /// Puts the targets of every unit not refused into `catalog` (the one at `catalogue`):
    /// a unit matching no entry is reported, a target whose placeholders do not match its
    /// source is refused, and nothing but translations and fuzzy marks changes.
    func merge(into catalog: inout POCatalog, catalogue: String, file: String, skipping duplicated: Set<String>) -> Outcome {
        var outcome = Outcome()
        var byID: [String: Int] = [:]
        // Each msgid's entries, for a unit whose tool dropped the msgctxt (Translate Toolkit's po2xliff does).
        var byMsgid: [String: [Int]] = [:]
        for (index, entry) in catalog.entries.enumerated() where !entry.isHeader && !entry.isObsolete {
            byID[XLIFFWriter.unitID(context: entry.context, id: entry.id)] = index
            byMsgid[entry.id, default: []].append(index)
        }
        for unit in units where refusedUnits[unit.id] == nil && !duplicated.contains(unit.id) {
            // A unit another tool named is found by its msgctxt and source, or by its source
            // alone when the tool dropped the msgctxt and one entry has that source.
            let source = unit.segments.first.flatMap { try? XLIFFDocument.message(from: $0.source, literal: $0.literal) }
            let found = byID[unit.id] ?? (unit.foreign ? source.flatMap { byID[XLIFFWriter.unitID(context: unit.name, id: $0)] }
                ?? source.flatMap { unit.name == nil && byMsgid[$0]?.count == 1 ? byMsgid[$0]?.first : nil } : nil)
            guard let index = found, case let entry = catalog.entries[index],
                  unit.segments.count == (entry.pluralID == nil ? 1 : entry.translations.count),
                  zip(unit.segments, [entry.id] + Array(repeating: entry.pluralID ?? "", count: max(0, unit.segments.count - 1)))
                    .allSatisfy({ (try? XLIFFDocument.message(from: $0.0.source, literal: $0.0.literal)) == $0.1 }) else {
                outcome.unknown += 1
                outcome.diagnostics.append(Diagnostic(.unknownUnit, severity: .warning, file: file, line: unit.line,
                    message: "unit '\(unit.id)' matches no entry of \(catalogue) (its text changed since the export?); not imported",
                    fix: "export again and translate the new text"))
                continue
            }
            guard unit.segments.contains(where: { $0.target != nil }) else {
                outcome.unchanged += 1
                continue
            }
            var updated = entry
            var problem: (line: Int, text: String)?
            for (form, segment) in unit.segments.enumerated() {
                guard let target = segment.target else { continue }
                do {
                    let message = try XLIFFDocument.message(from: target, literal: segment.literal)
                    let source = form == 0 ? entry.id : entry.pluralID ?? entry.id
                    if case let .failure(failure) = PlaceholderCheck.validate(translation: message, source: source) {
                        problem = (target.line, failure.description)
                    } else if !message.isEmpty {
                        // gettext wants a msgstr to start and end with a line break where its
                        // msgid does; CAT tools trim them from preformatted text.
                        updated.translations[form] = POEntry.lineBreaks(of: source, on: message)
                    }
                } catch let TolkError.exchange(_, line, text) {
                    problem = (line, text)
                } catch {
                    problem = (target.line, "\(error)")
                }
            }
            if let problem {
                outcome.refused += 1
                outcome.diagnostics.append(Diagnostic(.translationRefused, severity: .error, file: file, line: problem.line,
                    message: "unit '\(unit.id)': \(problem.text); the catalogue keeps its translation", msgctxt: entry.context, msgid: entry.id))
                continue
            }
            // State: initial (with a target) is fuzzy; translated, reviewed and final come
            // back as they are (`ReviewState`); a plural entry is as far as its least form.
            let state = unit.segments.filter { $0.target != nil }.map { ReviewState(xliff: $0.state) }.min() ?? .translated
            if updated.translations != entry.translations || state != ReviewState(of: entry) {
                updated = (updated.isTranslated ? state : .untranslated).applied(to: updated)
            }
            if updated == entry {
                outcome.unchanged += 1
            } else {
                catalog.entries[index] = updated
                outcome.updated += 1
            }
        }
        return outcome
    }

    /// A source or target as a Tolk message: text escaped, `<pc>`/`<sc>`…`<ec>` as
    /// `<N>…</N>`, `<ph>` as `<N/>`, annotations as their content.
    ///
    /// - Throws: `TolkError.exchange` for a code Tolk did not export (an id that is not a
    ///   placeholder number, an isolated code).
    static func message(from element: XMLElement, literal: Bool = false) throws -> String {
        if element.namespace != XLIFFValidation.core { return try XLIFF12Document.message(from: element, literal: literal) }
        var output = ""
        for child in element.children {
            switch child {
            case let .text(text):
                output += MessageText.escape(text)
            case let .element(code):
                guard code.namespace == XLIFFValidation.core else { continue }
                func number(_ id: String?) throws -> Int {
                    guard let id, let value = Int(id), value > 0, String(value) == id else {
                        throw TolkError.exchange(path: "", line: code.line, problem: "code '\(id ?? "")' is not one Tolk exported")
                    }
                    return value
                }
                switch code.name {
                case "pc": output += "<\(try number(code.attribute("id")))>" + (try message(from: code)) + "</\(try number(code.attribute("id")))>"
                case "ph": output += "<\(try number(code.attribute("id")))/>"
                case "sc":
                    guard code.attribute("isolated") != "yes" else {
                        throw TolkError.exchange(path: "", line: code.line, problem: "code '\(code.attribute("id") ?? "")' is isolated")
                    }
                    output += "<\(try number(code.attribute("id")))>"
                case "ec":
                    guard code.attribute("isolated") != "yes" else {
                        throw TolkError.exchange(path: "", line: code.line, problem: "code '\(code.attribute("id") ?? "")' is isolated")
                    }
                    output += "</\(try number(code.attribute("startRef")))>"
                case "mrk": output += try message(from: code)
                case "cp":
                    // A surrogate or a value past U+10FFFF is no character at all; a control
                    // character is one, and the placeholder check refuses it with the rest.
                    let hex = code.attribute("hex") ?? ""
                    guard hex.count <= 8, let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                        throw TolkError.exchange(path: "", line: code.line, problem: "<cp hex=\"\(hex.prefix(16))\"/> is not a Unicode character")
                    }
                    output += MessageText.escape(String(Character(scalar)))
                default: break
                }
            }
        }
        return output
    }
}
