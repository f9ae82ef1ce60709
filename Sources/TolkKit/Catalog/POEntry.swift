import Foundation

/// One message of a gettext PO catalogue, with everything a PO file can say about it.
public struct POEntry: Sendable, Equatable {
    /// `# ` lines: what translators wrote. Tolk touches only its own review line
    /// (`ReviewState`), when an XLIFF import says a reviewer signed the translation off.
    public var translatorComments: [String] = []
    /// `#.` lines: notes from extraction.
    public var extractedComments: [String] = []
    /// `#:` references, such as `Input/index.html:12` (kept compactly: a site-scale catalogue is mostly these).
    var references: POReferences = []
    /// The `#:` references, such as `Input/index.html:12`, in file order.
    public var sourceReferences: [String] {
        get { Array(references) }
        set { references = POReferences(newValue) }
    }
    /// `#,` flags other than `fuzzy`, in the order they were read.
    public var flags: [String] = []
    public var isFuzzy = false
    /// `#|` previous msgctxt, msgid and msgid_plural of a fuzzy entry.
    public var previousContext: String?
    public var previousID: String?
    public var previousPluralID: String?
    public var context: String?
    public var id: String
    public var pluralID: String?
    /// `msgstr`, or `msgstr[0]`, `msgstr[1]`, ... when there is a `msgid_plural`.
    public var translations: [String]
    /// `#~` entries: no longer in the source, kept with their translations.
    public var isObsolete = false
    /// 1-based line of the entry's first line in the file it was read from (0 if new).
    public var line = 0
    /// 1-based line of the `msgstr` (the first `msgstr[0]` of a plural), where findings point.
    public var translationLine = 0

    /// `translation` starting and ending with a line break exactly where `id` does, as
    /// gettext requires of a msgstr (`msgfmt --check`): a preformatted block the
    /// translator or a CAT tool trimmed, mended. An empty translation stays empty.
    public static func lineBreaks(of id: String, on translation: String) -> String {
        // By scalar, as gettext looks at bytes: in Swift "\r\n" is one Character.
        let newline: Unicode.Scalar = "\n"
        guard !translation.isEmpty, (id.unicodeScalars.first == newline) != (translation.unicodeScalars.first == newline)
                || (id.unicodeScalars.last == newline) != (translation.unicodeScalars.last == newline) else { return translation }
        var result = Substring(translation).unicodeScalars
        if id.unicodeScalars.first == newline {
            if result.first != newline { result.insert(newline, at: result.startIndex) }
        } else {
            result = result.drop { $0 == newline }
        }
        if id.unicodeScalars.last == newline {
            if result.last != newline { result.append(newline) }
        } else {
            while result.last == newline { result.removeLast() }
        }
        return String(result)
    }

    public init(context: String? = nil, id: String, pluralID: String? = nil, translations: [String] = [""]) {
        self.context = context
        self.id = id
        self.pluralID = pluralID
        self.translations = translations
    }

    /// Identity of a message in a catalogue: context and msgid, compared as bytes.
    ///
    /// gettext tells messages apart by their bytes; Swift's `String ==` would make
    /// canonically equivalent texts (NFC "Café" and NFD "Café") one message.
    public struct Key: Hashable, Sendable, Comparable {
        public var context: String?
        public var id: String

        public init(context: String?, id: String) {
            self.context = context
            self.id = id
        }

        public static func == (lhs: Key, rhs: Key) -> Bool {
            guard sameBytes(lhs.id, rhs.id) else { return false }
            switch (lhs.context, rhs.context) {
            case (nil, nil): return true
            case let (left?, right?): return sameBytes(left, right)
            default: return false
            }
        }

        private static func sameBytes(_ first: String, _ second: String) -> Bool {
            var first = first, second = second
            return first.withUTF8 { a in
                second.withUTF8 { b in a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
            }
        }

        public func hash(into hasher: inout Hasher) {
            Self.hashBytes(id, into: &hasher)
            if let context {
                Self.hashBytes(context, into: &hasher)
            } else {
                hasher.combine(UInt8(0xFF))  // no byte of UTF-8: no context differs from an empty one
            }
        }

        private static func hashBytes(_ text: String, into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(text.utf8.count)
        }

        /// Catalogue order: by text, and by bytes where texts are canonically equivalent.
        public static func < (lhs: Key, rhs: Key) -> Bool {
            let left = (lhs.context ?? "", lhs.id), right = (rhs.context ?? "", rhs.id)
            if left != right { return left < right }
            if !left.0.utf8.elementsEqual(right.0.utf8) { return left.0.utf8.lexicographicallyPrecedes(right.0.utf8) }
            return left.1.utf8.lexicographicallyPrecedes(right.1.utf8)
        }
    }

    public var key: Key { Key(context: context, id: id) }

    public var isHeader: Bool { id.isEmpty && context == nil && !isObsolete }

    /// True when every form has a translation.
    public var isTranslated: Bool { translations.allSatisfy { !$0.isEmpty } }

    /// The translation of a singular message (the first form of a plural one).
    public var translation: String { translations.first ?? "" }
}
