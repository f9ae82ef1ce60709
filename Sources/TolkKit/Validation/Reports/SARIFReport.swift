import Foundation

/// Findings as SARIF 2.1.0, so code-scanning tools show them on the catalogue lines; the
/// run's property bag holds the per-language totals (`summary`) the other formats show.
public enum SARIFReport {
    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        /// The per-language totals of the text and JSON reports, in the run's property bag.
        var properties: RunProperties
    }

    struct RunProperties: Encodable {
        var summary: [String: CatalogValidator.Summary]
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name = "tolk"
        var version = TolkVersion.current
        var rules: [Rule]
    }

    struct Rule: Encodable {
        var id: String
        var shortDescription: Message
    }

    struct Message: Encodable {
        var text: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: Diagnostic.Severity
        var message: Message
        var locations: [Location]
        var properties: [String: String]
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable {
        var uri: String
    }

    struct Region: Encodable {
        var startLine: Int
    }

    public static func render(_ result: CatalogValidator.Result) throws -> String {
        let rules = result.rules.map { Rule(id: $0.id, shortDescription: Message(text: $0.text)) }
        let index = Dictionary(result.rules.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let results = result.findings.map { finding -> Result in
            // A finding with no catalogue line (a missing entry) points at the source page.
            let location = finding.line > 0
                ? PhysicalLocation(artifactLocation: ArtifactLocation(uri: finding.file), region: Region(startLine: finding.line))
                : PhysicalLocation(artifactLocation: ArtifactLocation(uri: finding.sourceFile ?? finding.file),
                                   region: Region(startLine: max(finding.sourceLine ?? 1, 1)))
            var properties: [String: String] = [:]
            for (key, value) in [("locale", finding.locale), ("msgid", finding.msgid), ("msgstr", finding.msgstr), ("fix", finding.fix)] {
                if let value { properties[key] = value }
            }
            return Result(ruleId: finding.rule, ruleIndex: index[finding.rule] ?? 0, level: finding.severity,
                          message: Message(text: finding.message + (finding.fix.map { ". Fix: \($0)" } ?? "")),
                          locations: [Location(physicalLocation: location)], properties: properties)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Log(runs: [Run(tool: Tool(driver: Driver(rules: rules)), results: results,
                                                         properties: RunProperties(summary: result.summaries))]))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
