import Clibxml2
import Foundation

/// An XML element read by libxml2, as a Swift value. Comments and processing
/// instructions are dropped; CDATA sections are text.
struct XMLElement: Sendable {
    var namespace: String?
    var name: String
    var attributes: [XMLAttribute]
    var children: [XMLContent]
    /// 1-based line of the start tag.
    var line: Int
    /// The namespace prefixes in scope here, by prefix (`""` for the default namespace).
    var namespaces: [String: String] = [:]

    /// The element's text, its children's included.
    var text: String {
        children.map { content -> String in
            switch content {
            case let .text(text): return text
            case let .element(element): return element.text
            }
        }.joined()
    }

    func attribute(_ name: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name == name && $0.namespace == namespace }?.value
    }

    var elements: [XMLElement] {
        children.compactMap { if case let .element(element) = $0 { return element }; return nil }
    }

    func elements(_ name: String, namespace: String?) -> [XMLElement] {
        elements.filter { $0.name == name && $0.namespace == namespace }
    }
}

struct XMLAttribute: Sendable {
    var namespace: String?
    var name: String
    var value: String
}

enum XMLContent: Sendable {
    case element(XMLElement)
    case text(String)
}

/// Reading XML files (ITS rules, XLIFF) with libxml2 into `XMLElement` values; with
/// `HTMLParser` and `XPathSelection`, one of the three files that touch its pointers. No
/// network, no DTD, no entity expansion from outside the document.
enum XMLTree {
    /// Parses `data` and, when `schema` is given, validates it.
    ///
    /// - Throws: `TolkError.exchange` with the line and libxml2's message for a document
    ///   that is not well-formed or not valid against the schema.
    static func read(_ data: Data, path: String, schema: XMLSchemaSet? = nil) throws -> XMLElement {
        let (collector, context) = listening()
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let options = parseOptions
        let document = data.withUnsafeBytes { bytes in
            xmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil, nil, options)
        }
        // An entity declaration can read another file or multiply a few bytes into
        // gigabytes; libxml2 leaves references to it out of the tree, so text would go
        // missing without a word. Nothing Tolk reads needs one.
        let entityLine = firstEntityDeclaration(in: data)
        if let entityLine, document == nil || document?.pointee.intSubset != nil {
            if let document { xmlFreeDoc(document) }
            throw entityDeclared(path: path, line: entityLine)
        }
        guard let document else {
            let problem = collector.problems.first
            throw TolkError.exchange(path: path, line: problem?.line ?? 0, problem: "not well-formed XML: " + (problem?.message ?? "empty document"))
        }
        defer { xmlFreeDoc(document) }
        if schema != nil, document.pointee.intSubset != nil {
            throw TolkError.exchange(path: path, line: 1, problem: "a document type declaration (<!DOCTYPE>) has no place in XLIFF 2")
        }
        if let schema {
            collector.problems.removeAll()
            guard let validation = xmlSchemaNewValidCtxt(schema.schema) else {
                throw TolkError.exchange(path: path, line: 0, problem: "libxml2 could not start schema validation")
            }
            defer { xmlSchemaFreeValidCtxt(validation) }
            xmlSchemaSetValidStructuredErrors(validation, collectXMLProblem, context)
            if xmlSchemaValidateDoc(validation, document) != 0 {
                let problem = collector.problems.first
                throw TolkError.exchange(path: path, line: problem?.line ?? 0,
                                         problem: "not valid XLIFF 2 (OASIS core schema): " + (problem?.message ?? "invalid"))
            }
        }
        guard let root = xmlDocGetRootElement(document) else {
            throw TolkError.exchange(path: path, line: 0, problem: "the document has no root element")
        }
        return convert(root, namespaces: [:])
    }

    /// Reads `data` a piece at a time (libxml2's reader): the root element (to `root`, its
    /// children left out), then each of its children (to `each`, theirs left out) and each
    /// of theirs whole (to `each`, with the child they are in), dropped before the next is read, so a file of any size
    /// takes the memory of its largest piece. The same limits as `read`: no network, no
    /// DTD, no entity declaration.
    ///
    /// - Throws: `TolkError.exchange` with the line for a document that is not
    ///   well-formed, and what `body` throws. Returns the root element, its children left out.
    @discardableResult
    static func stream(_ data: Data, path: String, root rootBody: (XMLElement) throws -> Void,
                       each body: (_ parent: XMLElement, _ element: XMLElement?) throws -> Void) throws -> XMLElement {
        if let line = firstEntityDeclaration(in: data) { throw entityDeclared(path: path, line: line) }
        let (collector, context) = listening()
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let options = parseOptions
        return try data.withUnsafeBytes { bytes -> XMLElement in
            guard let reader = xmlReaderForMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil, nil, options) else {
                throw TolkError.exchange(path: path, line: 0, problem: "libxml2 could not start reading the document")
            }
            defer { xmlFreeTextReader(reader) }
            func failure() -> TolkError {
                let problem = collector.problems.first
                return TolkError.exchange(path: path, line: problem?.line ?? Int(xmlTextReaderGetParserLineNumber(reader)),
                                          problem: "not well-formed XML: " + (problem?.message ?? "empty document"))
            }
            var root: XMLElement?
            var parent: XMLElement?
            var status = xmlTextReaderRead(reader)
            while status == 1 {
                let isElement = xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue)
                let level = xmlTextReaderDepth(reader)
                if isElement, level < 2, let node = xmlTextReaderCurrentNode(reader) {
                    var element = convert(node, namespaces: parent?.namespaces ?? root?.namespaces ?? [:], children: false)
                    element.line = Int(xmlTextReaderGetParserLineNumber(reader))
                    if level == 0 {
                        root = element
                        try rootBody(element)
                    } else {
                        parent = element
                        try body(element, nil)
                    }
                } else if isElement, level == 2, let parent {
                    guard let node = xmlTextReaderExpand(reader) else { throw failure() }
                    try body(parent, convert(node, namespaces: parent.namespaces))
                    status = xmlTextReaderNext(reader)
                    continue
                }
                status = xmlTextReaderRead(reader)
            }
            guard status == 0, let root else { throw failure() }
            return root
        }
    }

    /// No network, CDATA as text: the options of every read.
    private static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// A collector of this thread's libxml2 problems, set as its error handler (the caller
    /// unsets it), and the pointer to it that libxml2 hands back.
    private static func listening() -> (XMLProblemCollector, UnsafeMutableRawPointer) {
        let collector = XMLProblemCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        tolk_xml_silence_generic_errors()
        xmlSetStructuredErrorFunc(context, collectXMLProblem)
        return (collector, context)
    }

    private static func entityDeclared(path: String, line: Int) -> TolkError {
        TolkError.exchange(path: path, line: line, problem: """
            the document declares an entity (<!ENTITY>), which Tolk does not read: \
            entities can pull in other files or multiply text; write the text itself
            """)
    }

    /// The line of the first `<!ENTITY` in `data`, nil when there is none.
    private static func firstEntityDeclaration(in data: Data) -> Int? {
        let marker = Array("<!ENTITY".utf8)
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int? in
            var line = 1
            var index = 0
            while index + marker.count <= bytes.count {
                let byte = bytes[index]
                if byte == 0x0A {
                    line += 1
                } else if byte == 0x3C, bytes[index + 1] == 0x21, zip(marker, bytes[index..<index + marker.count]).allSatisfy({ $0 == $1 }) {
                    return line
                }
                index += 1
            }
            return nil
        }
    }

    private static func convert(_ node: xmlNodePtr, namespaces inherited: [String: String], children withChildren: Bool = true) -> XMLElement {
        var namespaces = inherited
        var declaration = node.pointee.nsDef
        while let current = declaration {
            let prefix = current.pointee.prefix.map { String(cString: $0) } ?? ""
            namespaces[prefix] = current.pointee.href.map { String(cString: $0) } ?? ""
            declaration = current.pointee.next
        }
        var attributes: [XMLAttribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let value = xmlNodeGetContent(UnsafeMutablePointer<xmlNode>(OpaquePointer(current)))
            attributes.append(XMLAttribute(namespace: current.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) },
                                           name: String(cString: current.pointee.name),
                                           value: value.map { String(cString: $0) } ?? ""))
            if let value { tolk_xml_free(value) }
            attribute = current.pointee.next
        }
        var children: [XMLContent] = []
        var child = withChildren ? node.pointee.children : nil
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(convert(current, namespaces: namespaces)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    let text = String(cString: content)
                    if case let .text(previous)? = children.last {
                        children[children.count - 1] = .text(previous + text)
                    } else {
                        children.append(.text(text))
                    }
                }
            default:
                break
            }
            child = current.pointee.next
        }
        return XMLElement(namespace: node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) },
                          name: String(cString: node.pointee.name), attributes: attributes, children: children,
                          line: Int(xmlGetLineNo(node)), namespaces: namespaces)
    }
}

/// A compiled XML schema, kept for the life of the process (libxml2 validates against
/// one schema from several threads safely; each validation has its own context).
final class XMLSchemaSet: @unchecked Sendable {
    let schema: xmlSchemaPtr

    private init(schema: xmlSchemaPtr) {
        self.schema = schema
    }

    deinit { xmlSchemaFree(schema) }

    /// The XLIFF 2 core schema, compiled once.


    /// Compiles `main` with the files it imports, written to a temporary folder (libxml2
    /// resolves an import's schemaLocation against the main schema's path).
    static func compile(main: String, imports: [String: String]) -> XMLSchemaSet? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-schema-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            for (path, text) in imports {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            let mainURL = folder.appendingPathComponent("schema.xsd")
            try Data(main.utf8).write(to: mainURL)
            guard let parser = xmlSchemaNewParserCtxt(mainURL.path) else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            return xmlSchemaParse(parser).map(XMLSchemaSet.init(schema:))
        } catch {
            return nil
        }
    }
}

private final class XMLProblemCollector {
    var problems: [(line: Int, message: String)] = []
}

/// libxml2's structured error callback; `context` is the collector of the read under way.
private func collectXMLProblem(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let collector = Unmanaged<XMLProblemCollector>.fromOpaque(context).takeUnretainedValue()
    var message = (error.pointee.message.map { String(cString: $0) } ?? "error")
        .split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    // libxml2 suggests an option that turns its safety limits off; Tolk keeps them.
    if let huge = message.range(of: "use XML_PARSE_HUGE option") ?? message.range(of: "XML_PARSE_HUGE") {
        message = message[..<huge.lowerBound].trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
            + " (beyond the limits libxml2 keeps for safety)"
    }
    collector.problems.append((Int(error.pointee.line), message))
}
