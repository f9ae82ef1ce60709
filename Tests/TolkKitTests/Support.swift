import Foundation
import Testing
@testable import TolkKit

/// Test fixtures and paths.
enum Fixture {
    /// The text of `Fixtures/<name>`.
    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name)
    }

    /// The repository's root folder (where Package.swift is).
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared` beside the repository, where the shared corpora live.
    static let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only when `path` under `../shared` is there; without it the test shows
    /// as skipped, with the reason, rather than passing on nothing.
    static func needsShared(_ path: String) -> Self {
        .enabled(if: FileManager.default.fileExists(atPath: Fixture.shared.appendingPathComponent(path).path),
                 "needs ../shared/\(path) beside the repository")
    }
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A temporary project holding copies of the folders `names` of `source`; removed by the caller.
func temporaryProject(from source: URL, copying names: [String] = ["Input", "Locales"]) throws -> URL {
    let folder = try temporaryFolder()
    for name in names {
        try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    return folder
}
