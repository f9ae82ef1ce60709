/// Pseudo-localization: every translatable text as a made-up translation that a person
/// (or a browser check) can tell from the source at a glance, without a catalogue.
///
/// A segment becomes `⟦Ŵéļçöɱé ţö Ɓéŕļîñ ·······⟧`: letters accented (still readable),
/// about 35% longer (German and Finnish run that much longer than English), and bracketed,
/// so that text the extraction missed shows up unbracketed and text that does not fit its
/// box overflows. Placeholders stay where they are. `qps-ploc` is the left-to-right
/// pseudo-locale, `qps-plocm` the mirrored right-to-left one (Windows' names, which
/// Translate Toolkit's `podebug` and Chrome's own pseudo-locales mirror).
public enum PseudoLocale {
    public static let leftToRight = "qps-ploc"
    public static let rightToLeft = ICUFormat.mirroredPseudoLocale
    public static let all = [leftToRight, rightToLeft]

    public static let opening: Character = "⟦"
    public static let closing: Character = "⟧"

    private static let accented: [Character: Character] = [
        "a": "á", "b": "ƀ", "c": "ç", "d": "ð", "e": "é", "f": "ƒ", "g": "ĝ", "h": "ĥ", "i": "î", "j": "ĵ", "k": "ķ", "l": "ļ",
        "m": "ɱ", "n": "ñ", "o": "ö", "p": "þ", "q": "ǫ", "r": "ŕ", "s": "š", "t": "ţ", "u": "û", "v": "ṽ", "w": "ŵ", "x": "ẋ",
        "y": "ý", "z": "ž", "A": "Å", "B": "Ɓ", "C": "Ç", "D": "Ð", "E": "É", "F": "Ƒ", "G": "Ĝ", "H": "Ĥ", "I": "Î", "J": "Ĵ",
        "K": "Ķ", "L": "Ļ", "M": "Ṁ", "N": "Ñ", "O": "Ö", "P": "Þ", "Q": "Ǫ", "R": "Ŕ", "S": "Š", "T": "Ţ", "U": "Û", "V": "Ṽ",
        "W": "Ŵ", "X": "Ẋ", "Y": "Ý", "Z": "Ž",
    ]

    /// The pseudo-translation of a message (Tolk's message text, placeholders kept).
    public static func translation(of message: String) -> String {
        var letters = 0
        let pieces = MessageText.parse(message).map { piece -> MessageText.Piece in
            guard case let .text(text) = piece else { return piece }
            letters += text.count { $0.isLetter }
            return .text(String(text.map { accented[$0] ?? $0 }))
        }
        let padding = String(repeating: "·", count: max(1, (letters * 35 + 99) / 100))
        return MessageText.text(of: [.text(String(opening))] + pieces + [.text(" " + padding + String(closing))])
    }
}
