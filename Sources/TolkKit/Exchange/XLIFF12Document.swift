import Foundation

/// XLIFF 1.2 read for import, as Tolk writes it (`XLIFF12Writer`) and as other tools do
/// (Okapi, Translate Toolkit's `po2xliff`): into the same units and segments as an XLIFF 2
/// document, so one merge puts either into a catalogue.
///
/// - `<trans-unit>` is a unit of one segment; a `<group restype="x-gettext-plurals">` is one
///   unit with a segment per form. `resname` is the msgctxt (Translate Toolkit's
///   `x-po-msgctxt` context too): a unit whose id is not Tolk's is matched by it and its source.
/// - `state` and `approved` become XLIFF 2's words (`ReviewState`): `needs-*` and `new` are
///   fuzzy, `translated` translated, `signed-off` reviewed, `final` final; a target with no
///   `state` is translated, or fuzzy with `approved="no"`.
/// - Inline codes: `<g>`, `<bx>`/`<ex>` and `<bpt>`/`<ept>` with Tolk's numbers as ids are
///   placeholders, `<x>`, `<ph>` and `<it>` empty ones, `<mrk>` its content. A segment with
///   no codes from another tool is read as Tolk's message text (Translate Toolkit writes a
///   catalogue's `<1>…</1>` as text).
/// - `<alt-trans>` (memory matches) is never imported: only targets are.
enum XLIFF12Document {
    static let namespace = XLIFF12Writer.namespace
    /// XLIFF 1.1's, which Translate Toolkit's po2xliff still writes.
    static let namespace11 = "urn:oasis:names:tc:xliff:document:1.1"

    /// Whether `data` is XLIFF 1.x: its opening names the 1.2 (or 1.1) namespace or version.
    static func isXLIFF1(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        return head.contains("urn:oasis:names:tc:xliff:document:1.") || head.range(of: #"<xliff[^>]*version=["']1\."#, options: .regularExpression) != nil
    }

    static func read(_ data: Data, path: String) throws -> XLIFFDocument {
        let root = try XMLTree.read(data, path: path)
        func fail(_ line: Int, _ problem: String) -> TolkError { TolkError.exchange(path: path, line: line, problem: problem) }
        guard root.name == "xliff" else { throw fail(root.line, "not an XLIFF document: the root element is <\(root.name)>") }
        guard root.namespace == namespace || root.namespace == namespace11 || root.namespace == nil else {
            throw fail(root.line, "the namespace \(root.namespace ?? "") is not XLIFF 1.2's (\(namespace)) or 1.1's")
        }
        guard root.attribute("version") == "1.2" || root.attribute("version") == "1.1" else {
            throw fail(root.line, "XLIFF version \(root.attribute("version").map { "'\($0)'" } ?? "missing"); Tolk reads 1.2 and 2.x")
        }
        let files = root.elements("file", namespace: root.namespace)
        guard let first = files.first else { throw fail(root.line, "no <file>: XLIFF 1.2 needs one") }
        guard let source = first.attribute("source-language") else { throw fail(first.line, "<file> without its source-language") }
        let target = first.attribute("target-language")
        for file in files.dropFirst() where file.attribute("source-language") != source || file.attribute("target-language") != target {
            throw fail(file.line, "this <file> is in \(file.attribute("source-language") ?? "?") to \(file.attribute("target-language") ?? "?"), "
                + "the first in \(source) to \(target ?? "?"); import one language pair at a time")
        }
        var units: [XLIFFDocument.Unit] = []
        for file in files {
            let foreign = file.attribute("tool-id") != "tolk"
            guard let body = file.elements("body", namespace: root.namespace).first else { throw fail(file.line, "<file> without a <body>") }
            try collect(body, into: &units, foreign: foreign, fail: fail)
        }
        return XLIFFDocument(sourceLanguage: source, targetLanguage: target, units: units, originals: files.compactMap { file in
            file.attribute("original").map { (file.line, $0) }
        })
    }

    private static func collect(_ element: XMLElement, into units: inout [XLIFFDocument.Unit], foreign: Bool,
                                fail: (Int, String) -> TolkError) throws {
        for child in element.elements where child.namespace == element.namespace {
            switch child.name {
            case "group" where child.attribute("restype") == "x-gettext-plurals":
                let forms = child.elements("trans-unit", namespace: child.namespace)
                guard let id = child.attribute("id") ?? forms.first?.attribute("id").map({ String($0.prefix { $0 != "[" }) }) else {
                    throw fail(child.line, "a plural <group> without an id")
                }
                let segments = try forms.map { try segment(of: $0, foreign: foreign, fail: fail) }
                units.append(XLIFFDocument.Unit(id: id, name: child.attribute("resname") ?? forms.first.flatMap(msgctxt), line: child.line,
                                                segments: segments, foreign: foreign))
            case "group":
                try collect(child, into: &units, foreign: foreign, fail: fail)
            case "trans-unit" where child.attribute("restype") == "x-gettext-domain-header":
                // A PO header Translate Toolkit carries along: not a message.
                break
            case "trans-unit":
                guard let id = child.attribute("id") else { throw fail(child.line, "a <trans-unit> without its id") }
                units.append(XLIFFDocument.Unit(id: id, name: child.attribute("resname") ?? msgctxt(child), line: child.line,
                                                segments: [try segment(of: child, foreign: foreign, fail: fail)], foreign: foreign))
            default:
                break
            }
        }
    }

    /// Translate Toolkit's msgctxt: `<context context-type="x-po-msgctxt">`.
    private static func msgctxt(_ unit: XMLElement) -> String? {
        for group in unit.elements("context-group", namespace: unit.namespace) {
            for context in group.elements("context", namespace: unit.namespace) where context.attribute("context-type") == "x-po-msgctxt" {
                return context.text
            }
        }
        return nil
    }

    private static func segment(of unit: XMLElement, foreign: Bool, fail: (Int, String) -> TolkError) throws -> XLIFFDocument.Segment {
        guard let source = unit.elements("source", namespace: unit.namespace).first else {
            throw fail(unit.line, "a <trans-unit> without a <source>")
        }
        let target = unit.elements("target", namespace: unit.namespace).first
        let state: String
        switch target?.attribute("state") {
        case "translated": state = "translated"
        case "signed-off": state = "reviewed"
        case "final": state = "final"
        case nil where target != nil: state = unit.attribute("approved") == "no" ? "initial" : "translated"
        default: state = "initial"
        }
        return XLIFFDocument.Segment(id: unit.attribute("id"), state: state, subState: nil, source: source, target: target,
                                     literal: foreign && !source.children.contains { if case .element = $0 { return true }; return false })
    }

    /// A 1.2 source or target as a Tolk message.
    static func message(from element: XMLElement, literal: Bool) throws -> String {
        var output = ""
        func number(_ code: XMLElement, _ id: String?) throws -> Int {
            guard let id, let value = Int(id), value > 0, String(value) == id else {
                throw TolkError.exchange(path: "", line: code.line, problem: "code '\(id ?? "")' is not one Tolk exported")
            }
            return value
        }
        for child in element.children {
            switch child {
            case let .text(text):
                output += literal ? text : MessageText.escape(text)
            case let .element(code):
                guard code.namespace == element.namespace else { continue }
                switch code.name {
                case "g":
                    let id = try number(code, code.attribute("id"))
                    output += "<\(id)>" + (try message(from: code, literal: false)) + "</\(id)>"
                case "x", "ph", "it": output += "<\(try number(code, code.attribute("id")))/>"
                case "bx", "bpt": output += "<\(try number(code, code.attribute("id")))>"
                case "ex", "ept": output += "</\(try number(code, code.attribute("rid") ?? code.attribute("id")))>"
                case "mrk": output += try message(from: code, literal: false)
                default: break
                }
            }
        }
        return output
    }
}
