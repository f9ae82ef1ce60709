import Foundation

/// The XLIFF 2 constraints the core schema cannot express: the specification's
/// processing requirements (unique ids, references that resolve, paired codes, the
/// languages of sources and targets, what a target may do with protected codes).
/// Each finding names the line and the rule.
struct XLIFFValidation {
    static let core = "urn:oasis:names:tc:xliff:document:2.0"
    static let xml = "http://www.w3.org/XML/1998/namespace"
    static let fs = "urn:oasis:names:tc:xliff:fs:2.0"
    /// Module namespaces and the elements each defines.
    static let moduleElements: [String: Set<String>] = [
        "urn:oasis:names:tc:xliff:matches:2.0": ["matches", "match"],
        "urn:oasis:names:tc:xliff:glossary:2.0": ["glossary", "glossEntry", "term", "translation", "definition"],
        "urn:oasis:names:tc:xliff:metadata:2.0": ["metadata", "metaGroup", "meta"],
        "urn:oasis:names:tc:xliff:resourcedata:2.0": ["resourceData", "resourceItemRef", "resourceItem", "source", "target", "reference"],
        "urn:oasis:names:tc:xliff:changetracking:2.0": ["changeTrack", "revisions", "revision", "item"],
        "urn:oasis:names:tc:xliff:sizerestriction:2.0": ["profiles", "normalization", "data"],
        "urn:oasis:names:tc:xliff:validation:2.0": ["validation", "rule"],
    ]
    /// Namespaces whose attributes inline codes may carry (modules), beside the core's own.
    static let inlineAttributeNamespaces: Set<String> = [
        fs, "urn:oasis:names:tc:xliff:sizerestriction:2.0", "http://www.w3.org/2005/11/its", "urn:oasis:names:tc:xliff:itsm:2.1",
        "urn:oasis:names:tc:xliff:changetracking:2.0", xml,
    ]
    /// Fragment identifier prefixes: the core's and the registered ones.
    static let prefixes: Set<String> = ["f", "g", "u", "n", "d", "t", "mtc", "gls", "mda", "res", "ctr", "slr", "val", "its", "tbx"]
    static let codeNames: Set<String> = ["ph", "pc", "sc", "ec"]

    private(set) var problems: [(line: Int, message: String)] = []
    /// Problems of a unit's targets (codes dropped, repeated or reordered against the
    /// source's rules), by unit id: the unit is refused, the rest of the document is read.
    private(set) var targetProblems: [String: [(line: Int, message: String)]] = [:]
    /// The unit whose targets are being checked, while they are.
    private var checkingTargetsOf: String?

    mutating func fail(_ line: Int, _ message: String) {
        if let unit = checkingTargetsOf {
            targetProblems[unit, default: []].append((line, message))
        } else {
            problems.append((line, message))
        }
    }

    /// Checks a document the core schema accepted.
    mutating func check(_ root: XMLElement) {
        let sourceLanguage = root.attribute("srcLang") ?? ""
        let targetLanguage = root.attribute("trgLang")
        for (name, value) in [("srcLang", sourceLanguage), ("trgLang", targetLanguage ?? "und")] where !Self.isWellFormedTag(value) {
            fail(root.line, "\(name) '\(value)' is not a well-formed BCP 47 language tag")
        }
        if let version = root.attribute("version"), !version.hasPrefix("2.") {
            fail(root.line, "version '\(version)' is not XLIFF 2")
        }
        var fileIDs = Set<String>()
        for file in root.elements("file", namespace: Self.core) {
            if let id = file.attribute("id"), !fileIDs.insert(id).inserted { fail(file.line, "file id '\(id)' is used twice") }
            if let skeleton = file.elements("skeleton", namespace: Self.core).first {
                let empty = skeleton.children.allSatisfy { if case let .text(text) = $0 { return text.allSatisfy(\.isWhitespace) }; return false }
                if skeleton.attribute("href") != nil, !empty { fail(skeleton.line, "a skeleton with href must be empty") }
                if skeleton.attribute("href") == nil, empty { fail(skeleton.line, "a skeleton without href must hold the skeleton") }
            }
            var containerIDs = Set<String>()
            let unitIDs = Set(Self.descendants(of: file).filter { $0.namespace == Self.core && $0.name == "unit" }.compactMap { $0.attribute("id") })
            checkContainer(file, inherited: Inherited(language: root.attribute("lang", namespace: Self.xml),
                                                     space: root.attribute("space", namespace: Self.xml) ?? "default"),
                           sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, ids: &containerIDs,
                           file: file.attribute("id") ?? "", unitIDs: unitIDs)
        }
    }

    struct Inherited {
        var language: String?
        var space: String
        func below(_ element: XMLElement) -> Inherited {
            Inherited(language: element.attribute("lang", namespace: XLIFFValidation.xml) ?? language,
                      space: element.attribute("space", namespace: XLIFFValidation.xml) ?? space)
        }
    }

    /// A file or group: ids, notes, extensions, then its groups and units.
    private mutating func checkContainer(_ container: XMLElement, inherited: Inherited, sourceLanguage: String, targetLanguage: String?,
                                         ids: inout Set<String>, file: String, unitIDs: Set<String>) {
        let here = inherited.below(container)
        checkNotesAndExtensions(of: container)
        checkFS(container)
        for child in container.elements where child.namespace == Self.core {
            switch child.name {
            case "group", "unit":
                if let id = child.attribute("id"), !ids.insert(id).inserted {
                    fail(child.line, "\(child.name) id '\(id)' is used twice in the file")
                }
                if child.name == "group" {
                    checkContainer(child, inherited: here, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, ids: &ids,
                                   file: file, unitIDs: unitIDs)
                } else {
                    checkUnit(child, inherited: here.below(child), sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                              file: file, unitIDs: unitIDs)
                }
            default:
                break
            }
        }
    }

    /// Note ids unique in each `<notes>`; ids of extension elements unique at each level;
    /// module elements known to their module.
    private mutating func checkNotesAndExtensions(of container: XMLElement) {
        for notes in container.elements("notes", namespace: Self.core) {
            var seen = Set<String>()
            for note in notes.elements("note", namespace: Self.core) {
                if let id = note.attribute("id"), !seen.insert(id).inserted { fail(note.line, "note id '\(id)' is used twice") }
            }
        }
        var seen = Set<String>()
        for element in container.elements where element.namespace != Self.core {
            for extensionElement in [element] + Self.descendants(of: element) {
                if let namespace = extensionElement.namespace, let known = Self.moduleElements[namespace], !known.contains(extensionElement.name) {
                    fail(extensionElement.line, "<\(extensionElement.name)> is not an element of the module \(namespace)")
                }
                guard Self.moduleElements[extensionElement.namespace ?? ""] == nil, extensionElement.namespace != Self.core else { continue }
                for id in [extensionElement.attribute("id"), extensionElement.attribute("id", namespace: Self.xml)].compactMap({ $0 }) {
                    if !seen.insert(id).inserted { fail(extensionElement.line, "id '\(id)' of an extension element is used twice here") }
                }
            }
        }
    }

    /// The Format Style module: only `fs:fs` and `fs:subFs`, `fs:fs` an HTML element name, never on `<ec>`.
    private mutating func checkFS(_ element: XMLElement) {
        for attribute in element.attributes where attribute.namespace == Self.fs {
            if attribute.name != "fs" && attribute.name != "subFs" {
                fail(element.line, "fs:\(attribute.name) is not an attribute of the Format Style module")
            } else if attribute.name == "fs" {
                if element.namespace == Self.core, element.name == "ec" || element.name == "em", element.attribute("isolated") != "yes" {
                    fail(element.line, "fs:fs is not allowed on <\(element.name)>")
                }
                if attribute.value.isEmpty || !attribute.value.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) }) {
                    fail(element.line, "fs:fs '\(attribute.value)' is not an HTML element name")
                }
            }
        }
    }

    /// One inline element of a unit's content, in document order.
    struct Event {
        enum Kind { case start, end, standalone }
        var kind: Kind
        var element: XMLElement
        var id: String
    }

    private mutating func checkUnit(_ unit: XMLElement, inherited: Inherited, sourceLanguage: String, targetLanguage: String?,
                                    file: String, unitIDs: Set<String>) {
        checkNotesAndExtensions(of: unit)
        checkFS(unit)
        let unitID = unit.attribute("id") ?? ""
        var dataIDs = Set<String>()
        for data in unit.elements("originalData", namespace: Self.core).flatMap({ $0.elements("data", namespace: Self.core) }) {
            if let id = data.attribute("id"), !dataIDs.insert(id).inserted { fail(data.line, "data id '\(id)' is used twice") }
        }
        let noteIDs = Set(unit.elements("notes", namespace: Self.core).flatMap { $0.elements("note", namespace: Self.core) }.compactMap { $0.attribute("id") })
        let parts = unit.elements.filter { $0.namespace == Self.core && ($0.name == "segment" || $0.name == "ignorable") }
        if !parts.contains(where: { $0.name == "segment" }) { fail(unit.line, "unit '\(unitID)' has no segment") }
        var partIDs = Set<String>()
        var orders: [Int: Int] = [:]
        var sourceEvents: [Event] = [], targetEvents: [Event] = []
        var hasTarget = false
        for (position, part) in parts.enumerated() {
            if let id = part.attribute("id"), !partIDs.insert(id).inserted { fail(part.line, "\(part.name) id '\(id)' is used twice in the unit") }
            if part.attribute("subState") != nil, part.attribute("state") == nil { fail(part.line, "subState without state") }
            let partInherited = inherited.below(part)
            let source = part.elements("source", namespace: Self.core).first
            let target = part.elements("target", namespace: Self.core).first
            if let source {
                let language = source.attribute("lang", namespace: Self.xml) ?? partInherited.language
                if let language, language.lowercased() != sourceLanguage.lowercased() {
                    fail(source.line, "the source is in '\(language)', the document's srcLang is '\(sourceLanguage)'")
                }
                sourceEvents += events(in: source)
            }
            if let target {
                hasTarget = true
                if targetLanguage == nil { fail(target.line, "a target in a document without trgLang") }
                let language = target.attribute("lang", namespace: Self.xml) ?? partInherited.language
                if let language, let targetLanguage, language.lowercased() != targetLanguage.lowercased() {
                    fail(target.line, "the target is in '\(language)', the document's trgLang is '\(targetLanguage)'")
                }
                let sourceSpace = source.flatMap { $0.attribute("space", namespace: Self.xml) } ?? partInherited.space
                let targetSpace = target.attribute("space", namespace: Self.xml) ?? partInherited.space
                if sourceSpace != targetSpace { fail(target.line, "the target's xml:space is '\(targetSpace)', its source's '\(sourceSpace)'") }
                let order = target.attribute("order").flatMap(Int.init) ?? position + 1
                if let other = orders[order] { fail(target.line, "target order \(order) is used twice (also on line \(other))") }
                orders[order] = target.line
                targetEvents += events(in: target)
                // Codes the source marks as not deletable must be somewhere in the unit's targets.
            }
        }
        checkCodes(sourceEvents, side: "source", dataIDs: dataIDs, noteIDs: noteIDs, file: file, unit: unitID, unitIDs: unitIDs)
        if hasTarget {
            checkingTargetsOf = unitID
            defer { checkingTargetsOf = nil }
            checkCodes(targetEvents, side: "target", dataIDs: dataIDs, noteIDs: noteIDs, file: file, unit: unitID, unitIDs: unitIDs)
            let targetIDs = Set(targetEvents.filter { $0.kind != .end }.map(\.id))
            for (position, part) in parts.enumerated() where part.elements("target", namespace: Self.core).first != nil {
                let partSource = part.elements("source", namespace: Self.core).first.map(events(in:)) ?? []
                for event in partSource where event.kind != .end && Self.codeNames.contains(event.element.name)
                    && event.element.attribute("canDelete") == "no" && !targetIDs.contains(event.id) {
                    fail(part.line, "code '\(event.id)' may not be deleted, and no target of the unit has it (part \(position + 1))")
                }
            }
            checkReordering(source: sourceEvents, target: targetEvents, line: unit.line)
        }
    }

    /// The inline elements under `element`, as start, end and standalone events.
    func events(in element: XMLElement) -> [Event] {
        var result: [Event] = []
        for child in element.elements where child.namespace == Self.core {
            let id = child.attribute("id") ?? child.attribute("startRef") ?? ""
            switch child.name {
            case "pc", "mrk":
                result.append(Event(kind: .start, element: child, id: id))
                result += events(in: child)
                result.append(Event(kind: .end, element: child, id: id))
            case "ec", "em":
                result.append(Event(kind: child.attribute("isolated") == "yes" ? .standalone : .end, element: child, id: id))
            case "sc", "sm":
                result.append(Event(kind: child.attribute("isolated") == "yes" ? .standalone : .start, element: child, id: id))
            case "ph", "cp":
                result.append(Event(kind: .standalone, element: child, id: id))
            default:
                break
            }
        }
        return result
    }

    private mutating func checkCodes(_ events: [Event], side: String, dataIDs: Set<String>, noteIDs: Set<String>,
                                     file: String, unit: String, unitIDs: Set<String>) {
        var ids = Set<String>()
        var open: [String: XMLElement] = [:]
        var closed = Set<String>()
        for event in events {
            let element = event.element
            checkFS(element)
            for attribute in element.attributes where Self.codeNames.contains(element.name) && attribute.namespace != nil
                && !Self.inlineAttributeNamespaces.contains(attribute.namespace!) {
                fail(element.line, "<\(element.name)> may not carry the extension attribute \(attribute.name) (\(attribute.namespace!))")
            }
            if element.name == "cp" {
                if let hex = element.attribute("hex"), let value = UInt32(hex, radix: 16), Self.isXMLCharacter(value) {
                    fail(element.line, "cp hex='\(hex)' is a character XML can hold; write it as text")
                }
                continue
            }
            if element.attribute("subType") != nil, element.attribute("type") == nil { fail(element.line, "subType without type") }
            if let subType = element.attribute("subType"), subType.hasPrefix("xlf:") {
                let types = ["xlf:lb": "fmt", "xlf:pb": "fmt", "xlf:b": "fmt", "xlf:i": "fmt", "xlf:u": "fmt", "xlf:var": "ui"]
                if let required = types[subType] {
                    if element.attribute("type") != required { fail(element.line, "subType \(subType) needs type='\(required)'") }
                } else {
                    fail(element.line, "'\(subType)' is not a subType XLIFF defines")
                }
            }
            for name in ["dataRef", "dataRefStart", "dataRefEnd"] {
                if let reference = element.attribute(name), !dataIDs.contains(reference) {
                    fail(element.line, "\(name)='\(reference)' names no <data> of the unit")
                }
            }
            for name in ["subFlows", "subFlowsStart", "subFlowsEnd"] {
                for reference in element.attribute(name)?.split(separator: " ") ?? [] where !unitIDs.contains(String(reference)) {
                    fail(element.line, "\(name) names unit '\(reference)', which is not in the file")
                }
            }
            if element.name == "mrk" || element.name == "sm" {
                checkAnnotation(element, noteIDs: noteIDs, file: file, unit: unit)
            }
            switch (element.name, event.kind) {
            case ("ec", _), ("em", _):
                let isolated = element.attribute("isolated") == "yes"
                if element.name == "ec", isolated, element.attribute("startRef") != nil || element.attribute("id") == nil {
                    fail(element.line, "an isolated <ec> has an id, not a startRef")
                } else if !isolated, element.attribute("startRef") == nil || element.attribute("id") != nil {
                    fail(element.line, "<\(element.name)> that is not isolated refers to its start with startRef (and has no id)")
                } else if !isolated {
                    let reference = event.id
                    if let start = open.removeValue(forKey: reference) {
                        if element.name == "ec" {
                            for attribute in ["canCopy", "canDelete", "canOverlap"] where element.attribute(attribute) != nil
                                && (element.attribute(attribute) ?? "yes") != (start.attribute(attribute) ?? "yes") {
                                fail(element.line, "\(attribute) differs between <sc id='\(reference)'> and its <ec>")
                            }
                            let startReorder = start.attribute("canReorder") ?? "yes"
                            if let reorder = element.attribute("canReorder"), reorder != (startReorder == "firstNo" ? "no" : startReorder) {
                                fail(element.line, "canReorder of the <ec> does not match its <sc id='\(reference)'>")
                            }
                        }
                        closed.insert(reference)
                    } else {
                        fail(element.line, "<\(element.name) startRef='\(reference)'> has no <\(element.name == "ec" ? "sc" : "sm")> before it in the unit")
                    }
                } else if element.name == "ec", events.contains(where: { $0.element.name == "sc" && $0.id == event.id }) {
                    fail(element.line, "<ec id='\(event.id)'> is isolated, but its <sc> is in the unit")
                }
            case ("sc", _), ("sm", _):
                if !ids.insert(event.id).inserted { fail(element.line, "inline id '\(event.id)' is used twice in the \(side)") }
                if element.attribute("isolated") == "yes" {
                    if events.contains(where: { $0.element.name == "ec" && $0.element.attribute("startRef") == event.id }) {
                        fail(element.line, "<sc id='\(event.id)'> is isolated, but its <ec> is in the unit")
                    }
                } else {
                    open[event.id] = element
                }
            default:
                if event.kind != .end, !event.id.isEmpty, !ids.insert(event.id).inserted {
                    fail(element.line, "inline id '\(event.id)' is used twice in the \(side)")
                }
            }
            if let original = element.attribute("copyOf") {
                if element.attribute("dataRef") != nil || element.attribute("dataRefStart") != nil {
                    fail(element.line, "a code with copyOf has no original data of its own")
                }
                if let copied = events.first(where: { $0.kind != .end && $0.id == original && Self.codeNames.contains($0.element.name) }) {
                    if copied.element.attribute("canCopy") == "no" { fail(element.line, "copyOf='\(original)' copies a code that may not be copied") }
                } else {
                    fail(element.line, "copyOf='\(original)' names no code of the unit")
                }
            }
            if Self.codeNames.contains(element.name), event.kind != .end {
                let reorder = element.attribute("canReorder") ?? "yes"
                if reorder != "yes", element.attribute("canDelete") != "no" || element.attribute("canCopy") != "no" {
                    fail(element.line, "a code with canReorder='\(reorder)' needs canDelete='no' and canCopy='no'")
                }
            }
        }
        for (id, element) in open {
            fail(element.line, "<\(element.name) id='\(id)'> has no end in the unit; mark it isolated='yes' if that is intended")
        }
        // A canReorder="no" code continues a sequence that a "firstNo" code starts.
        var previous: String?
        for event in events where Self.codeNames.contains(event.element.name) && event.kind != .end {
            let reorder = event.element.attribute("canReorder") ?? "yes"
            if reorder == "no", previous != "firstNo", previous != "no" {
                fail(event.element.line, "code '\(event.id)' has canReorder='no' but no canReorder='firstNo' code starts its sequence")
            }
            previous = reorder
        }
    }

    /// A comment annotation has a value or a reference to a note of its unit, not both.
    private mutating func checkAnnotation(_ element: XMLElement, noteIDs: Set<String>, file: String, unit: String) {
        let reference = element.attribute("ref")
        if let reference, reference.hasPrefix("#") {
            if let problem = Self.fragmentProblem(String(reference.dropFirst())) { fail(element.line, "ref='\(reference)': \(problem)") }
        }
        guard element.attribute("type") == "comment" else { return }
        let value = element.attribute("value")
        if (value == nil) == (reference == nil) {
            fail(element.line, "a comment annotation has either a value or a ref, exactly one")
            return
        }
        guard let reference else { return }
        guard reference.hasPrefix("#") else { return }
        var parts = reference.dropFirst().split(separator: "/").map(String.init)
        if parts.first == "" { parts.removeFirst() }
        let selectors = Dictionary(parts.map { part -> (String, String) in
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            return (pieces.count == 2 ? pieces[0] : "", pieces.last ?? "")
        }, uniquingKeysWith: { first, _ in first })
        let pointsHere = (selectors["f"].map { $0 == file } ?? true) && (selectors["u"].map { $0 == unit } ?? true)
            && (selectors["f"] == nil || selectors["u"] != nil) && selectors["g"] == nil
        guard let note = selectors["n"], pointsHere, noteIDs.contains(note) else {
            fail(element.line, "ref='\(reference)' of a comment annotation must name a note of its unit (#n=ID)")
            return
        }
    }

    /// What is wrong with a fragment identifier (after `#`), or nil.
    static func fragmentProblem(_ fragment: String) -> String? {
        var parts = fragment.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.first == "" { parts.removeFirst() }
        guard !parts.isEmpty, !parts.contains(where: \.isEmpty) else { return "not a fragment identifier" }
        if parts.count == 1, !parts[0].contains("=") { return isNMToken(parts[0]) ? nil : "not an id" }
        var rank = -1
        var seen = Set<String>()
        for (index, part) in parts.enumerated() {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard pieces.count == 2, !pieces[1].isEmpty else { return "'\(part)' is not prefix=id" }
            let prefix = pieces[0]
            guard isNMToken(prefix) else { return "'\(prefix)' is not a valid prefix" }
            guard prefixes.contains(prefix) else {
                return prefix.count < 2 ? "'\(prefix)' is not a prefix XLIFF defines" : "'\(prefix)' is not a registered prefix"
            }
            if prefix != "g", !seen.insert(prefix).inserted { return "prefix '\(prefix)' appears twice" }
            let order = ["f": 0, "g": 1, "u": 2][prefix] ?? 3
            if order < rank || (order == 3 && rank == 3) { return "'\(part)' is out of order (file, group, unit, then one leaf)" }
            if order == 3, index != parts.count - 1 { return "the leaf '\(part)' must come last" }
            rank = order
        }
        return nil
    }

    static func isNMToken(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            CharacterSet.alphanumerics.contains(scalar) || "-._:".unicodeScalars.contains(scalar) || scalar.value > 0x7F
        }
    }

    static func isXMLCharacter(_ value: UInt32) -> Bool {
        value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value)
            || (0x10000...0x10FFFF).contains(value)
    }

    /// BCP 47 well-formedness (RFC 5646's syntax, not its registry).
    static func isWellFormedTag(_ tag: String) -> Bool {
        tag.range(of: #"^(([A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-[0-9A-WY-Za-wy-z](-[A-Za-z0-9]{2,8})+)*(-[xX](-[A-Za-z0-9]{1,8})+)?|[xX](-[A-Za-z0-9]{1,8})+|[iI]-[A-Za-z]{2,8})$"#,
                  options: .regularExpression) != nil
    }

    /// Where sequences of codes that may not be reordered (`firstNo`, then `no`…) must
    /// read the same in the target as in the source, with nothing between them.
    private mutating func checkReordering(source: [Event], target: [Event], line: Int) {
        let codes = source.filter { Self.codeNames.contains($0.element.name) }
        var sequences: [[String]] = []
        for event in codes where event.kind != .end {
            switch event.element.attribute("canReorder") ?? "yes" {
            case "firstNo": sequences.append([event.id])
            case "no": if !sequences.isEmpty { sequences[sequences.count - 1].append(event.id) }
            default: break
            }
        }
        func span(_ events: [Event], _ ids: [String]) -> [String] {
            let codeEvents = events.filter { Self.codeNames.contains($0.element.name) }
            let indices = codeEvents.indices.filter { ids.contains(codeEvents[$0].id) }
            guard let first = indices.first, let last = indices.last else { return [] }
            return codeEvents[first...last].map { "\($0.kind)\($0.id)" }
        }
        for sequence in sequences where span(source, sequence) != span(target, sequence) {
            fail(line, "codes \(sequence.joined(separator: ", ")) may not be reordered, but the target moves them")
        }
    }

    static func descendants(of element: XMLElement) -> [XMLElement] {
        element.elements.flatMap { [$0] + descendants(of: $0) }
    }
}
