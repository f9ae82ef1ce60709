import Foundation
import Testing
@testable import TolkKit

/// Pages nobody meant to write: Tolk builds them or says why, and never hangs or crashes.
@Suite("Hostile input")
struct HostileInputTests {
    /// A project with one page and a German catalogue that translates every entry.
    static func build(page html: String, translations: [String: String]) throws -> (folder: URL, page: String) {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Input"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Locales"), withIntermediateDirectories: true)
        try html.write(to: folder.appendingPathComponent("Input/page.html"), atomically: true, encoding: .utf8)
        let project = Project(root: folder)
        _ = try CatalogUpdate(project: project).run(newLanguages: ["de"])
        let path = folder.appendingPathComponent("Locales/de.po")
        var catalog = try POParser(path: "de.po").parse(fileAt: path.path)
        for index in catalog.entries.indices {
            if let translation = translations[catalog.entries[index].id] { catalog.entries[index].translations = [translation] }
        }
        try POWriter().write(catalog).write(to: path, atomically: true, encoding: .utf8)
        _ = try SiteBuild(project: project).run()
        return (folder, try TextFile.read(folder.appendingPathComponent("Output/de/page.html").path))
    }

    /// Where libxml2's repair leaves a unit's place unclear, the build keeps it in the
    /// source language (and says so) rather than guess.
    @Test("a doubled closing quote in a translated attribute builds instead of looping", arguments: [
        ("<!DOCTYPE html><html lang=\"en\"><head><title>T</title></head><body><p title=\"A\"\">One.</p></body></html>\n",
         ["A": "Ä", "One.": "Eins."], "One.</p>"),
        ("<!DOCTYPE html><html lang=\"en\"><head><meta name=\"description\"content=\"S\"\">\"><title>T</title></head><body><p>One.</p></body></html>\n",
         ["S": "Ss", "One.": "Eins."], "content=\"Ss\""),
    ])
    func doubledQuote(_ html: String, _ translations: [String: String], _ expected: String) throws {
        let (folder, page) = try Self.build(page: html, translations: translations)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(page.contains(expected))
    }

    @Test("the attribute scanner moves past stray quotes, equals signs and '>' inside a tag")
    func scannerProgress() {
        for tag in ["<p title=\"A\"\">", "<p =x>", "<p a=\"1\" => ", "<meta name=\"d\"content=\"S\"\">\">", "<p \"\"\"\">", "<p>>"] {
            let bytes = Array(tag.utf8)
            let attributes = TagScanner.attributes(bytes, in: 0..<bytes.count)
            #expect(attributes.count <= bytes.count)
            #expect(attributes.allSatisfy { $0.range.lowerBound >= 0 && $0.range.upperBound <= bytes.count })
        }
    }
}
