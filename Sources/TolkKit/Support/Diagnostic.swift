/// A problem any Tolk command reports, as a value: `extract` (markup libxml2 repaired),
/// `build` (a translation it did not use) and `check` (what its rules find, with the
/// entry they are about). The command line prints it; a library user can filter and
/// format it as they like.
public struct Diagnostic: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning, note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The rule or problem's stable id, such as `placeholder-mismatch` or `markup-repaired`.
    public var rule: String
    public var severity: Severity
    /// The file it is about (`Input/page.html`, `Locales/de.po`) and the line (0: the whole file).
    public var file: String
    public var line: Int
    /// What is wrong.
    public var message: String
    /// How to fix it, where a rule can say.
    public var fix: String?

    /// For a catalogue entry: the catalogue's language, where the source text is
    /// (`Input/page.html`, line), the entry's msgctxt, msgid and msgstr.
    public var locale: String?
    public var sourceFile: String?
    public var sourceLine: Int?
    public var msgctxt: String?
    public var msgid: String?
    public var msgstr: String?

    public init(rule: String, severity: Severity, file: String, line: Int = 0, message: String, fix: String? = nil,
                locale: String? = nil, sourceFile: String? = nil, sourceLine: Int? = nil,
                msgctxt: String? = nil, msgid: String? = nil, msgstr: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.fix = fix
        self.locale = locale
        self.sourceFile = sourceFile
        self.sourceLine = sourceLine
        self.msgctxt = msgctxt
        self.msgid = msgid
        self.msgstr = msgstr
    }

    /// `file:line: severity: message`, the way compilers say it (editors jump to the line),
    /// with what came from files escaped for a terminal (`TerminalText`).
    public var description: String {
        "\(TerminalText.escaped(file))\(line > 0 ? ":\(line)" : ""): \(severity.rawValue): \(TerminalText.escaped(message))"
    }
}
