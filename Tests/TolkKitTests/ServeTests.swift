import Foundation
import Testing
@testable import TolkKit

/// `tolk serve`: the shipped site on a free local port, opened in headless Chromium, with
/// an untranslated and a refused entry planted in the German catalogue.
@Suite("tolk serve", .serialized)
struct ServeTests {
    /// A copy of the shipped site whose German catalogue has one entry emptied and one
    /// whose translation drops a placeholder; the server on a free port, started.
    static func start() async throws -> (URL, PreviewServer, URL) {
        let folder = try temporaryProject(from: Fixture.repositoryRoot, copying: ["Input", "Locales", SiteConfiguration.fileName])
        let path = folder.appendingPathComponent("Locales/en/de.po").path
        var catalog = try POParser(path: "de.po").parse(fileAt: path)
        for index in catalog.entries.indices {
            switch catalog.entries[index].id {
            case untranslated: catalog.entries[index].translations = [""]
            case refused: catalog.entries[index].translations = ["Veranstaltungen dieser Woche: Webinare und Diskussionen."]
            default: break
            }
        }
        try POWriter().write(catalog).write(toFile: path, atomically: true, encoding: .utf8)
        let server = PreviewServer(project: Project(root: folder), host: "127.0.0.1", port: 0)
        try server.rebuild()
        return (folder, server, try await server.start())
    }

    /// Runs `body` with a started server, then stops it and removes the project, whatever happened.
    static func serving(_ body: (URL, PreviewServer, URL) async throws -> Void) async throws {
        let (folder, server, url) = try await start()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try await body(folder, server, url)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    static let untranslated = "All times are UK time."
    static let refused = "For five days, <1/> brings together practitioners, managers and leaders through webinars, discussions, stories and networking."

    /// The page's DOM after Chromium loaded it and ran its scripts. Chromium runs on a
    /// thread of its own, so the server in this process keeps answering meanwhile.
    static func dom(_ url: URL) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try BrowserTests().dom(url, arguments: ["--virtual-time-budget=3000"]) })
            }
        }
    }

    /// A raw request's status code and body, sent byte for byte (no client tidies the path).
    static func request(_ server: URL, _ target: String) async throws -> (status: Int, body: String) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                defer { close(descriptor) }
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_port = in_port_t(UInt16(server.port!).bigEndian)
                address.sin_addr.s_addr = inet_addr("127.0.0.1")
                let connected = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                }
                guard connected == 0 else { return continuation.resume(throwing: POSIXError(.ECONNREFUSED)) }
                let request = Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
                _ = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
                var response: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 65536)
                while true {
                    let count = recv(descriptor, &buffer, buffer.count, 0)
                    guard count > 0 else { break }
                    response += buffer.prefix(count)
                }
                let text = String(decoding: response, as: UTF8.self)
                let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? -1
                let body = text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
                continuation.resume(returning: (status, body))
            }
        }
    }

    static func status(_ server: URL, _ target: String) async throws -> Int {
        try await request(server, target).status
    }

    /// `tolk` started with `arguments`, its output and errors read line by line as they come.
    static func launch(_ arguments: [String]) throws -> (Process, output: LineReader, errors: LineReader) {
        let process = Process()
        process.executableURL = CommandTests.executable
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return (process, LineReader(output.fileHandleForReading), LineReader(errors.fileHandleForReading))
    }

    static func fetch(_ server: URL, _ target: String) async throws -> String {
        try await request(server, target).body
    }

    @Test("the German page in a browser; the review view outlines the untranslated and the refused sentence with their msgids")
    func reviewView() async throws {
        try await Self.serving { folder, server, url in
            let plain = try await Self.dom(url.appendingPathComponent("de/hls-week-2022.html"))
            #expect(plain.contains("<html lang=\"de\""))
            #expect(plain.contains("Human Learning Systems Week 2022"))
            #expect(plain.contains("Review: off") && !plain.contains("data-tolk-state"))
            let review = try await Self.dom(URL(string: url.absoluteString + "de/hls-week-2022.html?review=1")!)
            #expect(review.contains("Review: on"))
            let html = HTMLDocument.parse(review)
            let states = html.segments
            #expect(states.contains { $0.state == "untranslated" && $0.msgid == Self.untranslated })
            #expect(states.contains { $0.state == "refused" && $0.msgid == Self.refused && $0.problem?.contains("<1/>") == true })
            #expect(states.filter { $0.state == "translated" }.count > 5)
            // The switcher keeps the visitor in review on the other language's page.
            #expect(review.contains("href=\"../en/hls-week-2022.html?review=1\""))
            // The review data never reaches Output/.
            let written = try String(contentsOf: folder.appendingPathComponent("Output/de/hls-week-2022.html"), encoding: .utf8)
            #expect(!written.contains("tolk-review") && !written.contains("/_tolk/"))
        }
    }

    @Test("the progress report shows the figures tolk stats gives; tolk stats --format html writes the same report")
    func report() async throws {
        try await Self.serving { folder, server, url in
            let report = try await Self.dom(url.appendingPathComponent("_tolk/"))
            let stats = try TranslationStats.compute(Project(root: folder))
            let german = try #require(stats.rows.first { $0.language == "de" && $0.page == nil })
            #expect(german.counts.missing == 2, "the two planted entries are missing")
            #expect(report.contains("\(german.counts.translated) of \(german.counts.segments) segments translated"))
            #expect(report.contains("\(german.counts.missing) missing"))
            for row in stats.rows where row.page != nil {
                #expect(report.contains("\(row.counts.translated) of \(row.counts.segments) segments translated"))
            }
            // Bars: one rect per part, with its number.
            #expect(report.contains("data-count=\"\(german.counts.missing)\""))
            #expect(report.contains("href=\"/de/hls-week-2022.html?review=1\""))
            let file = HTMLReport(stats: stats, findings: try CatalogCheck(project: Project(root: folder)).run().findings).html()
            #expect(file.contains("\(german.counts.translated) of \(german.counts.segments) segments translated"))
            #expect(!file.contains("<script"), "the report needs no JavaScript")
        }
    }

    @Test("an edit to the German catalogue is rebuilt and shows in the page without a restart")
    func rebuildOnEdit() async throws {
        try await Self.serving { folder, server, url in
            let watching = Task { await server.watch(every: .milliseconds(100)) { _ in } }
            defer { watching.cancel() }
            let before = try await Self.fetch(url, "/_tolk/build")
            let path = folder.appendingPathComponent("Locales/en/de.po").path
            var catalog = try POParser(path: "de.po").parse(fileAt: path)
            for index in catalog.entries.indices where catalog.entries[index].id == Self.untranslated {
                catalog.entries[index].translations = ["Alle Zeiten sind britische Zeit."]
            }
            try POWriter().write(catalog).write(toFile: path, atomically: true, encoding: .utf8)
            var after = before
            for _ in 0..<100 where after == before {
                try await Task.sleep(for: .milliseconds(100))
                after = try await Self.fetch(url, "/_tolk/build")
            }
            #expect(after != before, "no rebuild within 10 seconds")
            let page = try await Self.dom(url.appendingPathComponent("de/hls-week-2022.html"))
            watching.cancel()
            #expect(page.contains("Alle Zeiten sind britische Zeit."))
        }
    }

    @Test("pointing at an outlined sentence shows its state, msgid and catalogue line in the panel")
    func panel() async throws {
        try await Self.serving { folder, server, url in
            // A page of the same site frames the review view and focuses the untranslated sentence, as Tab would.
            try """
                <!DOCTYPE html><html><body><iframe id="f" src="/de/hls-week-2022.html?review=1"></iframe><pre id="r">waiting</pre>
                <script>
                document.getElementById("f").onload = function () {
                  var d = this.contentDocument;
                  // The panel lists the check's findings, which the page fetches after it loaded.
                  setTimeout(probe, 1000, d);
                };
                function probe(d) {
                  var s = d.querySelector('.tolk-review[data-tolk-state="untranslated"]');
                  s.focus();
                  var p = d.getElementById("tolk-panel");
                  document.getElementById("r").textContent = (p.hidden ? "hidden " : "shown ") + p.textContent + " | "
                    + getComputedStyle(s).outlineStyle + " " + getComputedStyle(s, "::before").content;
                }
                </script></body></html>
                """.write(to: folder.appendingPathComponent("Output/probe.html"), atomically: true, encoding: .utf8)
            let dom = try await Self.dom(url.appendingPathComponent("probe.html"))
            let report = dom.components(separatedBy: "<pre id=\"r\">").last ?? ""
            #expect(report.hasPrefix("shown "), "\(report.prefix(300))")
            #expect(report.contains("State: untranslated") && report.contains("msgid: \(Self.untranslated)"))
            #expect(report.contains("Entry: Locales/en/de.po:"))
            #expect(report.contains("Check error: untranslated"), "the check's finding for the entry")
            #expect(report.contains("dotted \"untranslated \""), "outline and label: \(report)")
        }
    }

    @Test("tolk serve as a user runs it: prints the address, serves both languages, shows a catalogue edit, stops on Ctrl-C")
    func command() async throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot, copying: ["Input", "Locales", SiteConfiguration.fileName])
        defer { try? FileManager.default.removeItem(at: folder) }
        let (process, lines, _) = try Self.launch(["serve", "--port", "0", "--project", folder.path])
        defer { if process.isRunning { process.terminate() } }
        let serving = try #require(await lines.first { $0.hasPrefix("Serving http://127.0.0.1:") })
        let url = try #require(URL(string: String(serving.split(separator: " ")[1])))
        #expect(try await Self.fetch(url, "/de/hls-week-2022.html").contains("Alle Zeiten in BST (in Klammern: MESZ)."))
        #expect(try await Self.fetch(url, "/en/berlin.html").contains("<html lang=\"en\""))
        #expect(try await Self.status(url, "/") == 200)
        let path = folder.appendingPathComponent("Locales/en/de.po").path
        let catalogue = try String(contentsOfFile: path, encoding: .utf8)
        try catalogue.replacingOccurrences(of: "Alle Zeiten in BST (in Klammern: MESZ).", with: "Alle Zeiten: britische Zeit.")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let edited = Date()
        var page = ""
        while Date().timeIntervalSince(edited) < 10, !page.contains("Alle Zeiten: britische Zeit.") {
            try await Task.sleep(for: .milliseconds(100))
            page = try await Self.fetch(url, "/de/hls-week-2022.html")
        }
        #expect(page.contains("Alle Zeiten: britische Zeit."), "not rebuilt within 10 seconds")
        kill(process.processIdentifier, SIGINT)
        #expect(await lines.first { $0 == "Stopped." } != nil)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("--host other than loopback serves with a warning; a port in use is an error naming it, exit 1")
    func hostAndPort() async throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot, copying: ["Input", "Locales", SiteConfiguration.fileName])
        defer { try? FileManager.default.removeItem(at: folder) }
        let (process, lines, warnings) = try Self.launch(["serve", "--host", "0.0.0.0", "--port", "0", "--project", folder.path])
        defer { if process.isRunning { process.terminate() } }
        let serving = try #require(await lines.first { $0.hasPrefix("Serving http://0.0.0.0:") })
        #expect(await warnings.first { $0.contains("warning: serving on 0.0.0.0: anyone who can reach this address") } != nil)
        // A second server on the same port.
        let port = try #require(URL(string: String(serving.split(separator: " ")[1]))?.port)
        let second = try CommandTests().tolk(["serve", "--port", String(port), "--project", folder.path, "--quiet"])
        #expect(second.status == 1)
        #expect(second.errors.contains("tolk: error: cannot serve on 127.0.0.1:\(port)"), "\(second.errors)")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("tolk stats --format html -o writes the figures tolk stats --format json gives")
    func statsHTML() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot, copying: ["Input", "Locales", SiteConfiguration.fileName])
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try CommandTests().tolk(["stats", "--format", "json", "--project", folder.path, "--quiet"])
        let stats = try JSONDecoder().decode(TranslationStats.self, from: Data(json.output.utf8))
        let written = try CommandTests().tolk(["stats", "--format", "html", "-o", "progress.html", "--project", folder.path, "--quiet"], in: folder)
        #expect(written.status == 0, "\(written.errors)")
        let html = try String(contentsOf: folder.appendingPathComponent("progress.html"), encoding: .utf8)
        for row in stats.rows {
            #expect(html.contains(HTMLReport.figures(row.counts)), "\(row.language) \(row.page ?? "all")")
            #expect(html.contains("\(row.counts.translatedWords) of \(row.counts.words)") || row.page == nil)
        }
    }

    @Test("a rebuild is due after a page, an asset, a catalogue, the rules or tolk.toml changes, and not otherwise")
    func watchedFiles() throws {
        let folder = try temporaryProject(from: Fixture.repositoryRoot, copying: ["Input", "Locales", SiteConfiguration.fileName])
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = PreviewServer(project: Project(root: folder), port: 0)
        try server.rebuild()
        #expect(!server.changed(), "the build itself (Output/, .tolk/) is not a change")
        for path in ["Input/hls-week-2022.html", "Input/styles/events.css", "Locales/en/de.po", "Locales/its-rules.xml", "tolk.toml"] {
            let url = folder.appendingPathComponent(path)
            try (try String(contentsOf: url, encoding: .utf8) + "\n").write(to: url, atomically: true, encoding: .utf8)
            #expect(server.changed(), "\(path)")
            try server.rebuild()
            #expect(!server.changed(), "\(path)")
        }
    }

    /// A connection to `server` on which `bytes` are sent (from a thread of their own, as
    /// far as the server takes them); its first line of answer, or nil when none came in `wait` seconds.
    static func raw(_ server: URL, _ bytes: [UInt8], wait: Int = 5) -> (descriptor: Int32, answer: () -> String?) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(server.port!).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var timeout = timeval(tv_sec: wait, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        // The sender has a descriptor of its own: the caller may close its one while the
        // sender still writes, and a number the system hands out again must never get those bytes.
        let sender = dup(descriptor)
        Thread.detachNewThread {
            defer { close(sender) }
            var offset = 0
            while offset < bytes.count {
                let sent = bytes.withUnsafeBytes { send(sender, $0.baseAddress! + offset, min(65536, bytes.count - offset), Int32(MSG_NOSIGNAL)) }
                guard sent > 0 else { return }
                offset += sent
            }
        }
        return (descriptor, {
            var buffer = [UInt8](repeating: 0, count: 4096)
            var answer: [UInt8] = []
            while !answer.contains(0x0A) {
                let count = recv(descriptor, &buffer, buffer.count, 0)
                guard count > 0 else { break }
                answer += buffer.prefix(count)
            }
            guard let line = answer.split(separator: 0x0D).first else { return nil }
            return String(decoding: line, as: UTF8.self)
        })
    }

    @Test("a request costs little: huge headers and addresses, stalled bodies and other methods are refused while others are answered; Host is checked; a folder gets its slash")
    func boundedRequests() async throws {
        try await Self.serving { folder, server, url in
            let head = "Host: 127.0.0.1:\(url.port!)\r\n"
            let megabyte = String(repeating: "a", count: 1 << 20)
            // Two 1 MB header lines, two stalled bodies, open all along.
            let held = [Self.raw(url, Array("GET / HTTP/1.1\r\n\(head)X-Big: \(megabyte)\r\n\r\n".utf8)),
                        Self.raw(url, Array("GET / HTTP/1.1\r\n\(head)X-Big: \(megabyte)\r\n\r\n".utf8)),
                        Self.raw(url, Array("POST / HTTP/1.1\r\n\(head)Content-Length: 100000000\r\n\r\nabc".utf8)),
                        Self.raw(url, Array("GET / HTTP/1.1\r\n\(head)Content-Length: 100000000\r\n\r\nabc".utf8))]
            defer { for connection in held { close(connection.descriptor) } }
            // A request that stalls in its head, which the server must not wait for in the others' way.
            let slow = Self.raw(url, Array("GET / HTTP/1.1\r\n\(head)X-Slow: ".utf8))
            defer { close(slow.descriptor) }
            let normal = Self.raw(url, Array("GET /de/hls-week-2022.html HTTP/1.1\r\n\(head)Connection: close\r\n\r\n".utf8), wait: 1)
            #expect(normal.answer() == "HTTP/1.1 200 OK", "a normal request is answered within a second")
            close(normal.descriptor)
            #expect(held.map { $0.answer() } == ["HTTP/1.1 431 Request Header Fields Too Large", "HTTP/1.1 431 Request Header Fields Too Large",
                                                 "HTTP/1.1 405 Method Not Allowed", "HTTP/1.1 413 Content Too Large"])
            for (request, expected) in [
                ("GET /\(megabyte) HTTP/1.1\r\n\(head)\r\n", "HTTP/1.1 414 URI Too Long"),
                ("GET /_tolk/findings.json HTTP/1.1\r\nHost: evil.example\r\n\r\n", "HTTP/1.1 403 Forbidden"),
                ("GET /_tolk/findings.json HTTP/1.1\r\nHost: evil.example:\(url.port!)\r\n\r\n", "HTTP/1.1 403 Forbidden"),
                ("GET /_tolk/findings.json HTTP/1.1\r\n\r\n", "HTTP/1.1 403 Forbidden"),
                ("GET /_tolk/findings.json HTTP/1.1\r\nHost: localhost:\(url.port!)\r\n\r\n", "HTTP/1.1 200 OK"),
                ("DELETE /de/ HTTP/1.1\r\n\(head)\r\n", "HTTP/1.1 405 Method Not Allowed"),
                ("GET /de HTTP/1.1\r\n\(head)\r\n", "HTTP/1.1 301 Moved Permanently"),
            ] {
                let connection = Self.raw(url, Array(request.utf8))
                #expect(connection.answer() == expected, "\(request.prefix(60))")
                close(connection.descriptor)
            }
            let redirect = try await Self.request(url, "/de?x=1")
            #expect(redirect.status == 301)
            // An asset is sent as it is read, whole and with its length.
            let asset = folder.appendingPathComponent("Output/en/big.bin")
            let bytes = Data((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
            try bytes.write(to: asset)
            let download = Self.raw(url, Array("GET /en/big.bin HTTP/1.1\r\n\(head)Connection: close\r\n\r\n".utf8))
            defer { close(download.descriptor) }
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = recv(download.descriptor, &buffer, buffer.count, 0)
                guard count > 0 else { break }
                received += buffer.prefix(count)
            }
            let split = try #require((0..<received.count - 3).first { received[$0..<$0 + 4].elementsEqual([13, 10, 13, 10]) })
            let headers = String(decoding: received[..<split], as: UTF8.self)
            #expect(headers.contains("Content-Length: \(bytes.count)\r\n"))
            #expect(Data(received[(split + 4)...]) == bytes)
            await server.stop()
        }
    }

    @Test("path traversal is refused: .., encoded dots and slashes, backslashes, absolute paths, a symlink out of Output/")
    func traversal() async throws {
        try await Self.serving { folder, server, url in
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("Output/escape").path,
                                                       withDestinationPath: folder.appendingPathComponent("Locales").path)
            #expect(try await Self.status(url, "/de/hls-week-2022.html") == 200)
            for target in ["/../Locales/en/de.po", "/de/../../Locales/en/de.po", "/%2e%2e/Locales/en/de.po", "/de/%2e%2e%2f%2e%2e%2fLocales%2fen%2fde.po",
                           "/..%2fLocales%2fen%2fde.po", "/..\\Locales\\en\\de.po", "//etc/passwd", "/escape/en/de.po", "/.tolk/build-cache",
                           "/de/hls-week-2022.html%00.png", "http://127.0.0.1/../Locales/en/de.po", "/%252e%252e/Locales/en/de.po"] {
                #expect(try await Self.status(url, target) == 404, "\(target)")
            }
            await server.stop()
        }
    }
}

private extension HTMLDocument {
    struct Segment {
        var state: String
        var msgid: String
        var problem: String?
    }

    /// The review view's outlined segments.
    var segments: [Segment] {
        var found: [Segment] = []
        func walk(_ element: HTMLElement) {
            if element[attribute: "class"] == "tolk-review", let state = element[attribute: "data-tolk-state"],
               let msgid = element[attribute: "data-tolk-msgid"] {
                found.append(Segment(state: state, msgid: msgid, problem: element[attribute: "data-tolk-problem"]))
            }
            for case let .element(child) in element.children { walk(child) }
        }
        walk(root)
        return found
    }

    static func parse(_ html: String) -> HTMLDocument { HTMLParser.parse(html, locate: false) }
}

/// Lines of a process's output as they come.
final class LineReader: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    private var partial = ""

    init(_ handle: FileHandle) {
        handle.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { handle.readabilityHandler = nil; return }
            self.lock.withLock {
                self.partial += String(decoding: data, as: UTF8.self)
                while let end = self.partial.firstIndex(of: "\n") {
                    self.lines.append(String(self.partial[..<end]))
                    self.partial = String(self.partial[self.partial.index(after: end)...])
                }
            }
        }
    }

    /// The first line that matches, waiting up to 60 seconds for it.
    func first(where matches: (String) -> Bool) async -> String? {
        for _ in 0..<600 {
            if let line = lock.withLock({ lines.first(where: matches) }) { return line }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }
}
