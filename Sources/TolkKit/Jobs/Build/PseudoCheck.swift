import Foundation

/// `tolk check --pseudo`: the pseudo-localized pages (`PseudoBuild`) opened in headless
/// Chromium, which reports what a reader of a longer language would meet:
///
/// - visible text with no brackets: text the extraction never offered for translation
///   (written by a script, in an attribute Tolk does not read, in an element a rule left
///   out). Text kept on purpose is not reported: under `translate="no"`, in another
///   `lang` than the page's, in a `<time>` (the build renders it), in `<script>`/`<style>`;
/// - an element whose text is wider than its box (`scrollWidth` over `clientWidth`): a
///   button, a cell or a menu that a translation 35% longer will break.
///
/// Each finding names the page and the element (`button.register`), and the text.
public struct PseudoCheck {
    public let project: Project

    public init(project: Project) {
        self.project = project
    }

    /// Where Chromium is looked for, in this order.
    public static let browsers = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"]

    public struct Finding: Sendable, Equatable, Decodable {
        /// `unbracketed` or `overflow`.
        public var kind: String
        public var element: String
        public var text: String
        public var page = ""

        enum CodingKeys: String, CodingKey { case kind, element, text }
    }

    /// Builds the pseudo pages and checks the left-to-right ones.
    ///
    /// - Throws: `TolkError.exchange` when no Chromium is installed, or one does not answer.
    public func run() throws -> (pages: Int, findings: [Finding]) {
        guard let browser = Self.browsers.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw TolkError.exchange(path: "tolk check --pseudo", line: 0,
                                     problem: "it opens the pages in headless Chromium, which is not installed (looked for \(Self.browsers.joined(separator: ", ")))")
        }
        let pages = try PseudoBuild(project: project).run().pages.filter { $0.hasPrefix("Output/\(PseudoLocale.leftToRight)/") }
        var findings: [Finding] = []
        for page in pages {
            findings += try check(page, browser: browser)
        }
        return (pages.count, findings)
    }

    private func check(_ page: String, browser: String) throws -> [Finding] {
        // A copy of the page with the probe at its end, beside it so that its styles load.
        let absolute = project.absolute(page)
        let probe = (absolute as NSString).deletingLastPathComponent + "/.tolk-probe-\(getpid())-" + (absolute as NSString).lastPathComponent
        defer { unlink(probe) }
        var html = try TextFile.read(absolute, displayPath: page)
        let script = "<script>\(Self.probeScript)</script>"
        if let body = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) {
            html.insert(contentsOf: script, at: body.lowerBound)
        } else {
            html += script
        }
        try TextFile.writeAtomically(html, to: probe, displayPath: page)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("tolk-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(profile.path)", "--window-size=1280,900", "--virtual-time-budget=3000",
                             "--dump-dom", URL(fileURLWithPath: probe).absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let dom = String(decoding: data, as: UTF8.self)
        guard let start = dom.range(of: "<pre id=\"tolk-pseudo-report\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            throw TolkError.exchange(path: page, line: 0, problem: "Chromium (\(browser)) did not run the check on this page")
        }
        let json = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        var findings = try JSONDecoder().decode([Finding].self, from: Data(json.utf8))
        for index in findings.indices { findings[index].page = page }
        return findings
    }

    /// Runs in the page: walks its text and boxes, writes the findings as JSON into a `<pre>`.
    static let probeScript = #"""
    (function () {
      var open = "\u27E6", close = "\u27E7", found = [], page = document.documentElement.lang;
      function name(e) {
        var s = e.tagName.toLowerCase();
        if (e.id) return s + "#" + e.id;
        if (typeof e.className === "string" && e.className.trim()) s += "." + e.className.trim().split(/\s+/).join(".");
        return s;
      }
      function kept(e) {
        for (; e && e !== document.body; e = e.parentElement) {
          var tag = e.tagName;
          if (tag === "SCRIPT" || tag === "STYLE" || tag === "NOSCRIPT" || tag === "TEMPLATE" || tag === "TIME") return true;
          if (e.getAttribute("translate") === "no") return true;
          var lang = e.getAttribute("lang");
          if (lang && lang.split("-")[0] !== page.split("-")[0]) return true;
        }
        return false;
      }
      function visible(e) {
        var style = getComputedStyle(e);
        return style.visibility !== "hidden" && style.display !== "none" && e.getClientRects().length > 0;
      }
      var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), node, depth = 0;
      while ((node = walker.nextNode())) {
        var element = node.parentElement, loose = "";
        for (var ch of node.nodeValue) {
          if (ch === open) depth++;
          else if (ch === close) depth = Math.max(0, depth - 1);
          else if (depth === 0 && /\p{L}/u.test(ch)) loose += ch;
        }
        if (loose && element && !kept(element) && visible(element)) {
          found.push({kind: "unbracketed", element: name(element), text: node.nodeValue.trim().slice(0, 80)});
        }
      }
      var all = document.body.getElementsByTagName("*");
      for (var i = 0; i < all.length; i++) {
        var e = all[i];
        if (e.id === "tolk-pseudo-report" || !visible(e) || e.clientWidth === 0) continue;
        var text = Array.prototype.some.call(e.childNodes, function (c) { return c.nodeType === 3 && c.nodeValue.trim(); });
        if (text && e.scrollWidth > e.clientWidth + 1) {
          found.push({kind: "overflow", element: name(e), text: e.textContent.trim().slice(0, 80)});
        }
      }
      var pre = document.createElement("pre");
      pre.id = "tolk-pseudo-report";
      pre.textContent = JSON.stringify(found);
      document.body.appendChild(pre);
    })();
    """#
}
