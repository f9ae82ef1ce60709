import Foundation

/// `tolk serve`: the site as it comes out, on a local address, rebuilt when its files
/// change, with a review view of each translated page and the progress report.
///
/// HTTP is `HTTPListener`'s, which bounds what a request may cost; this type only answers. Only files under `Output/` are served
/// (`PreviewPath`), plus the report and the review script under `/_tolk/`. The review view
/// (`?review=1`) serves the page the build wrote to `.tolk/review/` beside `Output/`; what
/// is written to `Output/` never holds review data or the script.
public final class PreviewServer: @unchecked Sendable {
    public let project: Project
    public let host: String
    public let port: UInt16
    /// Where the build writes the review view of each translated page.
    public static let reviewFolder = ".tolk/review"

    private let lock = NSLock()
    private var buildNumber = 0
    private var report = ""
    private var findings = Data("{}".utf8)
    private var signature: [String: String] = [:]
    private var http: HTTPListener?

    public init(project: Project, host: String = "127.0.0.1", port: UInt16 = 8000) {
        self.project = project
        self.host = host
        self.port = port
    }

    /// What one build gave.
    public struct Build: Sendable {
        public var number: Int
        public var result: SiteBuild.Result
    }

    // MARK: Building

    /// Builds the site (the first time in full, so every page has its review view; then
    /// incrementally), then the progress report and the check's findings.
    /// Pages reload as soon as the site is written; the report and the check's findings
    /// are ready when this returns.
    @discardableResult
    public func rebuild() throws -> Build {
        let first = lock.withLock { buildNumber == 0 }
        let seen = Self.signature(of: project)
        lock.withLock { signature = seen }
        var build = SiteBuild(project: project, incremental: !first)
        build.reviewFolder = Self.reviewFolder
        let result = try build.run()
        // Open pages reload now; the report and the findings follow when they are ready.
        let number = lock.withLock {
            buildNumber += 1
            return buildNumber
        }
        // The report and the findings: what `tolk stats` and `tolk check` say.
        let stats = try TranslationStats.compute(project)
        let check = try CatalogCheck(project: project).run()
        var byEntry: [String: [[String: String]]] = [:]
        for finding in check.findings {
            guard let locale = finding.locale, let msgid = finding.msgid else { continue }
            let key = LanguageTag.primary(locale) + "\u{4}" + (finding.msgctxt ?? "") + "\u{4}" + msgid
            byEntry[key, default: []].append(["severity": finding.severity.rawValue, "rule": finding.rule, "message": finding.message])
        }
        let json = (try? JSONSerialization.data(withJSONObject: byEntry, options: [.sortedKeys])) ?? Data("{}".utf8)
        let html = HTMLReport(stats: stats, findings: check.findings, time: Date(), reviewLink: { page, language in
            Self.reviewAddress(page: page, language: language)
        }).html()
        lock.withLock {
            report = html
            findings = json
        }
        return Build(number: number, result: result)
    }

    /// The progress report of the last build, as `/_tolk/` serves it.
    var reportHTML: String { lock.withLock { report } }

    /// The review view's address of a page (`Input/a/b.html`) in `language`.
    static func reviewAddress(page: String, language: String) -> String {
        let relative = page.hasPrefix("Input/") ? String(page.dropFirst("Input/".count)) : page
        return "/\(language)/" + relative.split(separator: "/").map {
            String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0)
        }.joined(separator: "/") + "?review=1"
    }

    /// Rebuilds whenever a file the build reads changes (looking every `interval`), until
    /// the task is cancelled; `report` hears of each build or of the error that stopped it.
    /// The build runs on a thread of its own, so pages are served meanwhile.
    public func watch(every interval: Duration = .milliseconds(400), report: @escaping @Sendable (Result<Build, any Error>) -> Void) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            guard !Task.isCancelled, changed() else { continue }
            let outcome: Result<Build, any Error> = await withCheckedContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(returning: Result { try self.rebuild() }) }
            }
            report(outcome)
        }
    }

    /// True when a page, asset, catalogue, rules file or `tolk.toml` changed since the last build.
    public func changed() -> Bool {
        let now = Self.signature(of: project)
        return lock.withLock { now != signature }
    }

    /// Size and time of every file the build reads: what `Input/` holds as the build lists
    /// it, the catalogues, glossary and rules under `Locales/`, and `tolk.toml`.
    static func signature(of project: Project) -> [String: String] {
        var paths = (try? project.inputFiles()).map { ($0.pages + $0.assets).map(project.absolute) } ?? []
        let locales = project.root.appendingPathComponent("Locales")
        if let walker = FileManager.default.enumerator(at: locales, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) {
            for case let url as URL in walker { paths.append(url.path) }
        }
        paths.append(project.absolute(SiteConfiguration.fileName))
        var files: [String: String] = [:]
        for path in paths {
            files[path] = FileStamp.sizeAndTime(path).map { "\($0.0):\($0.1)" } ?? "-"
        }
        return files
    }

    // MARK: Serving

    /// Starts answering on `host:port` (port 0: any free one) and returns the site's address.
    ///
    /// - Throws: `HTTPListener.Failure` naming what the system refused (an address in use).
    public func start() async throws -> URL {
        let listener = HTTPListener(allowedHosts: HTTPListener.allowedHosts(listeningOn: host)) { [self] request in
            respond(to: request)
        }
        try listener.start(host: host, port: port)
        lock.withLock { http = listener }
        let shown = host.contains(":") ? "[\(host)]" : host
        return URL(string: "http://\(shown):\(listener.port)/")!
    }

    public func stop() async {
        let listener = lock.withLock { () -> HTTPListener? in
            defer { http = nil }
            return http
        }
        listener?.stop()
    }

    /// True for an address only this machine can reach.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    func respond(to request: HTTPListener.Request) -> HTTPListener.Response {
        let rawPath = request.path
        let query = request.query
        switch rawPath {
        case "/_tolk", "/_tolk/":
            let html = lock.withLock { report }
            return Self.response(Data(html.utf8), type: "text/html; charset=utf-8")
        case "/_tolk/build":
            return Self.response(Data(String(lock.withLock { buildNumber }).utf8), type: "text/plain; charset=utf-8")
        case "/_tolk/findings.json":
            return Self.response(lock.withLock { findings }, type: "application/json")
        case "/_tolk/review.js":
            return Self.response(Data(ReviewAssets.script.utf8), type: "text/javascript; charset=utf-8")
        case "/_tolk/review.css":
            return Self.response(Data(ReviewAssets.style.utf8), type: "text/css; charset=utf-8")
        default:
            break
        }
        let output = project.absolute("Output")
        // A folder's address without its slash (`/de`): its page's relative links need the slash.
        if !rawPath.hasSuffix("/"), PreviewPath.isFolder(rawPath, in: output) {
            return HTTPListener.Response(status: 301, headers: [("Location", rawPath + "/" + (query.isEmpty ? "" : "?" + query))],
                                         body: .data(Data()))
        }
        guard let file = PreviewPath.resolve(rawPath, in: output) else {
            return .text(404, "Not found\n")
        }
        let type = PreviewPath.contentType(of: file)
        guard type.hasPrefix("text/html") else {
            var status = stat()
            guard stat(file, &status) == 0 else { return .text(404, "Not found\n") }
            return HTTPListener.Response(status: 200, headers: [("Content-Type", type), ("Cache-Control", "no-store")],
                                         body: .file(path: file, size: Int(status.st_size)))
        }
        guard var data = FileManager.default.contents(atPath: file) else { return .text(404, "Not found\n") }
        // The review view: the page the build wrote beside Output/, for a translated version.
        let reviewing = query.split(separator: "&").contains("review=1")
        if reviewing, let realOutput = TextFile.realPath(output) {
            let relative = String(file.dropFirst(realOutput.count + 1))
            if let review = PreviewPath.resolve("/" + relative, in: project.absolute(Self.reviewFolder)),
               let reviewData = FileManager.default.contents(atPath: review) {
                data = reviewData
            }
        }
        return Self.response(Self.withReviewScript(data, build: lock.withLock { buildNumber }), type: type)
    }

    /// The page with the reload and review script added before `</body>` (or at the end).
    static func withReviewScript(_ data: Data, build: Int) -> Data {
        var html = String(decoding: data, as: UTF8.self)
        let tag = ReviewAssets.tag(build: build)
        if let end = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) {
            html.insert(contentsOf: tag, at: end.lowerBound)
        } else {
            html += tag
        }
        return Data(html.utf8)
    }

    static func response(_ data: Data, type: String) -> HTTPListener.Response {
        HTTPListener.Response(status: 200, headers: [("Content-Type", type), ("Cache-Control", "no-store")], body: .data(data))
    }
}
