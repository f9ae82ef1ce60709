import Clibxml2
import Foundation

/// Parses HTML with libxml2's HTML parser in recovery mode and hands back Swift values.
///
/// libxml2's pointers stay in three files of this folder: this one (the C tree is
/// converted into `HTMLNode` values and freed before `parse` returns), `XPathSelection`
/// (ITS selectors, run on that tree while `parse` holds it) and `XMLTree` (XML files).
enum HTMLParser {
    /// Parses `text` (a whole page) into a document; never fails, since libxml2
    /// recovers from any markup, but records what it had to repair.
    ///
    /// - Parameter locate: find each element's byte span (the build needs them; extraction does not).
    static func parse(_ text: String, locate: Bool = true) -> HTMLDocument {
        // Without a rules resolver, nothing can throw.
        (try? parse(text, locate: locate, rules: nil)) ?? HTMLDocument(root: HTMLElement(name: "html"), problems: [])
    }

    /// Parses `text`, applying ITS global rules: `rules` gets the references the page
    /// makes to rules (linked files, inline scripts) and returns every rule set that
    /// applies, in order of precedence (earliest first).
    ///
    /// - Throws: what `rules` throws, and `XPathSelection.Failure` for a rule libxml2 cannot evaluate.
    static func parse(_ text: String, locate: Bool, rules: (([ITSReference]) throws -> [ITSRules])?) throws -> HTMLDocument {
        let collector = ProblemCollector()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
        let context = Unmanaged.passUnretained(collector).toOpaque()
        tolk_xml_silence_generic_errors()
        xmlSetStructuredErrorFunc(context, collectProblem)
        defer { xmlSetStructuredErrorFunc(nil, nil) }

        var bytes = Array(text.utf8)
        if bytes.isEmpty { bytes = [0x20] }
        let original = bytes
        let scan = PageScan(masking: &bytes, recordingTags: locate)
        // libxml2's own position recording (record_info) is not usable: in 2.9.14 it
        // crashes on pages whose <html> or <body> is implied and misplaces end positions.
        // SpanResolver finds every element's tags in the bytes instead.
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
            }
        }
        defer { if let document { xmlFreeDoc(document) } }

        var root = HTMLElement(name: "html")
        if let document, let rootNode = xmlDocGetRootElement(document) {
            var marks: [UnsafeMutableRawPointer: ITSMarks] = [:]
            if let rules {
                let sets = try rules(ITSReferences.find(in: rootNode))
                if !sets.isEmpty { marks = try XPathSelection.marks(of: sets, in: document) }
            }
            if case let .element(element) = Converter(scan: scan, original: original, marks: marks).convert(rootNode) {
                root = element
                if locate { SpanResolver(bytes: bytes).resolve(&root, startTags: scan.startTags) }
            }
        }
        return HTMLDocument(root: root, problems: collector.problems)
    }

    /// Reports libxml2 raises that are valid HTML5 or change nothing a translator sees:
    /// `</` inside a script string, a bare `&` or `&name=` without `;`, a repeated `id`.
    static func isHarmless(code: Int, message: String) -> Bool {
        if code == Int(XML_DTD_ID_REDEFINED.rawValue) { return true }
        if message.hasPrefix("Element script embeds close tag") || message.hasPrefix("Element style embeds close tag") { return true }
        // "&" alone, or "&open=" in a URL: both valid HTML5.
        if message.hasPrefix("htmlParseEntityRef: no name") || message.hasPrefix("htmlParseEntityRef: expecting ';'") { return true }
        return false
    }

    /// libxml2's message on one line, short, in words a page author acts on.
    static func readable(_ message: String) -> String {
        if message.hasPrefix("Excessive depth in document") {
            return "elements nested more than 256 deep; the content below that depth is skipped"
        }
        let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        return oneLine.count > 120 ? String(oneLine.prefix(117)) + "..." : oneLine
    }
}

private final class ProblemCollector {
    var problems: [HTMLProblem] = []
}

/// libxml2's structured error callback; `context` is the `ProblemCollector` of the parse under way.
private func collectProblem(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let code = Int(error.pointee.code)
    // libxml2 knows HTML 4 only: HTML5 elements (section, time, nav, ...) are not problems.
    if code == Int(XML_HTML_UNKNOWN_TAG.rawValue) { return }
    let message = error.pointee.message.map { String(cString: $0) } ?? "markup error"
    if HTMLParser.isHarmless(code: code, message: message) { return }
    let collector = Unmanaged<ProblemCollector>.fromOpaque(context).takeUnretainedValue()
    collector.problems.append(HTMLProblem(line: Int(error.pointee.line), message: HTMLParser.readable(message)))
}

/// Turns libxml2's tree into `HTMLNode` values, putting back what `PageScan` masked.
private final class Converter {
    let scan: PageScan
    /// The page's bytes before masking.
    let original: [UInt8]
    /// The content of each text-only element not yet met, by element name, in page order.
    var textContents: [String: ArraySlice<PageScan.TextContent>]
    /// What ITS global rules say, by node address.
    let marks: [UnsafeMutableRawPointer: ITSMarks]

    init(scan: PageScan, original: [UInt8], marks: [UnsafeMutableRawPointer: ITSMarks] = [:]) {
        self.scan = scan
        self.original = original
        self.marks = marks
        textContents = Dictionary(grouping: scan.textContents, by: \.element).mapValues { $0[...] }
    }

    func convert(_ node: xmlNodePtr) -> HTMLNode {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            let name = String(cString: node.pointee.name).lowercased()
            var attributes: [HTMLAttribute] = []
            var attributeMarks: [String: ITSMarks] = [:]
            var attribute = node.pointee.properties
            while let current = attribute {
                let attributeName = String(cString: current.pointee.name).lowercased()
                if !marks.isEmpty, let mark = marks[UnsafeMutableRawPointer(current)] { attributeMarks[attributeName] = mark }
                var value = ""
                if let raw = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) {
                    value = String(cString: raw)
                    tolk_xml_free(raw)
                }
                attributes.append(HTMLAttribute(name: attributeName, value: value))
                attribute = current.pointee.next
            }
            var children: [HTMLNode] = []
            if let content = textContents[name]?.popFirst(), content.isMasked {
                children = unmasked(content)
            } else {
                var child = node.pointee.children
                while let current = child {
                    children.append(convert(current))
                    child = current.pointee.next
                }
            }
            var element = HTMLElement(name: name, attributes: attributes, children: children, line: Int(xmlGetLineNo(node)))
            if !marks.isEmpty {
                let mark = marks[UnsafeMutableRawPointer(node)]
                if mark != nil || !attributeMarks.isEmpty {
                    element.its = ITSAnnotations(element: mark ?? ITSMarks(), attributes: attributeMarks)
                }
            }
            return .element(element)
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            return .text(node.pointee.content.map { String(cString: $0) } ?? "")
        case XML_COMMENT_NODE:
            return .comment(node.pointee.content.map { String(cString: $0) } ?? "")
        case XML_PI_NODE:
            guard let range = scan.instruction(named: String(cString: node.pointee.name)) else { return .other }
            return .instruction(HTMLInstruction(text: String(decoding: original[range], as: UTF8.self), range: range))
        default:
            return .other
        }
    }

    /// A text-only element's content read from the page: text (entities decoded where HTML
    /// decodes them) and the instructions in it.
    func unmasked(_ content: PageScan.TextContent) -> [HTMLNode] {
        var nodes: [HTMLNode] = []
        var cursor = content.range.lowerBound
        func text(upTo end: Int) {
            guard cursor < end else { return }
            let raw = String(decoding: original[cursor..<end], as: UTF8.self)
            nodes.append(.text(PageScan.escapableRawText.contains(content.element) ? HTMLEntities.decode(raw) : raw))
        }
        for range in scan.instructions where content.range.contains(range.lowerBound) {
            text(upTo: range.lowerBound)
            nodes.append(.instruction(HTMLInstruction(text: String(decoding: original[range], as: UTF8.self), range: range)))
            cursor = range.upperBound
        }
        text(upTo: content.range.upperBound)
        return nodes
    }
}

/// Character references, decoded as libxml2's HTML parser decodes them in text.
enum HTMLEntities {
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[ampersand...]
            guard let semicolon = rest.prefix(40).firstIndex(of: ";"),
                  let scalar = scalar(for: rest[rest.index(after: ampersand)..<semicolon]) else {
                result += "&"
                rest = rest.dropFirst()
                continue
            }
            result.unicodeScalars.append(scalar)
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    /// The character `&reference;` stands for: `#N`, `#xH` or an HTML 4 entity name.
    private static func scalar(for reference: Substring) -> Unicode.Scalar? {
        if reference.hasPrefix("#x") || reference.hasPrefix("#X") {
            return UInt32(reference.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        }
        if reference.hasPrefix("#") {
            return UInt32(reference.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
        }
        guard !reference.isEmpty, let entity = htmlEntityLookup(String(reference)) else { return nil }
        return Unicode.Scalar(entity.pointee.value)
    }
}

/// Finds where a page names ITS rules, on libxml2's tree.
private enum ITSReferences {
    /// The page's `<link rel="its-rules">` and `<script type="application/its+xml">`, in
    /// document order. The walk compares C strings only: most pages have neither.
    static func find(in root: xmlNodePtr) -> [ITSReference] {
        var references: [ITSReference] = []
        func walk(_ node: xmlNodePtr) {
            var child: xmlNodePtr? = node
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE, let name = current.pointee.name {
                    if strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), "link") == 0, let rel = attribute(current, "rel"),
                       rel.lowercased().split(whereSeparator: \.isHTMLWhitespace).contains("its-rules"),
                       let href = attribute(current, "href") {
                        references.append(.linked(href: href.trimmingHTMLWhitespace(), line: Int(xmlGetLineNo(current))))
                    } else if strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), "script") == 0,
                              attribute(current, "type")?.trimmingHTMLWhitespace().lowercased() == "application/its+xml" {
                        var text = ""
                        if let content = xmlNodeGetContent(current) {
                            text = String(cString: content)
                            tolk_xml_free(content)
                        }
                        references.append(.inline(text: text, line: Int(xmlGetLineNo(current))))
                    }
                    if let children = current.pointee.children { walk(children) }
                }
                child = current.pointee.next
            }
        }
        walk(root)
        return references
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { tolk_xml_free(value) }
        return String(cString: value)
    }
}
