import Foundation

/// Which file under `Output/` a request's path names, if any: the one place `tolk serve`
/// turns an address into a file.
///
/// Refused (nil, which the server answers with 404): a path that does not start with `/`,
/// any `..` or `.` segment or hidden name, percent-encoded dots, slashes, backslashes or NUL
/// (`%2e%2e`, `%2f`, `%5c`, `%00`), a backslash, and anything whose real path (symbolic
/// links resolved) is not a regular file inside the real `Output/`.
enum PreviewPath {
    static func resolve(_ rawPath: String, in root: String) -> String? {
        guard rawPath.hasPrefix("/") else { return nil }
        let lowered = rawPath.lowercased()
        for refused in ["%2e", "%2f", "%5c", "%00", "\\"] where lowered.contains(refused) { return nil }
        guard let decoded = rawPath.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) else { return nil }
        guard let realRoot = TextFile.realPath(root) else { return nil }
        var path = ([realRoot] + parts.map(String.init)).joined(separator: "/")
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            path += "/index.html"
        }
        guard let real = TextFile.realPath(path), real.hasPrefix(realRoot + "/") else { return nil }
        var status = stat()
        guard stat(real, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return real
    }

    /// True when `rawPath` names a folder under `root` that `resolve` would serve the
    /// `index.html` of: the address a redirect adds the slash to.
    static func isFolder(_ rawPath: String, in root: String) -> Bool {
        guard let file = resolve(rawPath, in: root), file.hasSuffix("/index.html"),
              let decoded = rawPath.removingPercentEncoding, !decoded.hasSuffix("index.html") else { return false }
        return true
    }

    /// The Content-Type of a file, by its extension.
    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm", "xhtml": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "txt": return "text/plain; charset=utf-8"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
