/// Writes memory units as a TMX 1.4b document, valid against the TMX 1.4 DTD.
///
/// One `<tu>` per unit, with a `<tuv>` for its source and one for its translation; the
/// `tuid` is made from the languages, the msgctxt and the source, so the same unit has the
/// same id in every export. `<prop type="x-tolk-page">` and `x-tolk-msgctxt` carry where
/// it was translated, `x-tolk-origin` the catalogue line or TMX unit it came from. Tolk's
/// placeholders become inline codes holding the page's original markup (`&lt;a href=…&gt;`),
/// so a CAT tool shows and places them: `<N>…</N>` a `<bpt>`/`<ept>` pair, `<N/>` a
/// `<ph>`, a pair whose other half is not in the segment an `<it>`. A unit holding a
/// character XML 1.0 cannot carry is left out (and counted).
public struct TMXWriter {
    public struct Result: Sendable {
        public var xml: String
        public var units: Int
        public var skipped: Int
    }

    /// The document for `units`; `codes` gives each source's placeholders' original markup.
    public static func document(_ units: [MemoryUnit], codes: (MemoryUnit) -> [Int: OriginalCode]) -> Result {
        let sources = Set(units.map(\.sourceLanguage))
        let sourceLanguage = sources.count == 1 ? sources.first! : "*all*"
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tmx SYSTEM "tmx14.dtd">
            <tmx version="1.4">
            <header creationtool="Tolk" creationtoolversion="\(TolkVersion.current)" datatype="html" segtype="sentence" \
            adminlang="en" srclang="\(attribute(sourceLanguage))" o-tmf="gettext PO"/>
            <body>

            """
        var ids: [String: Int] = [:]
        var written = 0, skipped = 0
        for unit in units {
            guard [unit.source, unit.target, unit.context ?? "", unit.page ?? "", unit.previous ?? "", unit.next ?? ""].allSatisfy(Self.canHold) else {
                skipped += 1
                continue
            }
            var id = XLIFFWriter.unitID(context: unit.sourceLanguage + "\u{4}" + unit.targetLanguage + "\u{4}" + (unit.context ?? ""), id: unit.source)
            let seen = ids[id, default: 0]
            ids[id] = seen + 1
            if seen > 0 { id += "-\(seen + 1)" }
            let originals = codes(unit)
            xml += "<tu tuid=\"\(id)\">\n"
            if let page = unit.page { xml += "  <prop type=\"x-tolk-page\">\(text(page))</prop>\n" }
            if let context = unit.context { xml += "  <prop type=\"x-tolk-msgctxt\">\(text(context))</prop>\n" }
            // The sentences around it: with the page, what makes an exact match a context match.
            if let previous = unit.previous { xml += "  <prop type=\"x-tolk-previous\">\(text(previous))</prop>\n" }
            if let next = unit.next { xml += "  <prop type=\"x-tolk-next\">\(text(next))</prop>\n" }
            xml += "  <prop type=\"x-tolk-origin\">\(text(unit.origin.description))</prop>\n"
            xml += "  <tuv xml:lang=\"\(attribute(unit.sourceLanguage))\"><seg>\(segment(unit.source, originals))</seg></tuv>\n"
            xml += "  <tuv xml:lang=\"\(attribute(unit.targetLanguage))\"><seg>\(segment(unit.target, originals))</seg></tuv>\n"
            xml += "</tu>\n"
            written += 1
        }
        xml += "</body>\n</tmx>\n"
        return Result(xml: xml, units: written, skipped: skipped)
    }

    /// A message as TMX segment content.
    static func segment(_ message: String, _ originals: [Int: OriginalCode]) -> String {
        let pieces = MessageText.parse(message)
        let (opened, closed) = MessageText.halves(of: pieces)
        var output = ""
        for piece in pieces {
            switch piece {
            case let .text(value): output += text(value)
            case let .open(number):
                let content = text(originals[number]?.start ?? "<\(number)>")
                output += closed.contains(number) ? "<bpt i=\"\(number)\" x=\"\(number)\">\(content)</bpt>" : "<it pos=\"begin\" x=\"\(number)\">\(content)</it>"
            case let .close(number):
                let content = text(originals[number]?.end ?? "</\(number)>")
                output += opened.contains(number) ? "<ept i=\"\(number)\">\(content)</ept>" : "<it pos=\"end\" x=\"\(number)\">\(content)</it>"
            case let .empty(number):
                output += "<ph x=\"\(number)\">\(text(originals[number]?.start ?? "<\(number)/>"))</ph>"
            }
        }
        return output
    }

    private static func canHold(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { XLIFFValidation.isXMLCharacter($0.value) && $0 != "\r" }
    }

    /// XML text: the units it writes hold no character XML cannot (`canHold`), so XLIFF's escaping is TMX's.
    static func text(_ value: String) -> String { XLIFFWriter.text(value) }

    static func attribute(_ value: String) -> String { XLIFFWriter.attribute(value) }
}
