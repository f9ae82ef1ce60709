import Foundation

/// One `its:rules` element of ITS 2.0 (https://www.w3.org/TR/its20/): global rules that say
/// once, with XPath selectors, what local markup would say element by element.
///
/// Tolk reads the four data categories it acts on: Translate (`translateRule`), Elements
/// Within Text (`withinTextRule`), Localization Note (`locNoteRule`) and Language
/// Information (`langRule`), and the rules' parameters (`its:param`). Other ITS rules are
/// read past. Rules come from a project-wide file (`Locales/its-rules.xml`), from files a
/// page links with `<link rel="its-rules">` and from `<script type="application/its+xml">`
/// in the page, in that order; a later rule wins over an earlier one for the same node,
/// and local markup (`translate`, `lang`, `its-*` attributes) over every rule.
public struct ITSRules: Sendable, Equatable {
    public static let namespace = "http://www.w3.org/2005/11/its"
    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"

    /// Where Elements Within Text puts an element.
    public enum WithinText: String, Sendable, Equatable {
        /// Part of the text around it: a placeholder in the sentence.
        case yes
        /// A block: it ends the unit before it.
        case no
        /// Its own unit, shown in the one around it as a placeholder.
        case nested
    }

    /// Where a localization note's text comes from.
    public enum NoteSource: Sendable, Equatable {
        /// `its:locNote`'s content.
        case text(String)
        /// `locNotePointer`: an XPath, relative to the node, to the note's text.
        case pointer(String)
        /// `locNoteRef`: the address of a note.
        case reference(String)
        /// `locNoteRefPointer`: an XPath, relative to the node, to the address of a note.
        case referencePointer(String)
    }

    public struct Rule: Sendable, Equatable {
        public enum Action: Sendable, Equatable {
            case translate(Bool)
            case withinText(WithinText)
            case locNote(NoteSource, alert: Bool)
            /// `langPointer`: an XPath, relative to the node, to its language.
            case language(pointer: String)
        }

        /// The XPath selector as libxml2 evaluates it on an HTML page: prefixes bound to the
        /// XHTML namespace removed, since HTML elements carry no namespace there.
        public var selector: String
        public var action: Action
        /// The other namespace prefixes in scope, for XPath.
        public var namespaces: [String: String]
        /// Line of the rule in its file.
        public var line: Int
    }

    /// The file (or page) the rules were read from, for messages.
    public var path: String
    /// An `its:param`: an XPath variable for the rules of its `its:rules`.
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    /// The parameters, in order.
    public var parameters: [Parameter]
    public var rules: [Rule]

    /// Reads an ITS rules document.
    ///
    /// - Parameter lineOffset: added to every line (rules inside a page's `<script>`).
    /// - Throws: `TolkError.itsRules` with the file and line for XML that is not well-formed,
    ///   a root that is not `its:rules`, a rule without what it needs, or a selector or
    ///   pointer libxml2's XPath rejects.
    public static func read(_ data: Data, path: String, lineOffset: Int = 0) throws -> ITSRules {
        let root: XMLElement
        do {
            root = try XMLTree.read(data, path: path)
        } catch let TolkError.exchange(_, line, problem) {
            throw TolkError.itsRules(path: path, line: line + lineOffset, problem: problem)
        }
        return try read(root, path: path, lineOffset: lineOffset)
    }

    static func read(_ root: XMLElement, path: String, lineOffset: Int) throws -> ITSRules {
        func fail(_ element: XMLElement, _ problem: String) -> TolkError {
            TolkError.itsRules(path: path, line: element.line + lineOffset, problem: problem)
        }
        guard root.namespace == namespace, root.name == "rules" else {
            throw fail(root, "not ITS rules: the root element must be <its:rules> in the namespace \(namespace)")
        }
        guard let version = root.attribute("version"), version == "2.0" || version == "1.0" else {
            throw fail(root, "<its:rules> needs version=\"2.0\"")
        }
        var result = ITSRules(path: path, parameters: [], rules: [])
        for element in root.elements where element.namespace == namespace {
            if element.name == "param" {
                guard let name = element.attribute("name"), !name.isEmpty else { throw fail(element, "<its:param> needs a name") }
                result.parameters.append(Parameter(name: name, value: element.text))
                continue
            }
            let action: Rule.Action
            switch element.name {
            case "translateRule":
                switch element.attribute("translate") {
                case "yes": action = .translate(true)
                case "no": action = .translate(false)
                default: throw fail(element, "<its:translateRule> needs translate=\"yes\" or translate=\"no\"")
                }
            case "withinTextRule":
                guard let value = element.attribute("withinText").flatMap(WithinText.init(rawValue:)) else {
                    throw fail(element, "<its:withinTextRule> needs withinText=\"yes\", \"no\" or \"nested\"")
                }
                action = .withinText(value)
            case "locNoteRule":
                let alert: Bool
                switch element.attribute("locNoteType") {
                case "alert": alert = true
                case "description": alert = false
                default: throw fail(element, "<its:locNoteRule> needs locNoteType=\"alert\" or \"description\"")
                }
                var sources: [NoteSource] = element.elements("locNote", namespace: namespace).map {
                    .text($0.text.collapsingHTMLWhitespace().trimmingHTMLWhitespace())
                }
                if let pointer = element.attribute("locNotePointer") { sources.append(.pointer(pointer)) }
                if let reference = element.attribute("locNoteRef") { sources.append(.reference(reference)) }
                if let pointer = element.attribute("locNoteRefPointer") { sources.append(.referencePointer(pointer)) }
                guard sources.count == 1 else {
                    throw fail(element, "<its:locNoteRule> needs exactly one of <its:locNote>, locNotePointer, locNoteRef and locNoteRefPointer")
                }
                action = .locNote(sources[0], alert: alert)
            case "langRule":
                guard let pointer = element.attribute("langPointer"), !pointer.isEmpty else {
                    throw fail(element, "<its:langRule> needs a langPointer")
                }
                action = .language(pointer: pointer)
            default:
                // A data category Tolk does not act on (storage size, terminology, ...).
                continue
            }
            guard let selector = element.attribute("selector"), !selector.isEmpty else {
                throw fail(element, "<its:\(element.name)> needs a selector")
            }
            var namespaces = element.namespaces.filter { !$0.key.isEmpty && $0.value != xhtmlNamespace }
            namespaces["its"] = namespaces["its"] ?? namespace
            let xhtml = element.namespaces.filter { !$0.key.isEmpty && $0.value == xhtmlNamespace }.map(\.key)
            let rule = Rule(selector: withoutPrefixes(selector, xhtml), action: mapPointers(action, xhtml),
                            namespaces: namespaces, line: element.line + lineOffset)
            let variables = result.parameters.map(\.name)
            for expression in [rule.selector] + rule.pointers {
                if let problem = XPathSelection.problem(compiling: expression, namespaces: namespaces, variables: variables) {
                    throw fail(element, "libxml2 cannot read the XPath \(XPathSelection.quoted(expression)): \(problem)")
                }
            }
            result.rules.append(rule)
        }
        return result
    }

    private static func mapPointers(_ action: Rule.Action, _ prefixes: [String]) -> Rule.Action {
        switch action {
        case let .locNote(.pointer(pointer), alert): return .locNote(.pointer(withoutPrefixes(pointer, prefixes)), alert: alert)
        case let .locNote(.referencePointer(pointer), alert):
            return .locNote(.referencePointer(withoutPrefixes(pointer, prefixes)), alert: alert)
        case let .language(pointer): return .language(pointer: withoutPrefixes(pointer, prefixes))
        default: return action
        }
    }

    /// `expression` with the name tests' `prefix:` removed for `prefixes` (bound to the
    /// XHTML namespace), outside string literals: `//h:p[@id='a:b']` becomes `//p[@id='a:b']`.
    static func withoutPrefixes(_ expression: String, _ prefixes: [String]) -> String {
        guard !prefixes.isEmpty else { return expression }
        var result = ""
        var quote: Character?
        var index = expression.startIndex
        func isNameCharacter(_ character: Character) -> Bool {
            character.isLetter || character.isNumber || character == "_" || character == "-" || character == "."
        }
        while index < expression.endIndex {
            let character = expression[index]
            if let open = quote {
                if character == open { quote = nil }
                result.append(character)
                index = expression.index(after: index)
                continue
            }
            if character == "'" || character == "\"" {
                quote = character
                result.append(character)
                index = expression.index(after: index)
                continue
            }
            // A prefix starts a name: not after a name character, `$` (a variable) or `@`'s name.
            let previous = result.last
            if isNameCharacter(character), previous.map({ !isNameCharacter($0) && $0 != "$" }) ?? true,
               let prefix = prefixes.first(where: { expression[index...].hasPrefix($0 + ":") }) {
                let after = expression.index(index, offsetBy: prefix.count + 1)
                if after < expression.endIndex, expression[after] != ":" {
                    index = after
                    continue
                }
            }
            result.append(character)
            index = expression.index(after: index)
        }
        return result
    }
}

extension ITSRules.Rule {
    /// The relative XPaths the rule evaluates at each node it selects.
    var pointers: [String] {
        switch action {
        case let .locNote(.pointer(pointer), _), let .locNote(.referencePointer(pointer), _), let .language(pointer):
            return [pointer]
        default:
            return []
        }
    }
}

/// What global rules say of one element or attribute, after every rule has been applied
/// in order. Local markup is read by the scope resolver on top of it.
struct ITSMarks: Sendable, Equatable {
    var translate: Bool?
    var withinText: ITSRules.WithinText?
    var note: ITSNote?
    var language: String?

    var isEmpty: Bool { translate == nil && withinText == nil && note == nil && language == nil }
}

/// A localization note: its text or the address of one, and whether it is an alert.
struct ITSNote: Sendable, Equatable {
    var text: String?
    var reference: String?
    var isAlert: Bool

    /// As a translator reads it in a `#.` comment.
    var comment: String {
        var parts: [String] = []
        if let text { parts.append(text) }
        if let reference { parts.append("See \(reference)") }
        let body = parts.joined(separator: " ")
        return isAlert ? "Alert: " + body : body
    }
}
