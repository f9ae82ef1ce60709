/// One string for translators: a sentence of a unit, or a whole attribute value.
public struct SourceSegment: Sendable, Equatable {
    /// `msgctxt`, from `data-l10n-context`.
    public var context: String?
    /// The msgid: text with numbered placeholders (see `MessageText`).
    public var text: String
    /// Extracted comments for the translator: notes, placeholders, protected originals.
    public var comments: [String]
    /// 1-based source line.
    public var line: Int
    /// The unit tokens this segment covers, whitespace trimmed.
    public var tokens: [UnitToken]
    /// Placeholder number (1-based) for each code index the segment uses.
    public var numbering: [Int: Int]
    /// False for segments without a letter ("2022.", a lone placeholder): they are not
    /// offered for translation, but the build writes them back as they were.
    public var isTranslatable = true
    /// True when whitespace separated this segment from the one before it.
    public var spaceBefore = false
}
