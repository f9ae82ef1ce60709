/// One thing `tolk check` found: a value the command prints as text, JSON or SARIF.
public struct Finding: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning, note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The rule's stable id, such as `placeholder-mismatch`.
    public var rule: String
    public var severity: Severity
    /// The catalogue's language.
    public var locale: String
    /// The catalogue, such as `Locales/de.po`, and the line of the entry's msgstr.
    public var file: String
    public var line: Int
    /// Where the source text is (`Input/page.html`, line), when the entry has a reference.
    public var sourceFile: String?
    public var sourceLine: Int?
    /// The entry's msgctxt, if it has one.
    public var msgctxt: String?
    public var msgid: String
    public var msgstr: String
    /// What is wrong.
    public var message: String
    /// How to fix it, where a rule can say.
    public var fix: String?
}

/// What a rule sees of one catalogue entry.
public struct EntryContext: Sendable {
    public var entry: POEntry {
        didSet { (sourceText, translationText) = Self.texts(entry, isICUMessage: isICUMessage) }
    }
    /// The catalogue's language and the language the msgid is written in.
    public var language: String
    public var sourceLanguage: String
    public var catalogPath: String
    public var glossary: Glossary?
    /// The literal text of msgid and msgstr: placeholders dropped for page text, the
    /// message as written for ICU messages. Computed once, read by every rule.
    public private(set) var sourceText: String
    public private(set) var translationText: String

    /// - Parameter isICUMessage: whether the msgid is an ICU MessageFormat message, as
    ///   the source says; by default the entry's `icu-message-format` flag, which gettext
    ///   tools may drop, so the check passes what extraction knows.
    public init(entry: POEntry, language: String, sourceLanguage: String, catalogPath: String, glossary: Glossary?,
                isICUMessage: Bool? = nil) {
        self.entry = entry
        self.language = language
        self.sourceLanguage = sourceLanguage
        self.catalogPath = catalogPath
        self.glossary = glossary
        self.isICUMessage = isICUMessage ?? entry.flags.contains("icu-message-format")
        (sourceText, translationText) = Self.texts(entry, isICUMessage: self.isICUMessage)
    }

    private static func texts(_ entry: POEntry, isICUMessage: Bool) -> (String, String) {
        isICUMessage ? (entry.id, entry.translation) : (MessageText.plainText(entry.id), MessageText.plainText(entry.translation))
    }

    /// A finding about this entry, located at its msgstr and its first source reference.
    public func finding(_ rule: String, _ severity: Finding.Severity, _ message: String, fix: String? = nil) -> Finding {
        var sourceFile: String?, sourceLine: Int?
        if let reference = entry.references.first, let colon = reference.lastIndex(of: ":") {
            sourceFile = String(reference[..<colon])
            sourceLine = Int(reference[reference.index(after: colon)...])
        }
        return Finding(rule: rule, severity: severity, locale: language, file: catalogPath,
                       line: entry.translationLine > 0 ? entry.translationLine : entry.line,
                       sourceFile: sourceFile, sourceLine: sourceLine, msgctxt: entry.context,
                       msgid: Self.bounded(entry.id), msgstr: Self.bounded(entry.translation),
                       message: Self.bounded(message), fix: fix)
    }

    /// Reports quote a text up to this many characters; the catalogue line has the rest.
    static let quotedLength = 1_000

    static func bounded(_ text: String) -> String {
        guard text.utf8.count > quotedLength else { return text }
        let kept = text.prefix(quotedLength)
        return kept + "… (\(text.count - kept.count) more characters)"
    }

    /// True for entries whose text is an ICU MessageFormat message.
    public let isICUMessage: Bool

}

/// A check on one translated entry. Each rule owns its id and its messages.
public protocol EntryRule: Sendable {
    static var id: String { get }
    func check(_ context: EntryContext) -> [Finding]
}
