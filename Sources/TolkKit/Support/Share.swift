import Foundation

/// A share in percent, the one way every figure Tolk prints computes it: the publish
/// threshold, the build's per-page line, stats and the progress report.
public enum Share {
    /// `part` of `whole` in percent; 100 when there is nothing to translate.
    public static func percent(_ part: Int, of whole: Int) -> Double {
        whole == 0 ? 100 : Double(part) * 100 / Double(whole)
    }

    /// A share for people: "100", "76.9".
    public static func format(_ percent: Double) -> String {
        percent.rounded() == percent ? String(Int(percent)) : String(format: "%.1f", percent)
    }
}
