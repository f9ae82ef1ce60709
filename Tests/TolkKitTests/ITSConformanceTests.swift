import Foundation
import Testing
@testable import TolkKit

/// The W3C ITS 2.0 test suite's HTML files for the four data categories Tolk acts on
/// (../shared/conformance/its20/): for each input, what Tolk's scope resolver says of every
/// node must be the suite's expected output, and the extraction must follow it.
@Suite("ITS 2.0 conformance", .needsShared("conformance/its20"))
struct ITSConformanceTests {
    static let suite = Fixture.shared.appendingPathComponent("conformance/its20")

    struct Case: CustomStringConvertible, Sendable {
        var category: String
        var name: String
        var description: String { "\(category)/\(name)" }

        var input: URL { ITSConformanceTests.suite.appendingPathComponent("input/\(category)/html/\(name).html") }
        var expected: URL { ITSConformanceTests.suite.appendingPathComponent("expected/\(category)/html/\(name)output.txt") }

        var reportCategory: ITSReport.Category {
            switch category {
            case "translate": return .translate
            case "elementswithintext": return .withinText
            case "localizationnote": return .locNote
            default: return .language
            }
        }
    }

    static let cases: [Case] = {
        var cases: [Case] = []
        for category in ["translate", "elementswithintext", "localizationnote", "languageinformation"] {
            let folder = suite.appendingPathComponent("input/\(category)/html")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".html") {
                cases.append(Case(category: category, name: String(name.dropLast(".html".count))))
            }
        }
        return cases
    }()

    /// The page read as a project reads it: its linked rules files from beside it.
    func read(_ testCase: Case) throws -> (HTMLDocument, PageExtraction) {
        let text = try String(contentsOf: testCase.input, encoding: .utf8)
        let its = ITSContext(root: Self.suite.path)
        let path = testCase.input.path
        let (document, warnings) = try PageExtraction.parse(path: path, text: text, locate: false, its: its)
        #expect(warnings.isEmpty, "\(warnings.map(\.message))")
        return (document, try PageExtraction.extract(path: path, text: text, its: its))
    }

    @Test("all 23 HTML files of the four categories are in the suite")
    func suiteIsThere() {
        #expect(Self.cases.count == 23, "found \(Self.cases.map(\.description))")
    }

    @Test("the scope resolver says what the expected output says, node by node", arguments: cases)
    func resolver(_ testCase: Case) throws {
        let (document, _) = try read(testCase)
        let expected = try String(contentsOf: testCase.expected, encoding: .utf8)
            .replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init)
        let report = ITSReport.lines(document, category: testCase.reportCategory)
        #expect(report == expected, "\(testCase): \(zip(report, expected).filter { $0 != $1 }.prefix(3))")
        print("ITS 2.0 \(testCase): \(report == expected ? "pass" : "FAIL")")
    }

    @Test("the extraction follows: translatable text offered and nothing else, units cut where within-text says, notes on their entries, other languages protected", arguments: cases)
    func extraction(_ testCase: Case) throws {
        let (document, page) = try read(testCase)
        let nodes = Self.nodes(document.root, path: "/html")
        let units = page.units.map { unit -> String in
            unit.segments.filter(\.isTranslatable).map { MessageText.plainText($0.text) }.joined(separator: " ")
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let expected = try String(contentsOf: testCase.expected, encoding: .utf8)
            .replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n")
        for line in expected {
            let fields = line.split(separator: "\t").map(String.init)
            let path = fields[0]
            let values = Dictionary(fields.dropFirst().map { field -> (String, String) in
                let parts = field.split(separator: "=", maxSplits: 1)
                return (String(parts[0]), String(parts[1].dropFirst().dropLast()))
            }, uniquingKeysWith: { first, _ in first })
            if let at = path.range(of: "/@") {
                // An attribute.
                guard let element = nodes[String(path[..<at.lowerBound])] else { continue }
                let name = String(path[at.upperBound...])
                let offered = page.units.filter { if case .attribute(name, _) = $0.unit.kind { return true }; return false }
                    .filter { $0.unit.line == element.line && !$0.segments.isEmpty }
                if values["translate"] == "no" {
                    #expect(offered.isEmpty, "\(testCase): \(path) is offered")
                } else if values["translate"] == "yes", HTMLVocabulary.translatableAttributes(of: element).contains(name) {
                    #expect(!offered.isEmpty, "\(testCase): \(path) is not offered")
                }
                if let note = values["locNote"] {
                    #expect(offered.contains { $0.segments.contains { $0.comments.contains { $0.contains(note) } } },
                            "\(testCase): the note of \(path) is not on its entry")
                }
                continue
            }
            guard let element = nodes[path], !["html", "head", "body", "script", "style"].contains(element.name) else { continue }
            let ownText = Self.ownText(element)
            let allText = element.textContent.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            switch values["translate"] {
            case "yes": for text in ownText { #expect(units.contains { $0.contains(text) }, "\(testCase): \(path) \"\(text)\" is not offered") }
            case "no": for text in ownText { #expect(!units.contains { $0.contains(text) }, "\(testCase): \(path) \"\(text)\" is offered") }
            default: break
            }
            switch values["withinText"] {
            case "nested"? where !allText.isEmpty:
                #expect(page.units.contains { $0.unit.nesting > 0 } && units.contains(allText),
                        "\(testCase): \(path) is not a unit of its own")
                #expect(page.units.contains { $0.unit.codes.contains { $0.protection == .nested && $0.element == element.name } },
                        "\(testCase): \(path) is not a placeholder in the unit around it")
            case "yes"? where !allText.isEmpty:
                // Within the text around it: one unit with that text, when there is any.
                let parentPath = String(path[..<path.lastIndex(of: "/")!])
                let around: [String] = nodes[parentPath].map(Self.ownText) ?? []
                #expect(units.contains { unit in unit.contains(allText) && around.allSatisfy { unit.contains($0) } },
                        "\(testCase): \(path) is not within the text around it")
            case "no"? where !ownText.isEmpty && !allText.isEmpty && element.name != "p":
                #expect(units.contains(allText), "\(testCase): \(path) is not a unit of its own")
            default: break
            }
            if let note = values["locNote"] ?? values["locNoteRef"], !allText.isEmpty {
                let holding = page.units.filter { unit in
                    let text = unit.segments.map { MessageText.plainText($0.text) }.joined(separator: " ")
                    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(ownText.first ?? allText)
                }
                #expect(!holding.isEmpty && holding.allSatisfy { $0.segments.filter(\.isTranslatable).allSatisfy { $0.comments.contains { $0.contains(note) } } },
                        "\(testCase): the note of \(path) is not on the entries holding its text")
                if values["locNoteType"] == "alert" {
                    #expect(holding.allSatisfy { $0.segments.allSatisfy { $0.comments.contains { $0.hasPrefix("Alert: ") } } })
                }
            }
            if let language = values["lang"], !LanguageTag.sameLanguage(language, page.language), !allText.isEmpty {
                // (Unless the same words stand elsewhere in the page's own language.)
                let elsewhere = nodes.contains { $0.key != path && $0.value.textContent.split(whereSeparator: \.isWhitespace)
                    .joined(separator: " ") == allText }
                #expect(elsewhere || !units.contains { $0.contains(allText) }, "\(testCase): \(path) in \(language) is offered")
                #expect(page.units.contains { $0.segments.contains { $0.comments.contains { $0.contains("lang=\"\(language)\"): \(allText)") } } },
                        "\(testCase): \(path) is not labelled as \(language)")
            }
        }
    }

    /// The element's own text nodes, whitespace collapsed, the empty ones left out.
    static func ownText(_ element: HTMLElement) -> [String] {
        var texts: [String] = []
        for case let .text(text) in element.children {
            let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !collapsed.isEmpty { texts.append(collapsed) }
        }
        return texts
    }

    /// Every element by the suite's XPath.
    static func nodes(_ element: HTMLElement, path: String) -> [String: HTMLElement] {
        var nodes = [path: element]
        var counts: [String: Int] = [:]
        for case let .element(child) in element.children {
            counts[child.name, default: 0] += 1
            nodes.merge(Self.nodes(child, path: "\(path)/\(child.name)[\(counts[child.name]!)]")) { first, _ in first }
        }
        return nodes
    }
}
