/// The event index's own words: ICU MessageFormat messages (context `tolk-index`) that
/// every catalogue in a language other than English holds, for the build's index pages.
enum IndexMessage: String, CaseIterable, Sendable {
    case heading = "Events"
    case count = "{count, plural, one {# event} other {# events}}"
    case readMore = "Read more"
    case otherLanguages = "Other languages"

    static let context = "tolk-index"
    static let sourceLanguage = "en"

    var note: String {
        switch self {
        case .heading: return "Heading and title of the event index page."
        case .count: return "How many events the index lists: an ICU plural; keep {count} and #."
        case .readMore: return "Link from each event in the index to its page."
        case .otherLanguages: return "Heading of the links to the index in other languages."
        }
    }

    /// The catalogue entry the index needs in a catalogue for `language`.
    var entry: POEntry {
        var entry = POEntry(context: Self.context, id: rawValue)
        entry.flags = ["icu-message-format"]
        entry.extractedComments = [note]
        return entry
    }
}
