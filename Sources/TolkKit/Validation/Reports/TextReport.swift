/// Findings for people: grouped by catalogue, each with its msgid and fix; colour only
/// when the command says the output is a terminal.
public struct TextReport {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    public func render(_ result: CatalogValidator.Result) -> String {
        var output = ""
        for (language, path) in result.catalogs {
            let summary = result.catalogSummaries[path] ?? result.summaries[language] ?? CatalogValidator.Summary()
            output += bold(TerminalText.escaped("\(path) (\(language))")) + ": \(summary.entries) entries, \(summary.translated) translated, "
                + "\(summary.fuzzy) fuzzy, \(summary.untranslated) untranslated; "
                + "\(summary.errors) error\(summary.errors == 1 ? "" : "s"), \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s")\n"
            for finding in result.findings where finding.file == path {
                let location = finding.line > 0 ? "\(finding.file):\(finding.line)" : finding.file
                output += "\(TerminalText.escaped(location)): \(paint(finding.severity)) [\(finding.rule)] \(TerminalText.escaped(finding.message))\n"
                if let sourceFile = finding.sourceFile {
                    output += "    source: \(TerminalText.escaped(sourceFile))\(finding.sourceLine.map { ":\($0)" } ?? "")\n"
                }
                if let msgid = finding.msgid { output += "    msgid:  \(quoted(msgid))\n" }
                if let msgstr = finding.msgstr, !msgstr.isEmpty { output += "    msgstr: \(quoted(msgstr))\n" }
                if let fix = finding.fix { output += "    fix:    \(TerminalText.escaped(fix))\n" }
            }
        }
        return output
    }

    private func quoted(_ text: String) -> String {
        "\"" + TerminalText.escaped(text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")) + "\""
    }

    private func paint(_ severity: Diagnostic.Severity) -> String {
        guard color else { return severity.rawValue + ":" }
        let code = severity == .error ? "31" : severity == .warning ? "33" : "36"
        return "\u{1B}[1;\(code)m\(severity.rawValue):\u{1B}[0m"
    }

    private func bold(_ text: String) -> String {
        color ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}
