import Foundation

/// Writes the XML, escaped: characters XML 1.0 cannot hold as `<cp hex="…"/>`, and CR
/// (which parsers turn into LF) as a character reference.
struct XLIFFWriter {
    /// The unit id of an entry: `u` and 16 hex digits of FNV-1a (64 bits) over its
    /// msgctxt, a U+0004 separator (as in compiled catalogues) and its msgid.
    public static func unitID(context: String?, id: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in ((context.map { $0 + "\u{4}" } ?? "") + id).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "u" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    private var xml: String

    /// `version` is the header's: "2.1", or "2.0" for tools that refuse 2.1 (Phrase); the
    /// document is the same, valid against the core schema either way.
    init(sourceLanguage: String, targetLanguage: String, original: String, version: String = "2.1") {
        xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"\(version)\" srcLang=\"\(Self.attribute(sourceLanguage))\" "
            + "trgLang=\"\(Self.attribute(targetLanguage))\">\n"
            + "  <file id=\"f1\" original=\"\(Self.attribute(original))\" xml:space=\"preserve\">\n"
    }

    mutating func finish() -> String {
        xml + "  </file>\n</xliff>\n"
    }

    /// How many `#:` references of an entry become location notes.
    static let shownReferences = 5

    static let matchesNamespace = "urn:oasis:names:tc:xliff:matches:2.0"

    mutating func unit(_ entry: POEntry, codes: [Int: OriginalCode], isICUMessage: Bool, pluralCategories: [String],
                       matches: [MemoryMatch] = []) {
        let id = XLIFFWriter.unitID(context: entry.context, id: entry.id)
        xml += "    <unit id=\"\(id)\"" + (entry.context.map { " name=\"\(Self.attribute($0))\"" } ?? "") + ">\n"
        // The memory's best matches (the Translation Candidates module), for the tool to offer.
        if !matches.isEmpty {
            xml += "      <mtc:matches xmlns:mtc=\"\(Self.matchesNamespace)\">\n"
            for (index, match) in matches.enumerated() {
                xml += "        <mtc:match id=\"m\(index + 1)\" ref=\"#s1\" matchQuality=\"\(match.score)\" origin=\"\(Self.attribute(match.unit.origin.description))\">\n"
                xml += "          <source>\(Self.plainInline(match.unit.source))</source>\n"
                xml += "          <target>\(Self.plainInline(match.transferred))</target>\n"
                xml += "        </mtc:match>\n"
            }
            xml += "      </mtc:matches>\n"
        }
        let (notes, broken) = Self.notes(for: entry, isICUMessage: isICUMessage, pluralCategories: pluralCategories)
        if !notes.isEmpty {
            xml += "      <notes>\n"
            for note in notes {
                // An ITS alert (a note the translator must read) is XLIFF's highest priority.
                let priority = note.category == "developer" && note.text.hasPrefix("Alert: ") ? " priority=\"1\"" : ""
                xml += "        <note category=\"\(note.category)\"\(priority)>\(Self.text(note.text))</note>\n"
            }
            xml += "      </notes>\n"
        }
        // Codes in order of first appearance, with their original tags.
        let pieces = MessageText.parse(entry.id) + (entry.pluralID.map(MessageText.parse) ?? [])
        var used: [Int] = []
        for piece in pieces {
            switch piece {
            case let .open(number), let .empty(number): if !used.contains(number) { used.append(number) }
            default: break
            }
        }
        if !used.isEmpty {
            xml += "      <originalData>\n"
            for number in used {
                let original = codes[number]
                let paired = pieces.contains(.open(number))
                xml += "        <data id=\"d\(number)\">\(Self.text(original?.start ?? (paired ? "<\(number)>" : "<\(number)/>")))</data>\n"
                if paired {
                    xml += "        <data id=\"d\(number)e\">\(Self.text(original?.end ?? "</\(number)>"))</data>\n"
                }
            }
            xml += "      </originalData>\n"
        }
        let state: String
        var subState = ""
        if broken != nil || !entry.isTranslated && !entry.isFuzzy {
            state = "initial"
        } else if entry.isFuzzy {
            state = "initial"
            subState = " subState=\"tolk:fuzzy\""
        } else {
            // translated, reviewed or final (ReviewState): XLIFF 2's own words for them.
            state = ReviewState(of: entry).rawValue
        }
        let hasTarget = broken == nil && entry.translations.contains { !$0.isEmpty }
        let sources = entry.pluralID.map { plural in entry.translations.indices.map { $0 == 0 ? entry.id : plural } } ?? [entry.id]
        for (index, source) in sources.enumerated() {
            let segmentID = entry.pluralID == nil ? "s1" : "f\(index)"
            xml += "      <segment id=\"\(segmentID)\" state=\"\(state)\"\(subState)>\n"
            xml += "        <source>\(Self.inline(source))</source>\n"
            if hasTarget, index < entry.translations.count {
                xml += "        <target>\(Self.inline(entry.translations[index]))</target>\n"
            }
            xml += "      </segment>\n"
        }
        xml += "    </unit>\n"
    }

    /// What the translator is told about an entry, as notes in either XLIFF version: its
    /// msgctxt, comments, first references, how to treat ICU and plural messages, and a
    /// translation the build refuses (then also returned as `broken`: the unit is offered
    /// as untranslated).
    static func notes(for entry: POEntry, isICUMessage: Bool, pluralCategories: [String])
        -> (notes: [(category: String, text: String)], broken: String?) {
        // A translation whose placeholders do not fit (the build does not use it either)
        // is shown in a note, and the segment is offered as untranslated.
        let broken = isICUMessage ? nil : entry.translations.indices.lazy.compactMap { form -> String? in
            guard !entry.translations[form].isEmpty,
                  case let .failure(problem) = PlaceholderCheck.validate(translation: entry.translations[form],
                                                                         source: form == 0 ? entry.id : entry.pluralID ?? entry.id)
            else { return nil }
            return problem.description
        }.first
        var notes: [(category: String, text: String)] = []
        if let context = entry.context { notes.append(("msgctxt", context)) }
        notes += entry.extractedComments.map { ("developer", $0) }
        notes += entry.translatorComments.map { ("translator", $0) }
        // Where the text is: the first few places; a site's header is on every page.
        let references = entry.sourceReferences
        notes += references.prefix(Self.shownReferences).map { ("location", $0) }
        if references.count > Self.shownReferences {
            notes.append(("location", "and \(references.count - Self.shownReferences) more places"))
        }
        if isICUMessage {
            notes.append(("format", "ICU MessageFormat: keep the {…} syntax, the argument names and the keywords; translate the words "
                + "inside the braces. Plural categories this language needs: \(pluralCategories.joined(separator: ", ")); # is the number."))
        }
        if let broken {
            notes.append(("translation", "The catalogue's translation is not used, because \(broken): "
                + entry.translations.joined(separator: " | ")))
        }
        if entry.pluralID != nil {
            notes.append(("format", "A plural message: one segment per plural form (f0, f1, …), in the order of the catalogue's Plural-Forms."))
        }
        return (notes, broken)
    }

    /// A message as XLIFF inline content: text, `<pc>` for `<N>…</N>`, `<ph>` for `<N/>`.
    /// Anything that does not parse as placeholders in order stays text.
    static func inline(_ message: String) -> String {
        var output = ""
        for piece in MessageText.parse(message) {
            switch piece {
            case let .text(text): output += Self.text(text)
            case let .open(number):
                output += "<pc id=\"\(number)\" dataRefStart=\"d\(number)\" dataRefEnd=\"d\(number)e\" canCopy=\"no\" canDelete=\"no\">"
            case .close: output += "</pc>"
            case let .empty(number): output += "<ph id=\"\(number)\" dataRef=\"d\(number)\" canCopy=\"no\" canDelete=\"no\"/>"
            }
        }
        return output
    }

    /// A message as inline content without references to original data (a match's own).
    static func plainInline(_ message: String) -> String {
        var output = ""
        for piece in MessageText.parse(message) {
            switch piece {
            case let .text(text): output += Self.text(text)
            case let .open(number): output += "<pc id=\"\(number)\">"
            case .close: output += "</pc>"
            case let .empty(number): output += "<ph id=\"\(number)\"/>"
            }
        }
        return output
    }

    static func text(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value == 0x0D {
                    output += "&#13;"
                } else if !XLIFFValidation.isXMLCharacter(value) {
                    output += "<cp hex=\"" + String(format: "%04X", value) + "\"/>"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    static func attribute(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case "\"": output += "&quot;"
            case "\t": output += "&#9;"
            case "\n": output += "&#10;"
            case "\r": output += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { output += "\u{FFFD}" } else { output.unicodeScalars.append(scalar) }
            }
        }
        return output
    }
}

extension OriginalCode {
    /// The original tags of every message the pages hold, collected page by page; a
    /// page's own translations (`PageTranslations`) have that page's.
    struct Collection {
        private(set) var codes: [POEntry.Key: [Int: OriginalCode]] = [:]
        private let pageKeys: Set<POEntry.Key>
        private let pagesWithKeys: Set<String>

        init(catalog: POCatalog) {
            pageKeys = PageTranslations.candidates(in: catalog)
            pagesWithKeys = Set(pageKeys.compactMap(\.context))
        }

        mutating func add(_ page: PageExtraction) {
            let bytes = Array(page.text.utf8)
            func add(_ segment: SourceSegment, as key: POEntry.Key, of unit: TranslationUnit) {
                guard codes[key] == nil else { return }
                var found: [Int: OriginalCode] = [:]
                for (index, number) in segment.numbering where index < unit.codes.count {
                    found[number] = OriginalCode(unit.codes[index], bytes: bytes)
                }
                codes[key] = found
            }
            let hasOwn = pagesWithKeys.contains(page.path)
            for unit in page.units {
                for segment in unit.segments where segment.isTranslatable {
                    add(segment, as: POEntry.Key(context: segment.context, id: segment.text), of: unit.unit)
                    if hasOwn, segment.context == nil, pageKeys.contains(POEntry.Key(context: page.path, id: segment.text)) {
                        add(segment, as: POEntry.Key(context: page.path, id: segment.text), of: unit.unit)
                    }
                }
                if hasOwn, let whole = Segmenter.whole(unit), pageKeys.contains(POEntry.Key(context: page.path, id: whole.text)) {
                    add(whole, as: POEntry.Key(context: page.path, id: whole.text), of: unit.unit)
                }
            }
        }
    }
}

extension XLIFFWriter {
    /// The entries an export of `catalog` (at `path`) holds, in order, each with whether it
    /// is an ICU MessageFormat message: every active one, or only those without a usable
    /// translation (as the build counts it: translated, not fuzzy, placeholders right).
    static func exported(_ catalog: POCatalog, path: String, untranslatedOnly: Bool) -> [(entry: POEntry, isICUMessage: Bool)] {
        let table = TranslationTable(catalog: catalog, path: path)
        return catalog.activeMessages.compactMap { entry in
            let isICUMessage = entry.context == IndexMessage.context || entry.flags.contains("icu-message-format")
            let usable = isICUMessage ? entry.isTranslated && !entry.isFuzzy : table.verdict(context: entry.context, id: entry.id).isUsable
            return untranslatedOnly && usable ? nil : (entry, isICUMessage)
        }
    }

    /// The XLIFF document of `catalog` (at `path`): a unit per active entry, or only those
    /// without a usable translation.
    static func document(_ catalog: POCatalog, path: String, sourceLanguage: String, targetLanguage: String,
                         originals: [POEntry.Key: [Int: OriginalCode]], untranslatedOnly: Bool, version: String = "2.1",
                         matches: (POEntry) -> [MemoryMatch] = { _ in [] }) -> (xml: String, units: Int) {
        var writer = XLIFFWriter(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, original: path, version: version)
        let plural = LanguageTag.pluralCategories(targetLanguage)
        let entries = exported(catalog, path: path, untranslatedOnly: untranslatedOnly)
        for (entry, isICUMessage) in entries {
            writer.unit(entry, codes: originals[entry.key] ?? [:], isICUMessage: isICUMessage, pluralCategories: plural,
                        matches: matches(entry))
        }
        return (writer.finish(), entries.count)
    }
}
