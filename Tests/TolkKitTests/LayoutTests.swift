import Foundation
import Testing
@testable import TolkKit

/// The folders of `Sources/TolkKit` depend one way, in the order the README's layout
/// section draws: each uses only the folders before it. So no stage uses the jobs layer
/// (`Project`, `SiteConfiguration`, `CatalogFile`), and there is no cycle.
@Suite("Layout")
struct LayoutTests {
    static let sources = Fixture.repositoryRoot.appendingPathComponent("Sources/TolkKit")

    /// The order in the README: the line "Dependencies run one way: `A` → `B` → …".
    static func order() throws -> [String] {
        let readme = try String(contentsOf: Fixture.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let line = try #require(readme.split(separator: "\n").first { $0.hasPrefix("Dependencies run one way:") })
        return line.dropFirst("Dependencies run one way:".count).split(separator: "→").map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: " `.")).replacingOccurrences(of: "/", with: "")
        }
    }

    /// Each Swift file's folder under `Sources/TolkKit` and its code without comments and
    /// string literals (an interpolation's code is kept).
    static func files() throws -> [(path: String, folder: String, code: String)] {
        let enumerator = FileManager.default.enumerator(atPath: sources.path)
        var files: [(String, String, String)] = []
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            files.append((path, String(path.split(separator: "/")[0]), code(of: text)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    static func code(of text: String) -> String {
        let characters = Array(text)
        var output = ""
        var index = 0
        var interpolations: [Int] = []  // parenthesis depth of each open interpolation
        var inString: (raw: Bool, multiline: Bool)?
        func starts(_ prefix: String) -> Bool {
            characters.count >= index + prefix.count && String(characters[index..<index + prefix.count]) == prefix
        }
        while index < characters.count {
            let character = characters[index]
            if let string = inString {
                if !string.raw, character == "\\" {
                    if starts("\\(") {
                        interpolations.append(0)
                        inString = nil
                        output += " "
                        index += 2
                        continue
                    }
                    index += 2
                    continue
                }
                if string.multiline ? starts("\"\"\"") : (string.raw ? starts("\"#") : character == "\"") {
                    index += string.multiline ? 3 : (string.raw ? 2 : 1)
                    inString = nil
                    output += "\"\""
                    continue
                }
                if character == "\n" { output += "\n" }
                index += 1
                continue
            }
            if starts("//") {
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            }
            if starts("/*") {
                while index < characters.count, !starts("*/") { index += 1 }
                index += 2
                continue
            }
            if starts("#\"") {
                inString = (raw: true, multiline: false)
                index += 2
                continue
            }
            if starts("\"\"\"") {
                inString = (raw: false, multiline: true)
                index += 3
                continue
            }
            if character == "\"" {
                inString = (raw: false, multiline: false)
                index += 1
                continue
            }
            if !interpolations.isEmpty {
                if character == "(" { interpolations[interpolations.count - 1] += 1 }
                if character == ")" {
                    if interpolations.last == 0 {
                        interpolations.removeLast()
                        inString = (raw: false, multiline: false)
                        index += 1
                        continue
                    }
                    interpolations[interpolations.count - 1] -= 1
                }
            }
            output.append(character)
            index += 1
        }
        return output
    }

    /// The names a line declares at the top level of a file: `struct Name`, `enum Name`…
    static func declaredType(_ line: Substring) -> String? {
        var words = line.split(separator: " ")
        while let first = words.first, ["public", "internal", "fileprivate", "private", "package", "final", "indirect"].contains(first) {
            words.removeFirst()
        }
        guard words.count >= 2, ["struct", "enum", "class", "protocol", "actor", "typealias"].contains(words[0]) else { return nil }
        let name = words[1].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }

    static func identifiers(in code: String) -> Set<String> {
        var names: Set<String> = []
        var current = ""
        for character in code + " " {
            if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
            } else {
                if let first = current.first, first.isUppercase { names.insert(current) }
                current = ""
            }
        }
        return names
    }

    @Test("the README draws every folder of Sources/TolkKit once")
    func orderIsComplete() throws {
        let order = try Self.order()
        let folders = Set(try Self.files().map(\.folder)).subtracting(["TolkKit.docc"])
        #expect(Set(order) == folders, "README order \(order), folders \(folders.sorted())")
        #expect(order.count == Set(order).count)
        #expect(order.firstIndex(of: "Jobs")! > order.firstIndex(of: "Reassembly")!)
    }

    @Test("every folder uses only the types of the folders before it in the README's order")
    func oneWay() throws {
        let order = try Self.order()
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let files = try Self.files()
        var owner: [String: String] = [:]
        for file in files {
            for line in file.code.split(separator: "\n") where !(line.first?.isWhitespace ?? true) {
                if let name = Self.declaredType(line) { owner[name] = file.folder }
            }
        }
        // The stages must not know the jobs layer's own types.
        #expect(owner["Project"] == "Jobs" && owner["SiteConfiguration"] == "Jobs" && owner["CatalogFile"] == "Jobs")
        var backward: [String] = []
        for file in files {
            guard let own = rank[file.folder] else { continue }
            for name in Self.identifiers(in: file.code).sorted() {
                guard let folder = owner[name], let used = rank[folder], used > own else { continue }
                backward.append("\(file.path) uses \(name) (\(folder)/)")
            }
        }
        #expect(backward.isEmpty, "\(backward.joined(separator: "\n"))")
    }

    @Test("the check finds a backward use: a stage naming a job's type")
    func findsBackwardUse() {
        let code = Self.code(of: """
            // Project in a comment does not count, nor "Project" in a string,
            let site = "at \\(SiteConfiguration.fileName)"
            let project: Project
            """)
        #expect(Self.identifiers(in: code) == ["SiteConfiguration", "Project"])
    }
}
