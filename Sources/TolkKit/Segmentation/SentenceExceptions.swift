/// Where ICU's sentence rules break too eagerly: abbreviations and German ordinals.
///
/// ICU alone splits "Dr. Amara", "z. B.", "Okt." and "Der 3. Teil". Its own suppression
/// data (`@ss=standard`) is no help for German: it even keeps "um 10 Uhr. Das" together.
/// a break ICU proposes right after one of these words is dropped.
struct SentenceExceptions {
    let abbreviations: Set<String>
    let ordinals: Bool

    init(locale: String) {
        switch LanguageTag.primary(locale) {
        case "de":
            abbreviations = Self.german
            ordinals = true
        case "en":
            abbreviations = Self.english
            ordinals = false
        default:
            abbreviations = []
            ordinals = false
        }
    }

    /// True when a sentence must not end after `word` (the last word before the break).
    func suppressesBreak(after word: Substring) -> Bool {
        var word = word
        while let first = word.first, "([{„“‚‘\"'«»‹›".contains(first) { word = word.dropFirst() }
        guard word.count >= 2, word.last == "." else { return false }
        let stem = word.dropLast()
        if abbreviations.contains(String(stem)) { return true }
        // Initials and dotted abbreviations: "A.", "z.", "B.", "e.g.", "u.a.", "d.h."
        if Self.isDottedLetters(word) { return true }
        if ordinals {
            // "3." in "Der 3. Teil", "13." in "13. Oktober", "13.10." in "am 13.10. um 9 Uhr".
            let pieces = stem.split(separator: ".", omittingEmptySubsequences: false)
            if (1...2).contains(pieces.count), pieces.allSatisfy({ (1...3).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }) {
                return true
            }
        }
        return false
    }

    /// "z." or "u.a." or "e.g.": one or more single letters, each followed by a period.
    static func isDottedLetters(_ word: Substring) -> Bool {
        var expectLetter = true
        for character in word {
            if expectLetter {
                guard character.isLetter else { return false }
            } else {
                guard character == "." else { return false }
            }
            expectLetter.toggle()
        }
        return expectLetter
    }

    /// Abbreviations that are normally followed by a capitalised word (a name, a month).
    static let english: Set<String> = [
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "St", "Mt", "Rev", "Revd", "Gen", "Col", "Capt", "Lt",
        "Sgt", "Hon", "Cllr", "No", "Nos", "Vol", "Vols", "Fig", "Figs", "pp", "cf", "vs", "approx",
        "ca", "incl", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
        "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Ave", "Rd",
    ]

    static let german: Set<String> = [
        "Dr", "Prof", "Hr", "Hrn", "Fr", "Frl", "Nr", "Str", "Tel", "Abs", "Art", "Bd", "Bsp",
        "bzw", "ca", "evtl", "ggf", "inkl", "insb", "usw", "vgl", "sog", "bspw", "zzgl", "ehem",
        "geb", "gest", "Hrsg", "Aufl", "Jh", "Jhd", "Std", "Min", "Mio", "Mrd", "St", "Dipl", "Ing",
        "Mag", "Jan", "Feb", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez",
        "Mo", "Di", "Mi", "Do", "Sa", "So", "allg", "max", "min", "Tsd",
    ]
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
