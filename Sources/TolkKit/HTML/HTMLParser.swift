import Clibxml2
import Foundation

/// Parses HTML with libxml2's HTML parser in recovery mode and hands back Swift values.
///
/// This is the only file that touches libxml2's pointers: the C tree is converted
/// into `HTMLNode` values and freed before `parse` returns.
public enum HTMLParser {
    /// Parses `text` (a whole page) into a document; never fails, since libxml2
    /// recovers from any markup, but records what it had to repair.
    ///
    /// - Parameter locate: find each element's byte span (the build needs them; extraction does not).
    public static func parse(_ text: String, locate: Bool = true) -> HTMLDocument {
        let collector = ProblemCollector()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlSetStructuredErrorFunc(context, collectProblem)
        defer { xmlSetStructuredErrorFunc(nil, nil) }

        var bytes = Array(text.utf8)
        if bytes.isEmpty { bytes = [0x20] }
        let original = bytes
        let instructions = ProcessingInstructions(masking: &bytes)
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
            if case let .element(element) = Converter(instructions: instructions, original: original).convert(rootNode) {
                root = element
                if locate { SpanResolver(bytes: bytes).resolve(&root) }
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

/// Turns libxml2's tree into `HTMLNode` values.
private struct Converter {
    let instructions: ProcessingInstructions
    /// The page's bytes before its instructions were masked.
    let original: [UInt8]

    func convert(_ node: xmlNodePtr) -> HTMLNode {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            let name = String(cString: node.pointee.name).lowercased()
            var attributes: [HTMLAttribute] = []
            var attribute = node.pointee.properties
            while let current = attribute {
                let attributeName = String(cString: current.pointee.name).lowercased()
                var value = ""
                if let raw = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) {
                    value = String(cString: raw)
                    tolk_xml_free(raw)
                }
                attributes.append(HTMLAttribute(name: attributeName, value: value))
                attribute = current.pointee.next
            }
            var children: [HTMLNode] = []
            var child = node.pointee.children
            while let current = child {
                children.append(convert(current))
                child = current.pointee.next
            }
            return .element(HTMLElement(name: name, attributes: attributes, children: children,
                                        line: Int(xmlGetLineNo(node))))
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            return .text(node.pointee.content.map { String(cString: $0) } ?? "")
        case XML_COMMENT_NODE:
            return .comment(node.pointee.content.map { String(cString: $0) } ?? "")
        case XML_PI_NODE:
            guard let range = instructions.range(named: String(cString: node.pointee.name)) else { return .other }
            return .instruction(HTMLInstruction(text: String(decoding: original[range], as: UTF8.self), range: range))
        default:
            return .other
        }
    }
}
