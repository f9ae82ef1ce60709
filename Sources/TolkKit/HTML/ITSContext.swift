import Foundation

/// The ITS rules a page is read with: the project's own rules file, and how the files a
/// page links with `<link rel="its-rules">` are found.
public struct ITSContext: Sendable {
    /// Where a project keeps the rules that apply to every page.
    public static let projectRulesPath = "Locales/its-rules.xml"

    /// Rules that apply to every page, before the page's own.
    public var rules: [ITSRules]
    /// The folder page paths are relative to, and that linked rules files must be inside;
    /// nil reads no linked file.
    public var root: String?

    public init(rules: [ITSRules] = [], root: String? = nil) {
        self.rules = rules
        self.root = root
    }

    /// The project's rules file read, when there is one.
    ///
    /// - Throws: `TolkError.itsRules` with the file and line for rules that cannot be read.
    public static func project(root: URL) throws -> ITSContext {
        let path = root.appendingPathComponent(projectRulesPath).path
        guard FileManager.default.fileExists(atPath: path) else { return ITSContext(root: root.path) }
        let data = try TextFile.readData(path, displayPath: projectRulesPath)
        return ITSContext(rules: [try ITSRules.read(data, path: projectRulesPath)], root: root.path)
    }

    /// A hash of the rules, for caches of what was read with them.
    var fingerprint: UInt64 {
        var hash = FastHash()
        for set in rules {
            hash.combine(set.path)
            hash.combine(UInt64(set.parameters.count))
            for parameter in set.parameters {
                hash.combine(parameter.name)
                hash.combine(parameter.value)
            }
            hash.combine(UInt64(set.rules.count))
            for rule in set.rules {
                hash.combine(rule.selector)
                hash.combine("\(rule.action)")
                hash.combine(UInt64(rule.line))
            }
        }
        return hash.value
    }

    /// Every rule set that applies to the page at `path` (relative to `root`), in order of
    /// precedence: the project's, then the page's linked files and scripts in document order.
    ///
    /// - Parameter warn: told of a link to a file that is missing or outside the project;
    ///   the page is read with its other rules.
    /// - Throws: `TolkError.itsRules` for rules that cannot be read.
    func ruleSets(for references: [ITSReference], page path: String, warn: (Int, String) -> Void) throws -> [ITSRules] {
        var sets = rules
        for reference in references {
            switch reference {
            case let .inline(text, line):
                sets.append(try ITSRules.read(Data(text.utf8), path: path, lineOffset: line - 1))
            case let .linked(href, line):
                guard let root else { continue }
                let lowered = href.lowercased()
                if lowered.contains("://") || lowered.hasPrefix("//") || lowered.hasPrefix("data:") || lowered.hasPrefix("file:") {
                    warn(line, "ITS rules at \(href) are not read: Tolk never fetches from the network; keep the rules file in the project")
                    continue
                }
                let address = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                    .split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
                let pageFolder = (path as NSString).deletingLastPathComponent
                let base = path.hasPrefix("/") ? pageFolder : (root as NSString).appendingPathComponent(pageFolder)
                let resolved = URL(fileURLWithPath: (base as NSString).appendingPathComponent(String(address).removingPercentEncoding ?? String(address)))
                    .standardizedFileURL.path
                let rootPath = URL(fileURLWithPath: root).standardizedFileURL.path
                guard !address.hasPrefix("/"), resolved.hasPrefix(rootPath.hasSuffix("/") ? rootPath : rootPath + "/") else {
                    warn(line, "ITS rules at \(href) are not read: the file is outside the project")
                    continue
                }
                let shown = String(resolved.dropFirst(rootPath.count)).drop { $0 == "/" }
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder), !isFolder.boolValue else {
                    warn(line, "ITS rules at \(href) are not read: there is no file \(shown)")
                    continue
                }
                // A symbolic link may lead out of the project: where the file really is counts.
                if let real = TextFile.realPath(resolved), let realRoot = TextFile.realPath(rootPath), !real.hasPrefix(realRoot + "/") {
                    warn(line, "ITS rules at \(href) are not read: \(shown) leads outside the project")
                    continue
                }
                let data = try TextFile.readData(resolved, displayPath: String(shown))
                sets.append(try ITSRules.read(data, path: String(shown)))
            }
        }
        return sets
    }
}
