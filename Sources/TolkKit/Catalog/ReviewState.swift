/// How far a translation has come after a translator wrote it. PO has only `fuzzy`, and
/// GNU gettext's tools drop flags they do not know (`msgmerge` and `msgcat` keep `fuzzy`,
/// the format flags and `no-wrap`, nothing else), so Tolk keeps the rest as a translator
/// comment, which every gettext tool, Poedit and Weblate carry along untouched:
///
/// | state | PO | XLIFF 2 `state` | XLIFF 1.2 |
/// | --- | --- | --- | --- |
/// | untranslated | empty `msgstr` | `initial`, no target | no `<target>` |
/// | fuzzy | `#, fuzzy` | `initial` (`subState="tolk:fuzzy"`) | `state="needs-review-translation"` |
/// | translated | a `msgstr` | `translated` | `state="translated" approved="yes"` |
/// | reviewed | `# review: reviewed` | `reviewed` | `state="signed-off" approved="yes"` |
/// | final | `# review: final` | `final` | `state="final" approved="yes"` |
///
/// A fuzzy entry is never reviewed: the comment counts only on a translation the build uses.
public enum ReviewState: String, Sendable, CaseIterable, Comparable {
    case untranslated, fuzzy, translated, reviewed, final

    /// The translator comments that say it.
    public static let reviewedComment = "review: reviewed"
    public static let finalComment = "review: final"

    public init(of entry: POEntry) {
        if !entry.isTranslated { self = .untranslated }
        else if entry.isFuzzy { self = .fuzzy }
        else if entry.translatorComments.contains(Self.finalComment) { self = .final }
        else if entry.translatorComments.contains(Self.reviewedComment) { self = .reviewed }
        else { self = .translated }
    }

    /// `entry` in this state: its fuzzy mark and review comment set to say so (its translation as it is).
    public func applied(to entry: POEntry) -> POEntry {
        var entry = entry
        entry.translatorComments.removeAll { $0 == Self.reviewedComment || $0 == Self.finalComment }
        entry.isFuzzy = self == .fuzzy && entry.isTranslated
        if self == .reviewed { entry.translatorComments.append(Self.reviewedComment) }
        if self == .final { entry.translatorComments.append(Self.finalComment) }
        if !entry.isFuzzy {
            entry.previousContext = nil
            entry.previousID = nil
            entry.previousPluralID = nil
        }
        return entry
    }

    /// The state an XLIFF 2 segment's `state` gives its target (1.2's are read into these words).
    public init(xliff state: String?) {
        switch state {
        case "translated": self = .translated
        case "reviewed": self = .reviewed
        case "final": self = .final
        default: self = .fuzzy
        }
    }

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
