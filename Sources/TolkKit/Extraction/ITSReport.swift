/// What the scope resolver says of every element and attribute of a page, for one ITS
/// data category, in the W3C ITS 2.0 test suite's output format: one line per node, its
/// XPath (`/html/body[1]/p[2]/@title`), then TAB-separated `name="value"` pairs.
///
/// Extraction reads the same resolver; the report lets the suite's expected outputs check it.
enum ITSReport {
    enum Category: String, CaseIterable {
        case translate, withinText, locNote, language
    }

    static func lines(_ document: HTMLDocument, category: Category) -> [String] {
        var lines: [String] = []
        // The language only where the page or a rule declares one.
        let start = UnitExtractor.Scope(language: "")
        walk(document.root, path: "/html", scope: UnitExtractor.scope(for: document.root, inheriting: start),
             category: category, into: &lines)
        return lines
    }

    private static func walk(_ element: HTMLElement, path: String, scope: UnitExtractor.Scope, category: Category,
                             into lines: inout [String]) {
        lines.append(line(path, values(of: element, scope: scope, category: category)))
        for attribute in element.attributes.sorted(by: { $0.name < $1.name }) {
            lines.append(line(path + "/@" + attribute.name, values(of: attribute.name, in: element, scope: scope, category: category)))
        }
        var counts: [String: Int] = [:]
        for case let .element(child) in element.children {
            counts[child.name, default: 0] += 1
            walk(child, path: "\(path)/\(child.name)[\(counts[child.name]!)]",
                 scope: UnitExtractor.scope(for: child, inheriting: scope), category: category, into: &lines)
        }
    }

    private static func line(_ path: String, _ values: [(String, String)]) -> String {
        ([path] + values.sorted { $0.0 < $1.0 }.map { "\($0.0)=\"\($0.1)\"" }).joined(separator: "\t")
    }

    private static func values(of element: HTMLElement, scope: UnitExtractor.Scope, category: Category) -> [(String, String)] {
        switch category {
        case .translate:
            return [("translate", scope.translate ? "yes" : "no")]
        case .withinText:
            let value = UnitExtractor.withinText(element) ?? UnitExtractor.defaultWithinText(element.name)
            return [("withinText", value.rawValue)]
        case .locNote:
            return noteValues(scope.note)
        case .language:
            return scope.language.isEmpty ? [] : [("lang", scope.language)]
        }
    }

    private static func values(of attribute: String, in element: HTMLElement, scope: UnitExtractor.Scope,
                               category: Category) -> [(String, String)] {
        let marks = element.its?.attributes[attribute]
        switch category {
        case .translate:
            let translate = marks?.translate ?? (HTMLVocabulary.isTranslatableAttribute(attribute, of: element) && scope.translate)
            return [("translate", translate ? "yes" : "no")]
        case .withinText:
            return []
        case .locNote:
            // Notes reach an element's content, not its attributes: only a rule on the attribute.
            return noteValues(marks?.note)
        case .language:
            let language = marks?.language ?? scope.language
            return language.isEmpty ? [] : [("lang", language)]
        }
    }

    private static func noteValues(_ note: ITSNote?) -> [(String, String)] {
        guard let note else { return [] }
        var values = [("locNoteType", note.isAlert ? "alert" : "description")]
        if let text = note.text { values.append(("locNote", text)) }
        if let reference = note.reference { values.append(("locNoteRef", reference)) }
        return values
    }
}
