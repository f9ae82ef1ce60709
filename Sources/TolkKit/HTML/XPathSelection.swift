import Clibxml2
import Foundation

/// ITS selectors and pointers evaluated by libxml2's XPath engine on a page's libxml2
/// tree, while `HTMLParser` still holds it. HTML elements and attributes have no
/// namespace there and lower-case names, as the ITS 2.0 HTML mapping has it (the rules'
/// XHTML prefixes are removed when they are read).
enum XPathSelection {
    /// A rule whose selector or pointer failed on a page (an unknown variable, say).
    struct Failure: Error {
        var path: String
        var line: Int
        var problem: String
    }

    /// libxml2's message when `expression` is no XPath it can compile; nil when it is one.
    static func problem(compiling expression: String, namespaces: [String: String], variables: [String]) -> String? {
        let collector = XPathProblems()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        tolk_xml_silence_generic_errors()
        xmlSetStructuredErrorFunc(context, collectXPathProblem)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        guard let xpath = xmlXPathNewContext(nil) else { return "libxml2 could not start XPath" }
        defer { xmlXPathFreeContext(xpath) }
        for (prefix, uri) in namespaces { xmlXPathRegisterNs(xpath, prefix, uri) }
        guard let compiled = xmlXPathCtxtCompile(xpath, expression) else {
            return collector.problems.first ?? "not an XPath expression"
        }
        xmlXPathFreeCompExpr(compiled)
        return nil
    }

    /// How many XPath operations (libxml2's count of steps and nodes visited) the rules
    /// may spend on one page, all rule sets together: about a second of work, and some
    /// three thousand times what the busiest page of the W3C corpus needs. A selector that
    /// looks at every element once per element (`//*[count(//*) > 0]`) passes it up to
    /// several thousand elements; one that nests that again stops here with an error.
    static let budget: UInt = 100_000_000

    /// What the rules say of each element and attribute they select, by the node's address
    /// in `document`; later rules override earlier ones.
    static func marks(of ruleSets: [ITSRules], in document: xmlDocPtr) throws -> [UnsafeMutableRawPointer: ITSMarks] {
        var marks: [UnsafeMutableRawPointer: ITSMarks] = [:]
        let collector = XPathProblems()
        let errorContext = Unmanaged.passUnretained(collector).toOpaque()
        tolk_xml_silence_generic_errors()
        xmlSetStructuredErrorFunc(errorContext, collectXPathProblem)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let documentNode = UnsafeMutablePointer<xmlNode>(OpaquePointer(document))
        var remaining = budget
        var spent: UInt = 0
        for set in ruleSets {
            guard let xpath = xmlXPathNewContext(document) else { continue }
            defer { xmlXPathFreeContext(xpath) }
            // libxml2 counts nothing when the limit is 0, so an exhausted budget is 1.
            xpath.pointee.opLimit = max(remaining, 1)
            xpath.pointee.opCount = 0
            defer {
                spent += xpath.pointee.opCount
                remaining -= min(remaining, xpath.pointee.opCount)
            }
            // Each rules element's parameters are its variables.
            for parameter in set.parameters {
                xmlXPathRegisterVariable(xpath, parameter.name, xmlXPathNewCString(parameter.value))
            }
            for rule in set.rules {
                for (prefix, uri) in rule.namespaces { xmlXPathRegisterNs(xpath, prefix, uri) }
                func fail(_ expression: String) -> Failure {
                    if xpath.pointee.opCount >= xpath.pointee.opLimit {
                        return Failure(path: set.path, line: rule.line, problem: """
                            the XPath \(quoted(expression)) costs more than Tolk allows the rules of one page \
                            (\(grouped(budget)) steps\(spent > 0 ? ", \(grouped(spent)) of them spent by the rules before it" : "")); \
                            a selector that counts or searches the whole page inside a predicate repeats that \
                            search for every element: select more narrowly
                            """)
                    }
                    return Failure(path: set.path, line: rule.line,
                                   problem: "libxml2 cannot evaluate the XPath \(quoted(expression)): \(collector.problems.last ?? "no result")")
                }
                xpath.pointee.node = documentNode
                guard let result = xmlXPathEvalExpression(rule.selector, xpath) else { throw fail(rule.selector) }
                defer { xmlXPathFreeObject(result) }
                guard result.pointee.type == XPATH_NODESET, let nodes = result.pointee.nodesetval else { continue }
                for index in 0..<Int(nodes.pointee.nodeNr) {
                    guard let node = nodes.pointee.nodeTab[index] else { continue }
                    let type = node.pointee.type
                    guard type == XML_ELEMENT_NODE || type == XML_ATTRIBUTE_NODE else { continue }
                    let key = UnsafeMutableRawPointer(node)
                    var mark = marks[key] ?? ITSMarks()
                    switch rule.action {
                    case let .translate(value):
                        mark.translate = value
                    case let .withinText(value):
                        mark.withinText = value
                    case let .locNote(source, alert):
                        switch source {
                        case let .text(text): mark.note = ITSNote(text: text, isAlert: alert)
                        case let .reference(reference): mark.note = ITSNote(reference: reference, isAlert: alert)
                        case let .pointer(pointer):
                            guard let text = try string(pointer, at: node, in: xpath, fail: fail) else { continue }
                            mark.note = ITSNote(text: text, isAlert: alert)
                        case let .referencePointer(pointer):
                            guard let reference = try string(pointer, at: node, in: xpath, fail: fail) else { continue }
                            mark.note = ITSNote(reference: reference, isAlert: alert)
                        }
                    case let .language(pointer):
                        guard let language = try string(pointer, at: node, in: xpath, fail: fail) else { continue }
                        mark.language = language
                    }
                    marks[key] = mark
                }
            }
        }
        return marks
    }

    /// `expression` in quotation marks for a message, its middle left out when it is long.
    static func quoted(_ expression: String) -> String {
        let limit = 120
        guard expression.count > limit else { return "\"\(expression)\"" }
        return "\"\(expression.prefix(limit / 2))…\(expression.suffix(limit / 2))\" (\(grouped(UInt(expression.count))) characters)"
    }

    /// `number` with its thousands separated by commas, the same in every locale.
    private static func grouped(_ number: UInt) -> String {
        var digits = String(number)
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(",", at: index)
        }
        return digits
    }

    /// The string value of `pointer` evaluated at `node`, whitespace collapsed; nil when empty.
    private static func string(_ pointer: String, at node: xmlNodePtr, in xpath: xmlXPathContextPtr,
                               fail: (String) -> Failure) throws -> String? {
        xpath.pointee.node = node
        guard let result = xmlXPathEvalExpression(pointer, xpath) else { throw fail(pointer) }
        defer { xmlXPathFreeObject(result) }
        guard let raw = xmlXPathCastToString(result) else { return nil }
        defer { tolk_xml_free(raw) }
        let value = String(cString: raw).collapsingHTMLWhitespace().trimmingHTMLWhitespace()
        return value.isEmpty ? nil : value
    }
}

private final class XPathProblems {
    var problems: [String] = []
}

private func collectXPathProblem(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let message = (error.pointee.message.map { String(cString: $0) } ?? "XPath error").trimmingCharacters(in: .whitespacesAndNewlines)
    // libxml2's words, for someone who writes the rules rather than reads libxml2's code.
    let worded = switch message {
    case "Unregistered function": "it calls a function XPath 1.0 does not have"
    case "Undefined variable": "it uses a variable no <its:param> declares"
    case "Undefined namespace prefix": "it uses a namespace prefix the rules do not declare"
    case "Invalid number of arguments": "a function is called with the wrong number of arguments"
    case "Recursion limit exceeded", "Stack usage error": "it nests deeper than libxml2 evaluates"
    default: message
    }
    Unmanaged<XPathProblems>.fromOpaque(context).takeUnretainedValue().problems.append(worded)
}
