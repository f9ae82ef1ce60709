/// A catalogue as an XLIFF 1.2 document (valid against the OASIS 1.2 strict schema), for
/// the tools and agencies that read no XLIFF 2: XTM, Matecat, older Trados and memoQ set-ups.
///
/// One `<file>` with `source-language`, `target-language` and `datatype="html"`; a
/// `<trans-unit>` per entry with the same id as in XLIFF 2 (`XLIFFWriter.unitID`),
/// `resname` the msgctxt, and the same notes (`<note from="developer">` and so on) and
/// `#:` references as a `location` context group. Placeholders become `<g id="N">…</g>`
/// and `<x id="N"/>`, `<bx>`/`<ex>` for half a pair; `ctype` says what the element is
/// (`link`, `bold`, `italic`, `image`, `lb`, else `x-html-NAME`) and `equiv-text` holds the
/// page's own tag, so the tool can show it. States as `ReviewState` says; a plural entry
/// is a `<group restype="x-gettext-plurals">` with a unit per form (`ID[0]`, `ID[1]`…).
/// The memory's best matches go in `<alt-trans match-quality="…" origin="…">`.
struct XLIFF12Writer {
    static let namespace = "urn:oasis:names:tc:xliff:document:1.2"

    private var xml: String

    init(sourceLanguage: String, targetLanguage: String, original: String) {
        xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<xliff xmlns=\"\(Self.namespace)\" version=\"1.2\">\n"
            + "  <file original=\"\(XLIFFWriter.attribute(original))\" source-language=\"\(XLIFFWriter.attribute(sourceLanguage))\" "
            + "target-language=\"\(XLIFFWriter.attribute(targetLanguage))\" datatype=\"html\" tool-id=\"tolk\">\n"
            + "    <header>\n      <tool tool-id=\"tolk\" tool-name=\"Tolk\" tool-version=\"\(TolkVersion.current)\"/>\n    </header>\n"
            + "    <body>\n"
    }

    mutating func finish() -> String {
        xml + "    </body>\n  </file>\n</xliff>\n"
    }

    mutating func unit(_ entry: POEntry, codes: [Int: OriginalCode], isICUMessage: Bool, pluralCategories: [String], matches: [MemoryMatch]) {
        let id = XLIFFWriter.unitID(context: entry.context, id: entry.id)
        let (notes, broken) = XLIFFWriter.notes(for: entry, isICUMessage: isICUMessage, pluralCategories: pluralCategories)
        let review = broken != nil ? ReviewState.untranslated : ReviewState(of: entry)
        let hasTarget = broken == nil && entry.translations.contains { !$0.isEmpty }
        let sources = entry.pluralID.map { plural in entry.translations.indices.map { $0 == 0 ? entry.id : plural } } ?? [entry.id]
        let indent = entry.pluralID == nil ? "      " : "        "
        if entry.pluralID != nil {
            xml += "      <group id=\"\(id)\" restype=\"x-gettext-plurals\"" + (entry.context.map { " resname=\"\(XLIFFWriter.attribute($0))\"" } ?? "") + ">\n"
        }
        for (index, source) in sources.enumerated() {
            let unitID = entry.pluralID == nil ? id : "\(id)[\(index)]"
            // approved="yes" is what 1.2 tools (Translate Toolkit among them) read as "not fuzzy".
            let approved = review >= .translated ? " approved=\"yes\"" : ""
            xml += indent + "<trans-unit id=\"\(unitID)\"" + (entry.context.map { " resname=\"\(XLIFFWriter.attribute($0))\"" } ?? "")
                + approved + " xml:space=\"preserve\">\n"
            xml += indent + "  <source>\(Self.inline(source, codes: codes))</source>\n"
            if hasTarget, index < entry.translations.count {
                xml += indent + "  <target state=\"\(Self.state(review))\">\(Self.inline(entry.translations[index], codes: codes))</target>\n"
            }
            if index == 0 {
                for match in matches {
                    xml += indent + "  <alt-trans match-quality=\"\(match.score)\" origin=\"\(XLIFFWriter.attribute(match.unit.origin.description))\">\n"
                    xml += indent + "    <source>\(Self.inline(match.unit.source, codes: match.unit.codes))</source>\n"
                    xml += indent + "    <target>\(Self.inline(match.transferred, codes: codes))</target>\n"
                    xml += indent + "  </alt-trans>\n"
                }
                let locations = notes.filter { $0.category == "location" }
                for note in notes where note.category != "location" {
                    // An ITS alert (a note the translator must read) is XLIFF's highest priority.
                    let priority = note.category == "developer" && note.text.hasPrefix("Alert: ") ? " priority=\"1\"" : ""
                    xml += indent + "  <note from=\"\(note.category)\"\(priority)>\(XLIFFWriter.text(note.text))</note>\n"
                }
                if !locations.isEmpty {
                    xml += indent + "  <context-group purpose=\"location\">\n"
                    for location in locations {
                        let (file, line) = Self.split(location.text)
                        xml += indent + "    <context context-type=\"sourcefile\">\(XLIFFWriter.text(file))</context>\n"
                        if let line { xml += indent + "    <context context-type=\"linenumber\">\(line)</context>\n" }
                    }
                    xml += indent + "  </context-group>\n"
                }
            }
            xml += indent + "</trans-unit>\n"
        }
        if entry.pluralID != nil { xml += "      </group>\n" }
    }

    /// XLIFF 1.2's `state` for a target.
    static func state(_ review: ReviewState) -> String {
        switch review {
        case .untranslated, .fuzzy: return "needs-review-translation"
        case .translated: return "translated"
        case .reviewed: return "signed-off"
        case .final: return "final"
        }
    }

    /// `Input/a.html:12` as the file and the line.
    private static func split(_ reference: String) -> (String, Int?) {
        guard let colon = reference.lastIndex(of: ":"), let line = Int(reference[reference.index(after: colon)...]) else { return (reference, nil) }
        return (String(reference[..<colon]), line)
    }

    /// A message as XLIFF 1.2 inline content.
    static func inline(_ message: String, codes: [Int: OriginalCode]) -> String {
        let pieces = MessageText.parse(message)
        let (opened, closed) = MessageText.halves(of: pieces)
        var output = ""
        for piece in pieces {
            switch piece {
            case let .text(text): output += XLIFFWriter.text(text)
            case let .open(number):
                let original = codes[number]?.start
                let described = Self.described(original, paired: true)
                output += closed.contains(number) ? "<g id=\"\(number)\"\(described)>" : "<bx id=\"\(number)\"\(described)/>"
            case let .close(number):
                output += opened.contains(number) ? "</g>" : "<ex id=\"\(number)\"/>"
            case let .empty(number):
                output += "<x id=\"\(number)\"\(Self.described(codes[number]?.start, paired: false))/>"
            }
        }
        return output
    }

    /// ` ctype="…" equiv-text="…"` for an element's original tag.
    private static func described(_ original: String?, paired: Bool) -> String {
        guard let original, original.hasPrefix("<") else { return "" }
        let name = original.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "-" }.lowercased()
        guard !name.isEmpty else { return "" }
        let ctype: String
        switch (name, paired) {
        case ("a", true): ctype = "link"
        case ("b", true), ("strong", true): ctype = "bold"
        case ("i", true), ("em", true): ctype = "italic"
        case ("u", true): ctype = "underlined"
        case ("img", false): ctype = "image"
        case ("br", false): ctype = "lb"
        default: ctype = "x-html-\(name)"
        }
        return " ctype=\"\(ctype)\" equiv-text=\"\(XLIFFWriter.attribute(original))\""
    }
}

extension XLIFF12Writer {
    /// The XLIFF 1.2 document of `catalog` (at `path`), as `XLIFFWriter.document` makes the 2.x one.
    static func document(_ catalog: POCatalog, path: String, sourceLanguage: String, targetLanguage: String,
                         originals: [POEntry.Key: [Int: OriginalCode]], untranslatedOnly: Bool,
                         matches: (POEntry) -> [MemoryMatch]) -> (xml: String, units: Int) {
        var writer = XLIFF12Writer(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, original: path)
        let plural = LanguageTag.pluralCategories(targetLanguage)
        let entries = XLIFFWriter.exported(catalog, path: path, untranslatedOnly: untranslatedOnly)
        for (entry, isICUMessage) in entries {
            writer.unit(entry, codes: originals[entry.key] ?? [:], isICUMessage: isICUMessage, pluralCategories: plural,
                        matches: matches(entry))
        }
        return (writer.finish(), entries.count)
    }
}
