import Foundation
import Testing
@testable import TolkKit

/// The build cache can only make builds faster: damaged, it costs a rebuild, never a page.
@Suite("Build cache safety", .serialized)
struct CacheSafetyTests {
    static func outputs(_ folder: URL) throws -> [String: Data] {
        try CatalogSafetyTests.files(under: folder.appendingPathComponent("Output"))
    }

    @Test("one flipped byte anywhere in any .tolk file never changes a built page")
    func bitFlips() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot)
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = Project(root: folder)
        _ = try SiteBuild(project: project).run()
        let expected = try Self.outputs(folder)
        let cache = folder.appendingPathComponent(".tolk")
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { !$0.hasPrefix("run.") }.sorted()
        #expect(files.count >= 3)
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
        for file in files {
            let url = cache.appendingPathComponent(file)
            for _ in 0..<12 {
                var bytes = [UInt8](try Data(contentsOf: url))
                let index = next(bytes.count)
                bytes[index] ^= UInt8(1 << next(8))
                try Data(bytes).write(to: url)
                // The page and the catalogue change too, so a build must not take the damaged record.
                _ = try SiteBuild(project: project).run()
                #expect(try Self.outputs(folder) == expected, "\(file) byte \(index)")
            }
        }
    }

    @Test("a .tolk that is a file or cannot be written is a warning and a build without cache")
    func unusableCache() throws {
        let folder = try temporaryProject(from: Fixture.url("build"))
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("not a folder".utf8).write(to: folder.appendingPathComponent(".tolk"))
        let result = try SiteBuild(project: Project(root: folder)).run()
        #expect(result.diagnostics.contains { $0.rule == "cache-not-saved" && $0.description.hasPrefix(".tolk/build-cache: warning: not saved") })
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/de/event.html").path))
    }

    @Test("an edit that keeps the size and puts the old modification time back is built")
    func restoredTime() throws {
        let folder = try temporaryProject(from: Fixture.url("build"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = Project(root: folder)
        _ = try SiteBuild(project: project).run()
        let page = folder.appendingPathComponent("Input/event.html")
        let attributes = try FileManager.default.attributesOfItem(atPath: page.path)
        let text = try TextFile.read(page.path)
        #expect(text.contains("Spring"))
        try text.replacingOccurrences(of: "Spring", with: "Sprung").write(to: page, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: page.path)
        _ = try SiteBuild(project: project).run()
        #expect(try TextFile.read(folder.appendingPathComponent("Output/en/event.html").path).contains("Sprung"))
    }
}
