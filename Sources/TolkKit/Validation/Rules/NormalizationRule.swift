/// `normalization`: a translation not in Unicode NFC (checked by ICU's normalizer), so
/// equal-looking text would compare and search as different.
public struct NormalizationRule: EntryRule {
    public static let id = "normalization"
    public static let summary = "Translation not in Unicode NFC."

    public func check(_ context: EntryContext) -> [Diagnostic] {
        guard !ICUText.isNFC(context.entry.translation) else { return [] }
        return [context.finding(Self.id, .error, "the translation is not in Unicode NFC (decomposed characters such as a + ◌̈)",
                                fix: "save it NFC-normalized (most editors and `uconv -x any-nfc` do)")]
    }
}
