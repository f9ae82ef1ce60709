import Foundation

/// Findings as JSON: `findings` (each with rule, severity, locale, file, line, msgid,
/// msgstr, message, and where known source and fix) and `summary` per language.
public enum JSONReport {
    struct Document: Encodable {
        var findings: [Diagnostic]
        var summary: [String: CatalogValidator.Summary]
    }

    public static func render(_ result: CatalogValidator.Result) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Document(findings: result.findings, summary: result.summaries))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
