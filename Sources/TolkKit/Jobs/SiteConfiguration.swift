import Foundation
import TOMLKit

/// `tolk.toml`: what a project says about its site. Optional: without it, every catalogue
/// language is published with its language's default formats.
///
/// ```toml
/// [site]
/// base-url = "https://events.example.org/"
/// default-language = "en"
/// time-zone = "Europe/London"
///
/// [languages.de]
/// locale = "de-DE"
/// time-zone = "Europe/Berlin"
/// min-completion = 80
///
/// [memory]
/// min-match = 75
/// trust-in-context = false
/// ```
public struct SiteConfiguration: Sendable, Equatable {
    public static let fileName = "tolk.toml"

    /// The site's address, ending in `/`: absolute URLs in links and the sitemap.
    public var baseURL: String?
    /// The language of `x-default` links and of the site's root page.
    public var defaultLanguage: String?
    /// The IANA zone event times are given in (`Europe/London`).
    public var timeZone: String?
    /// The project's SRX segmentation rules, relative to the project; nil for
    /// `Locales/segmentation.srx` when there is one.
    public var segmentationRules: String?
    /// Per-language settings, by BCP 47 language tag.
    public var languages: [String: Language] = [:]
    /// How `tolk extract` uses the translation memory.
    public var memory = Memory()

    public struct Memory: Sendable, Equatable {
        /// The lowest score (1–100) a memory match needs to fill an entry.
        public var minimumMatch = MemoryLeverage.defaultMinimumMatch
        /// Whether a context match (exact, same page, same neighbours) is taken as translated.
        public var trustInContext = false

        public init(minimumMatch: Int = MemoryLeverage.defaultMinimumMatch, trustInContext: Bool = false) {
            self.minimumMatch = minimumMatch
            self.trustInContext = trustInContext
        }
    }

    public struct Language: Sendable, Equatable {
        /// The locale whose formats the language's pages use (`en-GB`); the language itself by default.
        public var locale: String?
        /// A zone this language's readers live in: times are shown in it too.
        public var timeZone: String?
        /// Below this share of translated segments (0–100) the language is not published.
        public var minimumCompletion: Double?

        public init(locale: String? = nil, timeZone: String? = nil, minimumCompletion: Double? = nil) {
            self.locale = locale
            self.timeZone = timeZone
            self.minimumCompletion = minimumCompletion
        }
    }

    /// A language is published when at least this share of its segments is translated.
    public static let defaultMinimumCompletion: Double = 80

    /// The longest site address Tolk takes: every page's address in the sitemap, the
    /// canonical links and `hreflang` alternates starts with it.
    public static let maximumBaseURLLength = 512

    /// What is wrong with `text` as the site's address, nil when nothing: it must be an
    /// absolute http(s) URL of at most `maximumBaseURLLength` characters, with a host, no
    /// user or password, no query or fragment, and only characters a URL may hold
    /// (anything else percent-encoded), since it is written into every page as it is.
    public static func problem(baseURL text: String) -> String? {
        let example = "such as \"https://events.example.org/\""
        guard text.count <= maximumBaseURLLength else {
            return "is \(text.count) characters long; a site address has at most \(maximumBaseURLLength)"
        }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%".unicodeScalars)
        if let bad = text.unicodeScalars.first(where: { !allowed.contains($0) }) {
            let shown = bad.value < 0x21 || bad.value == 0x7F || bad.value > 0x7E ? String(format: "U+%04X", bad.value) : "'\(bad)'"
            return "holds \(shown), which a URL cannot hold unencoded; it must be an absolute http(s) address, \(example)"
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = components.host, !host.isEmpty, text.lowercased().hasPrefix(scheme + "://") else {
            return "must be an absolute http(s) address, \(example)"
        }
        if components.user != nil || components.password != nil {
            return "holds a user name or password, which every published page would show; give the address without them"
        }
        if text.contains("?") || text.contains("#") {
            return "has a query or fragment (? or #), which page addresses cannot follow; give the folder the site is published in"
        }
        return nil
    }

    public init(baseURL: String? = nil, defaultLanguage: String? = nil, timeZone: String? = nil, languages: [String: Language] = [:]) {
        self.baseURL = baseURL
        self.defaultLanguage = defaultLanguage
        self.timeZone = timeZone
        self.languages = languages
    }

    /// The locale for formats in `language`: its `locale` setting, else the language.
    public func locale(for language: String) -> String {
        languages[language]?.locale ?? language
    }

    public func minimumCompletion(for language: String) -> Double {
        languages[language]?.minimumCompletion ?? Self.defaultMinimumCompletion
    }

    /// A hash of every setting, the same for the same settings (for the build cache).
    var fingerprint: UInt64 {
        var hash = FastHash()
        for value in [baseURL, defaultLanguage, timeZone, segmentationRules] { hash.combine(value) }
        for (language, settings) in languages.sorted(by: { $0.key < $1.key }) {
            hash.combine(language)
            for value in [settings.locale, settings.timeZone, settings.minimumCompletion.map { String($0) }] { hash.combine(value) }
        }
        return hash.value
    }

    // MARK: Reading

    /// Reads `tolk.toml` from `text`, checking every key.
    ///
    /// - Throws: `TolkError.configuration` naming the file, the line, the key and what is allowed.
    /// - Parameter catalogues: the languages with a catalogue, when known: settings for any
    ///   other language (but the site's default language, which may be a source language only
    ///   and still shapes the index and its dates) are an error that says how to start one.
    public init(text: String, path: String = fileName, catalogues: [String]? = nil) throws {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw TolkError.configuration(path: path, line: error.source.begin.line, key: nil,
                                          problem: "not valid TOML: \(error.description)")
        }
        let lines = KeyLines(text)
        func fail(_ section: String?, _ key: String?, _ problem: String) -> TolkError {
            let name = [section, key].compactMap { $0 }.joined(separator: ".")
            return TolkError.configuration(path: path, line: lines.line(section: section, key: key), key: name.isEmpty ? nil : name,
                                           problem: problem)
        }
        for key in table.keys where !["site", "languages", "memory"].contains(key) {
            throw fail(nil, key, "unknown section; allowed: [site], [languages.LL], [memory]")
        }
        if let memory = table["memory"] {
            guard let memory = memory.table else { throw fail(nil, "memory", "must be a table: [memory]") }
            self.memory = try Self.readMemory(memory, fail: fail)
        }
        if let site = table["site"] {
            guard let site = site.table else { throw fail(nil, "site", "must be a table: [site]") }
            try readSite(site, fail: fail)
        }
        if let languages = table["languages"] {
            guard let languages = languages.table else { throw fail(nil, "languages", "must hold tables: [languages.LL]") }
            for name in languages.keys {
                let section = "languages.\(name)"
                guard LanguageTag.isKnown(name), let language = LanguageTag.bcp47(name) else {
                    throw fail(section, nil, "'\(name)' is not a language code ICU knows (the section is [languages.LL], LL as in Locales/en/LL.po)")
                }
                guard let settings = languages[name]?.table else { throw fail(section, nil, "must be a table: [\(section)]") }
                self.languages[language] = try Self.readLanguage(language, settings, section: section, fail: fail)
            }
        }
        if let catalogues {
            for language in self.languages.keys.sorted() where !catalogues.contains(language) && language != defaultLanguage {
                throw TolkError.configuration(path: path, line: lines.line(section: "languages.\(language)", key: nil),
                    key: "languages.\(language)",
                    problem: "there is no catalogue for \(language) in Locales/; start one with `tolk extract --locale \(language)`, or remove the section")
            }
        }
    }

    /// The keys of `[site]`.
    private mutating func readSite(_ site: TOMLTable, fail: (String?, String?, String) -> TolkError) throws {
        for key in site.keys {
            let value = site[key]!
            switch key {
            case "base-url":
                guard let text = value.string else {
                    throw fail("site", key, "must be an absolute http(s) address, such as \"https://events.example.org/\"")
                }
                if let problem = Self.problem(baseURL: text) { throw fail("site", key, problem) }
                baseURL = text.hasSuffix("/") ? text : text + "/"
            case "default-language":
                guard let tag = value.string, LanguageTag.isKnown(tag), let canonical = LanguageTag.bcp47(tag) else {
                    throw fail("site", key, "must be a language code ICU knows, such as \"en\"")
                }
                defaultLanguage = canonical
            case "time-zone":
                guard let zone = value.string, TimeZone(identifier: zone) != nil else {
                    throw fail("site", key, "must be an IANA time zone, such as \"Europe/London\"")
                }
                timeZone = zone
            case "segmentation-rules":
                guard let path = value.string, path.lowercased().hasSuffix(".srx"), !path.hasPrefix("/"),
                      !path.split(separator: "/").contains("..") else {
                    throw fail("site", key, "must be the path of an SRX file inside the project, such as \"Locales/segmentation.srx\"")
                }
                segmentationRules = path
            default:
                throw fail("site", key, "unknown key; allowed in [site]: base-url, default-language, time-zone, segmentation-rules")
            }
        }
    }

    /// The keys of `[memory]`.
    private static func readMemory(_ settings: TOMLTable, fail: (String?, String?, String) -> TolkError) throws -> Memory {
        var memory = Memory()
        for key in settings.keys {
            let value = settings[key]!
            switch key {
            case "min-match":
                guard let score = value.int, (1...100).contains(score) else {
                    throw fail("memory", key, "must be a whole number from 1 to 100 (a match score), such as 75")
                }
                memory.minimumMatch = score
            case "trust-in-context":
                guard let trust = value.bool else { throw fail("memory", key, "must be true or false") }
                memory.trustInContext = trust
            default:
                throw fail("memory", key, "unknown key; allowed in [memory]: min-match, trust-in-context")
            }
        }
        return memory
    }

    /// The keys of `[languages.LL]`.
    private static func readLanguage(_ language: String, _ settings: TOMLTable, section: String,
                                     fail: (String?, String?, String) -> TolkError) throws -> Language {
        var parsed = Language()
        for key in settings.keys {
            let value = settings[key]!
            switch key {
            case "locale":
                guard let locale = value.string, LanguageTag.isKnown(locale), LanguageTag.sameLanguage(locale, language),
                      let canonical = LanguageTag.bcp47(locale) else {
                    throw fail(section, key, "must be a locale of \(language) ICU knows, such as \"\(language)-\(LanguageTag.primary(language) == "en" ? "GB" : language.uppercased())\"")
                }
                parsed.locale = canonical
            case "time-zone":
                guard let zone = value.string, TimeZone(identifier: zone) != nil else {
                    throw fail(section, key, "must be an IANA time zone, such as \"Europe/Berlin\"")
                }
                parsed.timeZone = zone
            case "min-completion":
                guard let share = value.double ?? value.int.map(Double.init), (0...100).contains(share) else {
                    throw fail(section, key, "must be a number from 0 to 100 (a percentage of segments)")
                }
                parsed.minimumCompletion = share
            default:
                throw fail(section, key, "unknown key; allowed in [languages.LL]: locale, time-zone, min-completion")
            }
        }
        return parsed
    }
}

/// Where sections and keys are in a TOML file, for error messages (TOMLKit gives lines
/// for syntax errors only).
private struct KeyLines {
    let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The line of `key` in `[section]` (or of the section header, or of a dotted
    /// `section.key`), 1-based; 1 when it cannot be found.
    func line(section: String?, key: String?) -> Int {
        var current: String?
        var headerLine: Int?
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                current = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")).replacingOccurrences(of: "\"", with: "")
                if current == section { headerLine = index + 1 }
                continue
            }
            guard let key, let equals = line.firstIndex(of: "=") else { continue }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\"", with: "")
            let full = [current, name].compactMap { $0 }.joined(separator: ".")
            if full == [section, key].compactMap({ $0 }).joined(separator: ".") { return index + 1 }
        }
        if let section, key == nil || headerLine != nil {
            if let headerLine { return headerLine }
            // A table written inline or dotted: the first line that names it.
            if let index = lines.firstIndex(where: { $0.contains(section.split(separator: ".").last.map(String.init) ?? section) }) {
                return index + 1
            }
        }
        return 1
    }
}
