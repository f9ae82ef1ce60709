import Foundation
import Testing
@testable import TolkKit

/// Tolk tried as a new user would: on 152 real W3C pages nobody here wrote.
@Suite("W3C pages", .needsShared("corpus/w3c-i18n"))
struct CorpusTests {
    static let folder = Fixture.shared.appendingPathComponent("corpus/w3c-i18n")

    static func pages() throws -> [(path: String, html: String)] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        return try enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }.sorted().map {
            ($0, try TextFile.read(folder.appendingPathComponent($0).path))
        }
    }

    /// Every match of a regular expression's first group, whitespace collapsed.
    func matches(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive, .dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]).collapsingHTMLWhitespace().trimmingHTMLWhitespace() }
        }
    }

    @Test("all 152 pages extract, 101 of them English, without a crash")
    func allPagesExtract() throws {
        let pages = try Self.pages()
        #expect(pages.count == 152)
        let languages = try pages.map { try PageExtraction.extract(path: $0.path, text: $0.html).language }
        #expect(languages.filter { LanguageTag.primary($0) == "en" }.count == 101)
        #expect(languages.filter { LanguageTag.primary($0) == "de" }.count == 51)
    }

    @Test("titles, meta descriptions and alt texts all become entries")
    func visibleTextIsExtracted() throws {
        var checked = 0
        for page in try Self.pages() {
            let extraction = try PageExtraction.extract(path: page.path, text: page.html)
            let plain = Set(extraction.segments.map { MessageText.plainText($0.text) })
            let joined = extraction.segments.map { MessageText.plainText($0.text) }.joined(separator: " ")
            // Commented-out markup is not part of the page.
            let html = page.html.replacingOccurrences(of: "<!--[\\s\\S]*?-->", with: "", options: [.regularExpression])
            var expected = try matches("<title[^>]*>(.*?)</title>", in: html)
            expected += try matches("<meta\\s+name=\"description\"\\s+content=\"([^\"]*)\"", in: html)
            expected += try matches("<img[^>]*\\salt=\"([^\"]*[A-Za-z][^\"]*)\"", in: html)
            // Alt texts in Japanese or Chinese sit in lang="ja"/"zh" content, which is protected.
            for text in expected where !text.contains("&") && !text.contains("<") && text.unicodeScalars.allSatisfy({ $0.value < 0x2E80 }) {
                #expect(plain.contains(text) || joined.contains(text), "\(page.path): missing \(text)")
                checked += 1
            }
        }
        #expect(checked > 250)
    }

    @Test("nothing from scripts, styles, comments or URLs becomes an entry")
    func invisibleTextIsNotExtracted() throws {
        var checked = 0
        for page in try Self.pages() {
            let extraction = try PageExtraction.extract(path: page.path, text: page.html)
            let msgids = extraction.segments.map { MessageText.plainText($0.text) }.joined(separator: "\n")
            // Text a reader can see: the page without comments, scripts, styles and tags.
            var visible = page.html
            for pattern in ["<!--[\\s\\S]*?-->", "<script[\\s\\S]*?</script>", "<style[\\s\\S]*?</style>", "<[^>]*>"] {
                visible = visible.replacingOccurrences(of: pattern, with: " ", options: [.regularExpression, .caseInsensitive])
            }
            visible = visible.collapsingHTMLWhitespace()
            var hidden = try matches("<!--(.*?)-->", in: page.html)
            hidden += try matches("<script[^>]*>(.*?)</script>", in: page.html)
            hidden += try matches("<style[^>]*>(.*?)</style>", in: page.html)
            hidden += try matches("\\s(?:href|src)=\"([^\"#]{12,})\"", in: page.html)
            for text in hidden {
                let probe = String(text.prefix(30))
                guard probe.count >= 12, !visible.contains(probe) else { continue }
                #expect(!msgids.contains(probe), "\(page.path): extracted hidden text \(probe)")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test("every element's tags are found in the bytes, exactly")
    func elementSpans() throws {
        var elements = 0, located = 0, closed = 0
        for page in try Self.pages() {
            let bytes = Array(page.html.utf8)
            func check(_ element: HTMLElement, within parent: Range<Int>) {
                elements += 1
                if let span = element.span {
                    located += 1
                    let start = String(decoding: bytes[span.start..<min(span.start + element.name.utf8.count + 1, bytes.count)], as: UTF8.self)
                    #expect(start.lowercased() == "<" + element.name, "\(page.path): \(element.name) at \(span.start)")
                    #expect(parent.contains(span.start) || span.start == parent.upperBound, "\(page.path): \(element.name) outside its parent")
                    if let endTagStart = span.endTagStart, let end = span.end {
                        closed += 1
                        let endTag = String(decoding: bytes[endTagStart..<end], as: UTF8.self).lowercased()
                        #expect(endTag.hasPrefix("</" + element.name) && endTag.hasSuffix(">"), "\(page.path): \(endTag)")
                        #expect(endTagStart >= span.startTagEnd)
                    }
                }
                let inner = element.span.map { $0.startTagEnd..<($0.endTagStart ?? parent.upperBound) } ?? parent
                for case let .element(child) in element.children { check(child, within: inner) }
            }
            check(HTMLParser.parse(page.html).root, within: 0..<bytes.count)
        }
        // Only implied elements (an <html> or <body> a page leaves out) go without a start tag.
        #expect(elements - located < 30)
        #expect(closed > 26_000)
        print("spans: \(elements) elements, \(located) located, \(closed) with end tags")
    }

    @Test("built in their own language with no catalogue, all 152 pages come back byte for byte")
    func ownLanguageRoundTrip() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.folder, to: folder.appendingPathComponent("Input"))
        let result = try SiteBuild(project: Project(root: folder)).run()
        #expect(result.pages.count == 152)
        var identical = 0
        for report in result.pages {
            let input = try Data(contentsOf: folder.appendingPathComponent(report.page))
            let output = try Data(contentsOf: folder.appendingPathComponent(report.output))
            #expect(input == output, "\(report.output) differs from \(report.page)")
            if input == output { identical += 1 }
        }
        #expect(identical == 152)
    }

    @Test("every unit of the 101 English pages spliced back in (as its own translation) keeps the page's tree")
    func spliceKeepsTheTree() throws {
        var pages = 0
        for page in try Self.pages() {
            let extraction = try PageExtraction.extract(path: page.path, text: page.html)
            guard extraction.language == "en" else { continue }
            // A catalogue that translates every segment to itself.
            var entries: [POEntry] = []
            var seen = Set<POEntry.Key>()
            for segment in extraction.segments where seen.insert(POEntry.Key(context: segment.context, id: segment.text)).inserted {
                entries.append(POEntry(context: segment.context, id: segment.text, translations: [segment.text]))
            }
            let table = TranslationTable(catalog: POCatalog(entries: entries), path: "Locales/en/fr.po")
            let built = PageBuilder(page: extraction, source: Array(page.html.utf8), language: "fr", table: table, alternates: []).build()
            #expect(built.translated == built.segments, "\(page.path): \(built.diagnostics)")
            // Text kept in English (translate="no") gets lang="en" in the French page; the rest is the same tree.
            let before = DOMTokens(HTMLParser.parse(page.html).root, ignoringLanguageMarks: true)
            let after = DOMTokens(HTMLParser.parse(String(decoding: built.bytes, as: UTF8.self)).root, ignoringLanguageMarks: true)
            if before.tokens != after.tokens {
                let index = zip(before.tokens, after.tokens).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(before.tokens.count, after.tokens.count)
                Issue.record("\(page.path): trees differ at token \(index): \(before.tokens[safe: index] ?? "<end>") vs \(after.tokens[safe: index] ?? "<end>")")
            }
            pages += 1
        }
        #expect(pages == 101)
    }
}

/// A page's tree as a flat list, for comparing trees: elements with their attributes,
/// text and attribute values with whitespace collapsed (as translators see them). What a
/// translation build changes by design is left out: `<html lang>`, `og:locale`, and the
/// text of `<time>` elements (rendered per language).
struct DOMTokens {
    var tokens: [String] = []
    /// Leave `lang` and `dir` out: what a translated page adds to text kept in the source language.
    var ignoringLanguageMarks = false

    init(_ root: HTMLElement, ignoringLanguageMarks: Bool = false) {
        self.ignoringLanguageMarks = ignoringLanguageMarks
        walk(root)
    }

    private mutating func walk(_ element: HTMLElement) {
        if element.name == "meta", element[attribute: "property"] == "og:locale" { return }
        let attributes = element.attributes
            .filter { !(element.name == "html" && $0.name == "lang") }
            .filter { !(ignoringLanguageMarks && ($0.name == "lang" || $0.name == "dir")) }
            .map { "\($0.name)=\($0.value.collapsingHTMLWhitespace())" }.sorted()
        tokens.append("<\(element.name) \(attributes.joined(separator: " "))>")
        if element.name != "time" {
            for child in element.children {
                switch child {
                case let .element(inner): walk(inner)
                case let .text(text):
                    let collapsed = text.collapsingHTMLWhitespace().trimmingHTMLWhitespace()
                    if !collapsed.isEmpty { tokens.append(collapsed) }
                case let .comment(text): tokens.append("<!--\(text)-->")
                case let .instruction(instruction): tokens.append(instruction.text)
                case .other: break
                }
            }
        }
        tokens.append("</\(element.name)>")
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
