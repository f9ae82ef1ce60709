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
    public func finding(_ rule: String, _ severity: Diagnostic.Severity, _ message: String, fix: String? = nil) -> Diagnostic {
        var sourceFile: String?, sourceLine: Int?
        if let reference = entry.references.first, let colon = reference.lastIndex(of: ":") {
            sourceFile = String(reference[..<colon])
            sourceLine = Int(reference[reference.index(after: colon)...])
        }
        return Diagnostic(rule: rule, severity: severity, file: catalogPath,
                          line: entry.translationLine > 0 ? entry.translationLine : entry.line,
                          message: Self.bounded(message), fix: fix, locale: language,
                          sourceFile: sourceFile, sourceLine: sourceLine, msgctxt: entry.context,
                          msgid: Self.bounded(entry.id), msgstr: Self.bounded(entry.translation))
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
    /// One line saying what the rule finds, for reports.
    static var summary: String { get }
    func check(_ context: EntryContext) -> [Diagnostic]
}
