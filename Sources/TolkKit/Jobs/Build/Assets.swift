import Foundation

/// The files under `Input/` that are not pages (images, styles, scripts, fonts, documents),
/// carried into each language folder of `Output/`, so that a page's relative addresses
/// resolve in every language. The bytes are stored once: the other languages' copies are
/// hard links to the first.
struct Assets {
    let project: Project
    /// Asset paths (`Input/images/a.jpg`), sorted.
    let paths: [String]

    /// What is in `Output/` after publishing: each copy's stamp, and each source's stamp.
    struct Published {
        var files: [String: FileStamp] = [:]
        var sources: [String: FileStamp] = [:]
    }

    /// Puts every asset into `Output/LL/` for each of `languages`; an asset whose source and
    /// copies are as `recorded` left them is not touched.
    func publish(languages: [String], recorded: OutputManifest?) throws -> Published {
        var published = Published()
        for path in paths {
            let relative = String(path.dropFirst("Input/".count))
            let destinations = languages.map { "Output/\($0)/\(relative)" }
            if let recorded, let source = recorded.sources[path]?.current(at: project.absolute(path)),
               case let copies = destinations.map({ recorded.files[$0]?.current(at: project.absolute($0)) }), !copies.contains(nil) {
                published.sources[path] = source
                for (destination, stamp) in zip(destinations, copies) { published.files[destination] = stamp! }
                continue
            }
            guard let first = destinations.first else { continue }
            try TextFile.copyAtomically(from: project.absolute(path), to: project.absolute(first), displayPath: first)
            for destination in destinations.dropFirst() {
                try TextFile.linkAtomically(project.absolute(first), to: project.absolute(destination), displayPath: destination)
            }
            // Stamped after every link is made (a link changes the file's change time).
            guard let source = FileStamp(fileAt: project.absolute(path)) else { continue }
            published.sources[path] = source
            for destination in destinations {
                published.files[destination] = FileStamp(fileAt: project.absolute(destination)) ?? .missing
            }
        }
        return published
    }

    /// The file `address` (written in `page`) leads to, when nothing will be there in
    /// `Output/`; nil when it resolves (or cannot be known).
    static func missingTarget(_ address: String, from page: String, files: Set<String>, indexName: String) -> String? {
        missingTarget(address, folder: folder(of: page), files: files, indexName: indexName)
    }

    /// The same for a page in `folder` (`folder(of:)`), which a folder's pages share.
    static func missingTarget(_ address: String, folder: [Substring], files: Set<String>, indexName: String) -> String? {
        switch resolve(address, folder: folder) {
        case nil:
            return nil
        case let .input(path)?:
            return files.contains(path) || path == "Input/" + indexName ? nil : path
        case let .outputRoot(path)?:
            if path == "index.html" || path == "sitemap.xml" { return nil }
            // `../de/page.html`: another language's version of a page under Input/.
            let rest = path.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            return files.contains("Input/" + rest) || rest == indexName ? nil : "Output/" + path
        }
    }

    enum Resolved: Equatable {
        /// A file under `Input/` (which the build puts in the page's language folder).
        case input(String)
        /// A file above the language folders (`../index.html`, `../de/page.html`), relative to `Output/`.
        case outputRoot(String)
    }

    /// Where `address`, written in `page` (`Input/…`), leads; nil when it cannot be known.
    static func resolve(_ address: String, from page: String) -> Resolved? {
        resolve(address, folder: folder(of: page))
    }

    /// The folders a page (`Input/a/b.html`) sits in under `Input/`: `["a"]`.
    static func folder(of page: String) -> [Substring] {
        Array(page.split(separator: "/").dropFirst().dropLast())
    }

    static func resolve(_ address: String, folder: [Substring]) -> Resolved? {
        var path = Substring(address)
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        guard !path.isEmpty else { return nil }
        // Most addresses have no escape: Foundation's decoding costs more than the rest.
        let decoded: String
        if path.contains("%") {
            guard let text = String(path).removingPercentEncoding else { return nil }
            decoded = text
        } else {
            decoded = String(path)
        }
        // Under Output/LL/ the page sits where it sits under Input/.
        var components = folder
        var climbedOut = 0
        for component in decoded.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case ".", "": continue
            case "..":
                if components.isEmpty { climbedOut += 1 } else { components.removeLast() }
            default:
                components.append(component)
            }
        }
        if climbedOut == 0 { return .input((["Input"] + components).joined(separator: "/")) }
        return climbedOut == 1 ? .outputRoot(components.joined(separator: "/")) : nil
    }
}
