import Foundation
import Testing
@testable import TolkKit

/// Sentence boundaries in every language Tolk has rules for, from the labelled cases in
/// `Fixtures/segmentation/cases.tsv` (language, then the sentences the text is made of).
@Suite("Sentence rules")
struct SentenceRulesTests {
    static let languages = ["en", "de", "es", "fr", "it", "nl", "pt", "da", "sv", "pl", "ru", "el", "ja", "zh", "ar"]

    struct Case: Sendable {
        var language: String
        var sentences: [String]
        var text: String { sentences.joined(separator: ["ja", "zh"].contains(language) ? "" : " ") }
    }

    static func cases() throws -> [Case] {
        try Fixture.text("segmentation/cases.tsv").split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t").map(String.init)
            return Case(language: fields[0], sentences: Array(fields.dropFirst()))
        }
    }

    @Test("each language's labelled cases come out as they are labelled", arguments: languages)
    func labelledCases(_ language: String) throws {
        let cases = try Self.cases().filter { $0.language == language }
        #expect(cases.count >= 5, "\(language) has \(cases.count) labelled cases")
        let segmenter = Segmenter(locale: language)
        for example in cases {
            #expect(try segmenter.sentences(in: example.text) == example.sentences)
        }
    }

    @Test("every language's rules file reads without a problem, and the segmenter finds it in the package's resources", arguments: languages)
    func shippedRules(_ language: String) throws {
        let url = Fixture.repositoryRoot.appendingPathComponent("Sources/TolkKit/Segmentation/Rules/\(language).txt")
        let rules = try SentenceRules(text: String(contentsOf: url, encoding: .utf8), path: "Rules/\(language).txt")
        #expect(try SentenceRules.forLocale(language) == rules)
        if !["ja", "zh"].contains(language) { #expect(!rules.titles.isEmpty) }
    }

    @Test("a rules file with a problem is refused with its line")
    func badRules() {
        #expect(throws: TolkError.segmentationRules(path: "x.txt", line: 2, problem: "unknown section [names]; "
            + "allowed: [titles], [title-endings], [abbreviations], [starters], [settings]")) {
            try SentenceRules(text: "[titles]\n[names]\n", path: "x.txt")
        }
        #expect(throws: TolkError.segmentationRules(path: "x.txt", line: 1, problem: "an entry before any [section]")) {
            try SentenceRules(text: "Dr\n", path: "x.txt")
        }
        #expect(throws: TolkError.segmentationRules(path: "x.txt", line: 2, problem: "unknown setting nouns; allowed: capitalised-nouns, ordinals")) {
            try SentenceRules(text: "[settings]\nnouns = yes\n", path: "x.txt")
        }
    }

    @Test("the general rules: a name with !, a spaced ellipsis, a citation after a quotation, list markers, titles in 《》")
    func generalRules() throws {
        let english = Segmenter(locale: "en")
        #expect(try english.sentences(in: "She works at Yahoo! in the accounting department.").count == 1)
        #expect(try english.sentences(in: "the thing is . . . I didn't mean it.").count == 1)
        #expect(try english.sentences(in: "\"Bohr [...] used stairways [...]\" (Smith 55).").count == 1)
        #expect(try english.sentences(in: "a. The first item. b. The second item. c. The third.") == ["a. The first item.", "b. The second item.", "c. The third."])
        #expect(try Segmenter(locale: "zh").sentences(in: "我们去看《摔跤吧！爸爸》好吗？好！") == ["我们去看《摔跤吧！爸爸》好吗？", "好！"])
        // Without data for a language, ICU's breaks stand.
        #expect(try Segmenter(locale: "fi").sentences(in: "Hei. Mitä kuuluu?") == ["Hei.", "Mitä kuuluu?"])
    }
}
