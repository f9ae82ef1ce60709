/// The bands an agency prices a job by, best first.
///
/// A segment left to translate falls in the first that applies: a context match (exact,
/// same msgctxt, same page, same sentences around it), a 100% match, a repetition (the
/// same sentence earlier in the job: translated once, paid once), then by its best fuzzy
/// score, else no match.
public enum MatchBand: String, CaseIterable, Sendable, Codable {
    case context = "context"
    case exact = "100%"
    case repetition = "repetition"
    case high = "95-99%"
    case good = "85-94%"
    case fair = "75-84%"
    case low = "50-74%"
    case none = "no match"

    /// The lowest score the bands look at.
    public static let lowestScore = 50

    public init(match: MemoryMatch?, repeated: Bool) {
        switch match?.score ?? 0 {
        case 100: self = match!.inContext ? .context : .exact
        case _ where repeated: self = .repetition
        case 95...99: self = .high
        case 85...94: self = .good
        case 75...84: self = .fair
        case 50...74: self = .low
        default: self = .none
        }
    }
}

/// Words, segments and characters, as agencies count a job.
///
/// Words are ICU's word breaks of the segment's text (placeholders left out) that hold a
/// letter, a number or an ideograph: a German compound is one word, a run of Chinese or
/// Japanese is as many words as ICU's dictionary finds. Characters are the text's
/// characters (grapheme clusters) other than white space.
public struct JobFigures: Sendable, Equatable, Codable {
    public var segments = 0
    public var words = 0
    public var characters = 0

    public init() {}

    public mutating func add(_ other: JobFigures) {
        segments += other.segments
        words += other.words
        characters += other.characters
    }

    /// The figures of one segment of `message` in `language`.
    public static func of(_ message: String, language: String) -> JobFigures {
        let text = MessageText.plainText(message)
        var figures = JobFigures()
        figures.segments = 1
        figures.words = words(inPlainText: text, language: language)
        figures.characters = text.count { !$0.isWhitespace }
        return figures
    }

    /// The words of a message, as every figure of Tolk's counts them (`tolk stats`, `tolk analyze`).
    public static func words(in message: String, language: String) -> Int {
        words(inPlainText: MessageText.plainText(message), language: language)
    }

    private static func words(inPlainText text: String, language: String) -> Int {
        BreakIterator.words(in: text, locale: language).count
    }
}
