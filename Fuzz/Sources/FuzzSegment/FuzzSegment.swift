import Foundation
import FuzzSupport
@testable import TolkKit

/// Segmentation on any bytes: the bytes as text cut by Tolk's rules in every language it
/// has data for, and as an SRX file that, when Tolk accepts it, cuts a fixed text. Every
/// sentence must come from the text in order, with nothing lost but the spaces between.
let sample = "Dr. Okafor speaks at 9 a.m. on 13. Okt. z. B. in Berlin! Then: questions? Yes… 《好！》。「はい。」と言った。"
let languages = ["en", "de", "es", "fr", "it", "nl", "pt", "da", "sv", "pl", "ru", "el", "ja", "zh", "ar"]

func check(_ sentences: [String], of text: String) {
    let squeezed = { (text: String) in text.filter { !$0.isWhitespace } }
    guard squeezed(sentences.joined()) == squeezed(text.collapsingHTMLWhitespace()) else {
        fatalError("the sentences do not make up the text:\n\(text)\n\(sentences)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    if let text = String(data: bytes, encoding: .utf8), !text.contains("<"), !text.contains("&") {
        for language in languages {
            if let sentences = try? Segmenter(locale: language).sentences(in: text) { check(sentences, of: text) }
        }
    }
    if let rules = try? SRXRules(data: bytes, path: "segmentation.srx") {
        for language in ["en", "de", "ja"] {
            guard let forLanguage = try? rules.rules(for: language),
                  let sentences = try? Segmenter(locale: language, srx: forLanguage).sentences(in: sample) else { continue }
            check(sentences, of: sample)
        }
    }
    return 0
}

// SwiftPM names an executable's entry point after its module.
@_cdecl("FuzzSegment_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
