import CICU

/// Writes PO files exactly as GNU gettext's tools do, so that `msgcat` of a file Tolk
/// wrote changes nothing and diffs stay small.
///
/// Lines are wrapped at 79 columns where gettext wraps them (see `lineBreaks`).
public struct POWriter {
    public var pageWidth = 79

    public init() {}

    public func write(_ catalog: POCatalog) -> String {
        var output = ""
        write(catalog) { output += $0 }
        return output
    }

    /// Writes the catalogue piece by piece to `sink`, so a large one is never held whole.
    /// Entries are rendered on all cores, a group of chunks at a time, and sunk in order.
    public func write(_ catalog: POCatalog, to sink: (String) throws -> Void) rethrows {
        // Active entries first, then obsolete ones. gettext drops obsolete entries without a
        // translation; Tolk keeps those that carry a translator's comment, since nothing a
        // translator wrote may be lost.
        let entries = catalog.entries.filter { !$0.isObsolete }
            + catalog.entries.filter { $0.isObsolete && ($0.translations.contains { !$0.isEmpty } || !$0.translatorComments.isEmpty) }
        let chunks = stride(from: 0, to: entries.count, by: 256).map { $0..<min($0 + 256, entries.count) }
        var first = true
        for group in stride(from: 0, to: chunks.count, by: 16).map({ Array(chunks[$0..<min($0 + 16, chunks.count)]) }) {
            let texts = Parallel.map(group) { range -> String in
                var text = ""
                for index in range {
                    if index > 0 { text += "\n" }
                    writeEntry(entries[index], to: &text)
                }
                return text
            }
            for text in texts {
                if case let .success(text) = text {
                    if first, text.isEmpty { continue }
                    first = false
                    try sink(text)
                }
            }
        }
    }

    private func writeComments(_ entry: POEntry, to output: inout String) {
        for comment in entry.translatorComments {
            for line in comment.split(separator: "\n", omittingEmptySubsequences: false) {
                output += line.isEmpty ? "#\n" : "# \(line)\n"
            }
        }
        // A comment may hold a line break (an attribute value copied from a page does):
        // each line is a comment line of its own, as gettext writes them.
        for comment in entry.extractedComments {
            for line in comment.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                output += line.isEmpty ? "#.\n" : "#. \(line)\n"
            }
        }
        if !entry.references.isEmpty {
            output += "#:"
            var column = 2
            for reference in entry.references.lazy.map(Self.referenceText) {
                let length = reference.utf8.count + 1
                if column > 2 && column + length > pageWidth {
                    output += "\n#:"
                    column = 2
                }
                output += " " + reference
                column += length
            }
            output += "\n"
        }
    }

    /// A reference as it can be written on a `#:` line, which gettext and Tolk split at
    /// white space: spaces, line breaks and other control characters in a file name are
    /// percent-encoded (`Input/my%20page.html:3`), so the reference reads back as one.
    static func referenceText(_ reference: String) -> String {
        // Printable ASCII needs nothing (a site-scale catalogue has millions of references).
        if reference.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) { return reference }
        guard reference.unicodeScalars.contains(where: needsEncoding) else { return reference }
        var text = ""
        for scalar in reference.unicodeScalars {
            if needsEncoding(scalar) {
                let hex = Array("0123456789ABCDEF")
                for byte in String(scalar).utf8 { text += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)]) }
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    private static func needsEncoding(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            || scalar.properties.generalCategory == .format && scalar.value >= 0x2028
    }

    /// One entry; obsolete ones get `#~ ` before their keywords and `#~| ` before previous ones.
    private func writeEntry(_ entry: POEntry, to output: inout String) {
        writeComments(entry, to: &output)
        var flags: [String] = []
        // gettext prints no `fuzzy` on an empty active translation. On obsolete entries it
        // keeps only `fuzzy`; Tolk keeps every flag there, so nothing recorded is lost.
        if entry.isFuzzy && (entry.isObsolete || !entry.translation.isEmpty) { flags.append("fuzzy") }
        flags += entry.flags
        if !flags.isEmpty { output += "#, " + flags.joined(separator: ", ") + "\n" }
        let noWrap = entry.flags.contains("no-wrap")
        let previousPrefix = entry.isObsolete ? "#~| " : "#| "
        if let previous = entry.previousContext { wrap("msgctxt", previous, prefix: previousPrefix, noWrap: noWrap, to: &output) }
        if let previous = entry.previousID { wrap("msgid", previous, prefix: previousPrefix, noWrap: noWrap, to: &output) }
        if let previous = entry.previousPluralID { wrap("msgid_plural", previous, prefix: previousPrefix, noWrap: noWrap, to: &output) }
        writeMessage(entry, prefix: entry.isObsolete ? "#~ " : "", noWrap: noWrap, to: &output)
    }

    private func writeMessage(_ entry: POEntry, prefix: String, noWrap: Bool, to output: inout String) {
        if let context = entry.context { wrap("msgctxt", context, prefix: prefix, noWrap: noWrap, to: &output) }
        wrap("msgid", entry.id, prefix: prefix, noWrap: noWrap, to: &output)
        if let plural = entry.pluralID {
            wrap("msgid_plural", plural, prefix: prefix, noWrap: noWrap, to: &output)
            for (index, translation) in entry.translations.enumerated() {
                wrap("msgstr[\(index)]", translation, prefix: prefix, noWrap: noWrap, to: &output)
            }
        } else {
            wrap("msgstr", entry.translation, prefix: prefix, noWrap: noWrap, to: &output)
        }
    }

    // MARK: Wrapping, as gettext's write-po.c does it

    /// Writes `keyword "value"`, split after each `\n` and wrapped to the page width.
    func wrap(_ keyword: String, _ value: String, prefix: String, noWrap: Bool, to output: inout String) {
        let portions = Self.portions(of: value)
        var firstLine = true
        let startAfterBreak = prefix.count + 1
        let width = (noWrap ? Int.max / 2 : pageWidth) - 1 - startAfterBreak
        for (index, portion) in portions.enumerated() {
            let isLast = index == portions.count - 1
            let (escaped, overrides) = Self.escape(portion)
            var startColumn = firstLine ? prefix.count + keyword.count + 1 + 1 - startAfterBreak : prefix.count + 1 - startAfterBreak
            var breaks = Self.lineBreaks(escaped, overrides: overrides, width: width, startColumn: startColumn)
            if firstLine, !escaped.isEmpty, !isLast || startColumn > width || breaks.contains(true) {
                output += "\(prefix)\(keyword) \"\"\n"
                firstLine = false
                startColumn = prefix.count + 1 - startAfterBreak
                breaks = Self.lineBreaks(escaped, overrides: overrides, width: width, startColumn: startColumn)
            }
            output += firstLine ? "\(prefix)\(keyword) \"" : "\(prefix)\""
            firstLine = false
            for (offset, scalar) in escaped.enumerated() {
                if breaks[offset] { output += "\"\n\(prefix)\"" }
                output.unicodeScalars.append(scalar)
            }
            output += "\"\n"
        }
    }

    /// The value cut after each newline; an empty value is one empty portion.
    static func portions(of value: String) -> [[Unicode.Scalar]] {
        var portions: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in value.unicodeScalars {
            current.append(scalar)
            if scalar == "\n" {
                portions.append(current)
                current = []
            }
        }
        if !current.isEmpty || portions.isEmpty { portions.append(current) }
        return portions
    }

    /// C escapes for a portion; `overrides[i]` is true where no break may come before scalar i.
    static func escape(_ portion: [Unicode.Scalar]) -> ([Unicode.Scalar], [Bool]) {
        var escaped: [Unicode.Scalar] = []
        var prohibited: [Bool] = []
        for scalar in portion {
            let replacement: Unicode.Scalar?
            switch scalar {
            case "\u{07}": replacement = "a"
            case "\u{08}": replacement = "b"
            case "\u{0C}": replacement = "f"
            case "\n": replacement = "n"
            case "\r": replacement = "r"
            case "\t": replacement = "t"
            case "\u{0B}": replacement = "v"
            case "\\", "\"": replacement = scalar
            default: replacement = nil
            }
            if let replacement {
                escaped += ["\\", replacement]
                prohibited += [false, true]
            } else {
                escaped.append(scalar)
                prohibited.append(false)
            }
        }
        // Never break just before the "\n" that ends a portion.
        if portion.last == "\n", escaped.count >= 2 { prohibited[escaped.count - 2] = true }
        return (escaped, prohibited)
    }

    /// Where to break: `result[i]` is true for a line break before scalar i.
    ///
    /// gettext wraps with libunistring's Unicode line-breaking algorithm (UAX #14);
    /// `tolk_po_line_breaks` applies the same rules to ICU's character data. The tests
    /// hold the result against msgcat.
    static func lineBreaks(_ scalars: [Unicode.Scalar], overrides: [Bool], width: Int, startColumn: Int) -> [Bool] {
        // No character is wider than two columns: a portion that fits even so needs no break.
        guard !scalars.isEmpty, startColumn + 2 * scalars.count > width else {
            return [Bool](repeating: false, count: scalars.count)
        }
        let text = scalars.map(\.value)
        let prohibited = overrides.map { $0 ? UInt8(1) : 0 }
        var breaks = [UInt8](repeating: 0, count: scalars.count)
        tolk_po_line_breaks(text, Int32(text.count), Int32(clamping: width), Int32(clamping: startColumn), prohibited, &breaks)
        return breaks.map { $0 != 0 }
    }
}

