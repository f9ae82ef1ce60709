import Foundation

/// Findings as SARIF 2.1.0, so code-scanning tools show them on the catalogue lines.
public enum SARIFReport {
    public static func render(_ result: CatalogCheck.Result) throws -> String {
        let rules = result.rules.map { rule -> [String: Any] in
            ["id": rule.id, "shortDescription": ["text": rule.text]]
        }
        let results = result.findings.map { finding -> [String: Any] in
            // A finding with no catalogue line (a missing entry) points at the source page.
            let location: [String: Any]
            if finding.line > 0 {
                location = ["artifactLocation": ["uri": finding.file], "region": ["startLine": finding.line]]
            } else {
                location = ["artifactLocation": ["uri": finding.sourceFile ?? finding.file],
                            "region": ["startLine": max(finding.sourceLine ?? 1, 1)]]
            }
            var properties: [String: Any] = [:]
            for (key, value) in [("locale", finding.locale), ("msgid", finding.msgid), ("msgstr", finding.msgstr)] {
                if let value { properties[key] = value }
            }
            if let fix = finding.fix { properties["fix"] = fix }
            return [
                "ruleId": finding.rule,
                "ruleIndex": result.rules.firstIndex { $0.id == finding.rule } ?? 0,
                "level": finding.severity.rawValue,
                "message": ["text": finding.message + (finding.fix.map { ". Fix: \($0)" } ?? "")],
                "locations": [["physicalLocation": location]],
                "properties": properties,
            ]
        }
        let document: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": ["name": "tolk", "informationUri": "https://example.org/tolk", "rules": rules]],
                "results": results,
            ]],
        ]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
