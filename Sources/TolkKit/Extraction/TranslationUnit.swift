/// A run of text a translator sees as a whole: the inline content of one block
/// element, or the value of one translatable attribute.
public struct TranslationUnit: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The inline content of a block element such as `p`, `li` or `title`.
        case content(element: String)
        /// A translatable attribute, such as `alt` of `img` or `content` of a meta description.
        case attribute(name: String, element: String)
    }

    public var kind: Kind
    /// Text and placeholders in source order; placeholder tokens index `codes`.
    public var tokens: [UnitToken]
    public var codes: [InlineCode]
    /// 1-based source line of the unit.
    public var line: Int
    /// Explicit context from `data-l10n-context`, written as `msgctxt`.
    public var context: String?
    /// Localization notes (`its-loc-note`, `data-l10n-note`) that apply to the unit.
    public var notes: [String]
    /// True inside `pre` and `textarea`, where HTML keeps whitespace as written.
    public var preservesSpace: Bool
    /// Where the unit is in the page's bytes, for the build to splice its translation in.
    public var location: Location? = nil
    /// How many ITS `withinText="nested"` elements hold the unit (0 for most): the build
    /// writes inner units first, so the unit around them copies them translated.
    public var nesting = 0

    /// Where a unit's text lives in the page's bytes.
    public enum Location: Sendable, Equatable {
        /// Content between `range`'s bounds; `container` is the element around it, and
        /// `isWholeContainer` says whether the unit is all of that element's content
        /// (so a `lang` on the element marks exactly the unit).
        case content(range: Range<Int>, container: SourceSpan, isWholeContainer: Bool)
        /// The value of an attribute of the element starting at `owner`.
        case attribute(owner: SourceSpan)
    }
}

/// One piece of a unit: text, or a placeholder for an inline element.
public enum UnitToken: Sendable, Equatable {
    case text(String)
    /// Start of a paired inline element (`<N>`); the value indexes `TranslationUnit.codes`.
    case open(Int)
    /// End of a paired inline element (`</N>`).
    case close(Int)
    /// An empty element or protected content (`<N/>`).
    case empty(Int)
}

/// An inline element or protected run that a unit keeps as a placeholder.
public struct InlineCode: Sendable, Equatable {
    /// Why content is kept away from the translator.
    public enum Protection: Sendable, Equatable {
        /// `translate="no"` on the element or an ancestor.
        case notTranslatable
        /// Text in another language than the page (`lang` differs).
        case otherLanguage(String)
        /// A `<time datetime>`, which the build renders for each language.
        case machineReadableTime(String)
        /// An element ITS puts `withinText="nested"`: translated as units of its own.
        case nested
    }

    /// The element's tag name; `#text` for protected text outside any element,
    /// `#comment` for a comment inside running text.
    public var element: String
    public var protection: Protection?
    /// The protected original text, shown to the translator in a comment
    /// (for `#comment`, the comment's content).
    public var original: String
    /// Where the element is in the page's bytes.
    public var span: SourceSpan? = nil
}
