import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The HTTP/1.1 server under `tolk serve`: the only file that touches sockets.
///
/// It answers GET and HEAD only, and bounds what a request may cost before any of it
/// reaches the preview: a request line of at most 8 KiB (else 414) and a head of at most
/// 32 KiB (else 431), read within 10 seconds (else 408); a request with a body is
/// refused without reading it (405 for other methods, 413 for a GET or HEAD); a Host other
/// than the addresses it listens on and `localhost` is refused (403), so a page elsewhere
/// cannot reach the preview through DNS rebinding. Each connection has a thread that
/// sleeps while it waits, at most `maximumConnections` at once (beyond, 503). Files are
/// sent in 64 KiB pieces, never read whole.
final class HTTPListener: @unchecked Sendable {
    struct Request: Sendable {
        var method: String
        /// The request target as sent: `/de/page.html?review=1`.
        var target: String
        /// Header names in lower case, with their values.
        var headers: [String: String]

        var path: String { String(target.prefix { $0 != "?" }) }
        var query: String { target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) } ?? "" }
    }

    struct Response: Sendable {
        enum Body: Sendable {
            case data(Data)
            /// A file sent as it is read; `size` is its length when it was opened.
            case file(path: String, size: Int)
        }

        var status: Int
        var headers: [(String, String)]
        var body: Body

        static func text(_ status: Int, _ text: String, headers: [(String, String)] = []) -> Response {
            Response(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + headers, body: .data(Data(text.utf8)))
        }
    }

    static let maximumRequestLine = 8 * 1024
    static let maximumHead = 32 * 1024
    static let headTimeout: TimeInterval = 10
    /// How long a kept-alive connection may wait for its next request.
    static let idleTimeout: TimeInterval = 5
    static let maximumConnections = 64

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let handler: @Sendable (Request) -> Response
    private let allowedHosts: Set<String>
    private let lock = NSLock()
    private var listening: Int32 = -1
    private var connections: Set<Int32> = []
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    /// The port it listens on, once `start` returned.
    private(set) var port: UInt16 = 0

    init(allowedHosts: Set<String>, handler: @escaping @Sendable (Request) -> Response) {
        self.allowedHosts = Set(allowedHosts.map { $0.lowercased() })
        self.handler = handler
    }

    /// Listens on `host:port` (port 0: any free one) and accepts on a thread of its own.
    ///
    /// - Throws: `Failure` naming what the system refused (an address in use, say).
    func start(host: String, port requested: UInt16) throws {
        let isIP6 = host.contains(":")
        let descriptor = socket(isIP6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "no socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound: Int32
        if isIP6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = requested.bigEndian
            guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1 else {
                close(descriptor)
                throw Failure(description: "\(host) is not an IPv6 address")
            }
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = requested.bigEndian
            guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address.sin_addr) == 1 else {
                close(descriptor)
                throw Failure(description: "\(host) is not an IPv4 address")
            }
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard bound == 0, listen(descriptor, 128) == 0 else {
            let problem = String(cString: strerror(errno))
            close(descriptor)
            throw Failure(description: problem)
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        port = withUnsafePointer(to: &storage) { pointer in
            isIP6 ? pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
                : pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
        lock.withLock { listening = descriptor }
        Thread.detachNewThread { [self] in
            acceptLoop(descriptor)
            finished.signal()
        }
    }

    /// Stops accepting and closes every open connection.
    func stop() {
        let (descriptor, open) = lock.withLock { () -> (Int32, Set<Int32>) in
            stopped = true
            defer { listening = -1 }
            return (listening, connections)
        }
        guard descriptor >= 0 else { return }
        shutdown(descriptor, Int32(SHUT_RDWR))
        for connection in open { shutdown(connection, Int32(SHUT_RDWR)) }
        finished.wait()
        close(descriptor)
    }

    private func acceptLoop(_ descriptor: Int32) {
        while true {
            let connection = accept(descriptor, nil, nil)
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                if lock.withLock({ stopped }) { return }
                if errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM {
                    usleep(100_000)
                    continue
                }
                return
            }
            var yes: Int32 = 1
            setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            let admitted = lock.withLock { () -> Bool in
                guard !stopped, connections.count < Self.maximumConnections else { return false }
                connections.insert(connection)
                return true
            }
            guard admitted else {
                write(.text(503, "too many connections\n"), to: connection, method: "GET", keepAlive: false)
                close(connection)
                continue
            }
            // A client that stops reading a response holds its thread no longer than this.
            var timeout = timeval(tv_sec: 30, tv_usec: 0)
            setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            Thread.detachNewThread { [self] in
                serve(connection)
                lock.withLock { _ = connections.remove(connection) }
                close(connection)
            }
        }
    }

    // MARK: One connection

    private func serve(_ connection: Int32) {
        var buffer: [UInt8] = []
        var first = true
        while true {
            let request: Request
            switch readHead(connection, buffer: &buffer, idle: first ? Self.headTimeout : Self.idleTimeout) {
            case .closed:
                return
            case let .refused(response):
                write(response, to: connection, method: "GET", keepAlive: false)
                // What the client is still sending is read and dropped for a moment, so that
                // closing does not reset the connection before it has read the answer.
                shutdown(connection, Int32(SHUT_WR))
                var chunk = [UInt8](repeating: 0, count: 65536)
                let until = Date().addingTimeInterval(1)
                var drained = 0
                while drained < 4 << 20, until.timeIntervalSinceNow > 0 {
                    var poller = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
                    guard poll(&poller, 1, 200) > 0 else { continue }
                    let count = recv(connection, &chunk, chunk.count, 0)
                    guard count > 0 else { break }
                    drained += count
                }
                return
            case let .request(read):
                request = read
            }
            first = false
            let keepAlive = request.headers["connection"]?.lowercased() != "close"
            let response = handler(request)
            guard write(response, to: connection, method: request.method, keepAlive: keepAlive), keepAlive else { return }
        }
    }

    private enum Head {
        case request(Request)
        case refused(Response)
        case closed
    }

    /// Reads one request head (up to the blank line), within the limits.
    private func readHead(_ connection: Int32, buffer: inout [UInt8], idle: TimeInterval) -> Head {
        let deadline = Date().addingTimeInterval(Self.headTimeout)
        var end: Int?
        var scanned = 0
        var chunk = [UInt8](repeating: 0, count: 8192)
        while true {
            // The end of the head: the first empty line (CRLF CRLF, or bare LFs).
            while scanned < buffer.count {
                if buffer[scanned] == 0x0A {
                    if scanned >= 1, buffer[scanned - 1] == 0x0A { end = scanned + 1; break }
                    if scanned >= 2, buffer[scanned - 1] == 0x0D, buffer[scanned - 2] == 0x0A { end = scanned + 1; break }
                }
                scanned += 1
            }
            if end != nil { break }
            let lineEnd = buffer.firstIndex(of: 0x0A) ?? buffer.count
            if lineEnd > Self.maximumRequestLine {
                return .refused(.text(414, "the address is longer than \(Self.maximumRequestLine) bytes\n"))
            }
            if buffer.count > Self.maximumHead {
                return .refused(.text(431, "the request's headers are longer than \(Self.maximumHead) bytes\n"))
            }
            // Wait for more, no longer than the deadline (or, before the first byte of a
            // kept-alive connection's next request, the idle time).
            let limit = buffer.isEmpty ? min(deadline, Date().addingTimeInterval(idle)) : deadline
            let left = limit.timeIntervalSinceNow
            guard left > 0 else {
                return buffer.isEmpty ? .closed : .refused(.text(408, "the request did not arrive in time\n"))
            }
            var poller = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left, 1) * 1000) + 1)
            if ready < 0 && errno != EINTR { return .closed }
            guard ready > 0 else { continue }
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return .closed }
            buffer += chunk[..<count]
        }
        guard let end else { return .closed }
        let head = buffer[..<end]
        buffer.removeFirst(end)
        let text = String(decoding: head, as: UTF8.self)
        var lines = text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.map(String.init)
        guard !lines.isEmpty else { return .refused(.text(400, "no request line\n")) }
        let requestLine = lines.removeFirst()
        if requestLine.utf8.count > Self.maximumRequestLine {
            return .refused(.text(414, "the address is longer than \(Self.maximumRequestLine) bytes\n"))
        }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), !parts[0].isEmpty, !parts[1].isEmpty else {
            return .refused(.text(400, "not an HTTP/1 request line\n"))
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":"), let first = line.first, first != " ", first != "\t" else {
                return .refused(.text(400, "a header line without a name\n"))
            }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "host", headers[name] != nil { return .refused(.text(400, "two Host headers\n")) }
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        let method = String(parts[0])
        let hasBody = headers["transfer-encoding"] != nil || (headers["content-length"].map { $0 != "0" } ?? false)
        guard method == "GET" || method == "HEAD" else {
            return .refused(.text(405, "only GET and HEAD\n", headers: [("Allow", "GET, HEAD")]))
        }
        if hasBody { return .refused(.text(413, "a GET or HEAD request has no body\n")) }
        if parts[2] != "HTTP/1.0" || headers["host"] != nil {
            guard let host = headers["host"]?.lowercased(), allowedHosts.contains(Self.hostName(host)) else {
                return .refused(.text(403, "this server answers only to the addresses it listens on and localhost\n"))
            }
        }
        return .request(Request(method: method, target: String(parts[1]), headers: headers))
    }

    /// The host names a request may give for a server on `host`: `host` itself and
    /// `localhost` (with the loopback addresses); for the wildcard addresses (`0.0.0.0`,
    /// `::`), every address of this machine's interfaces and its name.
    static func allowedHosts(listeningOn host: String) -> Set<String> {
        var hosts: Set<String> = [host.lowercased(), "localhost", "127.0.0.1", "::1"]
        guard host == "0.0.0.0" || host == "::" else { return hosts }
        var name = [CChar](repeating: 0, count: 256)
        if gethostname(&name, name.count - 1) == 0 {
            let machine = String(cString: name).lowercased()
            hosts.insert(machine)
            hosts.insert(machine + ".local")
        }
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return hosts }
        defer { freeifaddrs(list) }
        var current = list
        while let entry = current {
            if let address = entry.pointee.ifa_addr {
                var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
                let family = Int32(address.pointee.sa_family)
                let length = family == AF_INET6 ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size
                if family == AF_INET || family == AF_INET6,
                   getnameinfo(address, socklen_t(length), &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0 {
                    // An IPv6 address of a link carries its zone (`fe80::1%eth0`); a Host header does not.
                    hosts.insert(String(cString: text).lowercased().split(separator: "%").first.map(String.init) ?? "")
                }
            }
            current = entry.pointee.ifa_next
        }
        return hosts
    }

    /// A Host header's name without its port: `[::1]:8000` → `::1`, `localhost:8000` → `localhost`.
    static func hostName(_ host: String) -> String {
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            return String(host[host.index(after: host.startIndex)..<close])
        }
        guard let colon = host.lastIndex(of: ":") else { return host }
        return String(host[..<colon])
    }

    // MARK: Writing

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 431: "Request Header Fields Too Large"
        case 503: "Service Unavailable"
        default: "Error"
        }
    }

    private static func head(of response: Response, length: Int, keepAlive: Bool) -> [UInt8] {
        var text = "HTTP/1.1 \(response.status) \(reason(response.status))\r\n"
        for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(length)\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        return Array(text.utf8)
    }

    /// Writes `response`; false when the connection is gone.
    @discardableResult
    private func write(_ response: Response, to connection: Int32, method: String, keepAlive: Bool) -> Bool {
        switch response.body {
        case let .data(data):
            guard send(connection, Self.head(of: response, length: data.count, keepAlive: keepAlive)) else { return false }
            return method == "HEAD" || data.withUnsafeBytes { send(connection, $0) }
        case let .file(path, size):
            let file = open(path, O_RDONLY)
            guard file >= 0 else {
                return write(.text(404, "Not found\n"), to: connection, method: method, keepAlive: keepAlive)
            }
            defer { close(file) }
            guard send(connection, Self.head(of: response, length: size, keepAlive: keepAlive)) else { return false }
            if method == "HEAD" { return true }
            var left = size
            var chunk = [UInt8](repeating: 0, count: 65536)
            while left > 0 {
                let count = read(file, &chunk, min(chunk.count, left))
                // A file that shrank while it was sent: the length promised cannot be kept.
                guard count > 0 else { return false }
                guard chunk.withUnsafeBytes({ send(connection, UnsafeRawBufferPointer(rebasing: $0[..<count])) }) else { return false }
                left -= count
            }
            return true
        }
    }

    @discardableResult
    private func send(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { send(connection, $0) }
    }

    private func send(_ connection: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = Glibc.send(connection, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}
