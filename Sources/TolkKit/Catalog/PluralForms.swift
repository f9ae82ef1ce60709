/// gettext `Plural-Forms` headers per language, matching CLDR's cardinal categories.
public enum PluralForms {
    /// The `Plural-Forms` value for a language, e.g. `nplurals=2; plural=(n != 1);` for German.
    public static func header(for language: String) -> String {
        let primary = LanguageTag.primary(language)
        if let known = table[primary] { return known }
        // Otherwise from ICU's categories: one category means no plural, two the Germanic rule.
        let categories = LanguageTag.pluralCategories(language)
        return categories.count <= 1 ? "nplurals=1; plural=0;" : "nplurals=2; plural=(n != 1);"
    }

    static let table: [String: String] = {
        var table: [String: String] = [:]
        for code in ["en", "de", "nl", "sv", "da", "nb", "nn", "no", "fi", "et", "it", "es", "ca", "el", "hu", "bg", "eo", "af", "sq", "eu", "gl"] {
            table[code] = "nplurals=2; plural=(n != 1);"
        }
        for code in ["fr", "pt", "tr", "hy", "ka"] { table[code] = "nplurals=2; plural=(n > 1);" }
        for code in ["ja", "ko", "zh", "vi", "th", "id", "ms"] { table[code] = "nplurals=1; plural=0;" }
        for code in ["ru", "uk", "be", "sr", "hr", "bs"] {
            table[code] = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
        }
        table["pl"] = "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
        table["cs"] = "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;"
        table["sk"] = "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;"
        table["ga"] = "nplurals=5; plural=n==1 ? 0 : n==2 ? 1 : n<7 ? 2 : n<11 ? 3 : 4;"
        table["ar"] = "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;"
        return table
    }()
}
