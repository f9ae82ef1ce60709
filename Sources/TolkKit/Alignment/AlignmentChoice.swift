import Foundation

/// What `tolk align` puts into a catalogue: the translation each message takes from the
/// translated pages' proposals, and how an entry is filled without overwriting one.
enum AlignmentChoice {
    /// A translation one page proposes for a message.
    struct Candidate {
        var proposal: PageAlignment.Proposal
        /// The page (`Input/b.html`) and its translation, as messages name it (`de/b.html`).
        var page: String
        var translation: String
    }

    /// What goes into one entry.
    struct Choice {
        var proposal: PageAlignment.Proposal
        /// The translated page it comes from, as messages name it.
        var translation: String
        /// Other translations the pages give, named in a comment: (translated page, text).
        var others: [(String, String)] = []
        /// An entry of one page's own (`PageTranslations`), not the message's.
        var pageOwn = false
    }

    /// The entries a message's proposals fill.
    ///
    /// The message's entry takes the confident translation most pages give (the first on
    /// a tie), else the first uncertain one; one that is the source's own text (a page
    /// that left a meta description untranslated) counts only when it is all there is. A
    /// page that never gives that translation keeps its own (chosen the same way) in an
    /// entry of its own (`PageTranslations`), so the built page says what the translated
    /// page said. A message with a msgctxt of its own cannot have page translations: there
    /// the other translations are named in a comment, for the team to make them one. A
    /// page's translation of a paragraph whole is its own already.
    static func choose(_ byKey: [POEntry.Key: [Candidate]]) -> [POEntry.Key: Choice] {
        var result: [POEntry.Key: Choice] = [:]
        for (key, found) in byKey {
            guard let chosen = preferred(found) else {
                result[key] = Choice(proposal: found[0].proposal, translation: found[0].translation)
                continue
            }
            var choice = Choice(proposal: chosen.proposal, translation: chosen.translation, pageOwn: key.context == chosen.page)
            var seen: Set<String> = [chosen.proposal.translation]
            if key.context == nil {
                // A page that never gives the chosen translation keeps its own wording.
                var pages: [String] = []
                var byPage: [String: [Candidate]] = [:]
                for candidate in found {
                    if byPage[candidate.page] == nil { pages.append(candidate.page) }
                    byPage[candidate.page, default: []].append(candidate)
                }
                for page in pages where !byPage[page]!.contains(where: { $0.proposal.confident && $0.proposal.translation == chosen.proposal.translation }) {
                    guard let own = preferred(byPage[page]!) else { continue }
                    seen.insert(own.proposal.translation)
                    result[POEntry.Key(context: page, id: key.id)] = Choice(proposal: own.proposal, translation: own.translation, pageOwn: true)
                }
            }
            choice.others = found.filter { $0.proposal.confident && seen.insert($0.proposal.translation).inserted }
                .map { ($0.translation, $0.proposal.translation) }
            result[key] = choice
        }
        return result
    }

    /// The confident translation most candidates give (the first on a tie), one that is
    /// not the source's own text when there is one; nil when none is confident.
    private static func preferred(_ candidates: [Candidate]) -> Candidate? {
        let confident = candidates.filter(\.proposal.confident)
        let translated = confident.filter { MessageText.plainText($0.proposal.translation) != MessageText.plainText($0.proposal.id) }
        let pool = translated.isEmpty ? confident : translated
        guard !pool.isEmpty else { return nil }
        var counts: [String: Int] = [:]
        for candidate in pool { counts[candidate.proposal.translation, default: 0] += 1 }
        let most = counts.values.max() ?? 0
        return pool.first { counts[$0.proposal.translation] == most }
    }

    /// Fills the untranslated entries of `catalog` (at `path`) that `choices` answer; a
    /// translation the catalogue already has is kept, and a different proposal reported.
    static func fill(_ catalog: inout POCatalog, path: String, choices: [POEntry.Key: Choice])
        -> (changed: Bool, conflicts: Int, diagnostics: [Diagnostic]) {
        var conflicts = 0
        var diagnostics: [Diagnostic] = []
        var changed = false
        for index in catalog.entries.indices where !catalog.entries[index].isObsolete && !catalog.entries[index].isHeader {
            let entry = catalog.entries[index]
            guard let choice = choices[entry.key], entry.pluralID == nil else { continue }
            let (proposal, page) = (choice.proposal, choice.translation)
            if entry.translations.contains(where: { !$0.isEmpty }) {
                if entry.translation != proposal.translation {
                    conflicts += 1
                    diagnostics.append(Diagnostic(.alignConflict, severity: .warning, file: path, line: entry.line,
                        message: "kept the catalogue's translation; \(page) has another: \"\(proposal.translation)\"",
                        msgctxt: entry.context, msgid: entry.id, msgstr: entry.translation))
                }
                continue
            }
            catalog.entries[index].translations = [proposal.translation]
            catalog.entries[index].isFuzzy = !proposal.confident
            if !proposal.confident {
                catalog.entries[index].translatorComments.append("Aligned from \(page): \(proposal.reason ?? "uncertain"); check it")
            }
            if let remark = proposal.remark {
                catalog.entries[index].translatorComments.append("Aligned from \(page): \(remark); this page's own translation")
            } else if choice.pageOwn {
                catalog.entries[index].translatorComments.append(
                    "Aligned from \(page), which words it differently from the other pages: this page's own translation")
            }
            for (otherPage, translation) in choice.others {
                catalog.entries[index].translatorComments.append("\(otherPage) translates it differently: \(translation)")
            }
            changed = true
        }
        return (changed, conflicts, diagnostics)
    }
}
