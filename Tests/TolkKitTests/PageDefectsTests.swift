import Foundation
import Testing
@testable import TolkKit

/// Page-level defects found on real material (Translate Toolkit's test cases and an
/// adversarial sweep), each held by a test.
@Suite("Page defects")
struct PageDefectsTests {
    @Test("abbr on th and td and summary on table are offered to translators and built")
    func tableAttributes() throws {
        let html = """
            <!DOCTYPE html><html lang="en"><head><title>Hours</title></head><body>
            <table summary="Opening hours by day"><tr><th abbr="Mon">Monday</th><td abbr="morning">9 to 12</td></tr></table>
            </body></html>

            """
        let (folder, page) = try HostileInputTests.build(page: html, translations: [
            "Opening hours by day": "Öffnungszeiten nach Tag", "Mon": "Mo", "Monday": "Montag", "morning": "vormittags",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(page.contains("<table summary=\"Öffnungszeiten nach Tag\">"))
        #expect(page.contains("<th abbr=\"Mo\">Montag</th>"))
        #expect(page.contains("<td abbr=\"vormittags\""))
    }
}
