import Foundation

/// `tolk init`: a new project with everything a first `tolk extract` and `tolk build` need:
/// `tolk.toml`, an example event page (with a date, an image and the language switcher),
/// its stylesheet and image, and a catalogue for each language to translate into.
public enum ProjectTemplate {
    /// Creates the project in `folder` for `languages` (the first is the site's default;
    /// the example page is written in English, and every other language gets a catalogue).
    ///
    /// - Returns: the files created, relative to `folder`.
    /// - Throws: `TolkError.wouldOverwrite` when any of them exists (nothing is written
    ///   then), and `TolkError.unknownLanguage` for a language ICU does not know.
    @discardableResult
    public static func create(in folder: URL, languages requested: [String]) throws -> [String] {
        var languages: [String] = []
        for name in requested {
            guard LanguageTag.isKnown(name), let tag = LanguageTag.bcp47(name) else {
                throw TolkError.unknownLanguage(code: name, source: "--languages")
            }
            if !languages.contains(tag) { languages.append(tag) }
        }
        if languages.isEmpty { languages = ["en"] }
        let files: [(path: String, text: String)] = [
            (SiteConfiguration.fileName, configuration(languages)),
            ("Input/welcome.html", page),
            ("Input/styles/site.css", stylesheet),
            ("Input/images/welcome.svg", image),
        ]
        let existing = [SiteConfiguration.fileName, "Input", "Locales", "Output"].filter {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
        guard existing.isEmpty else { throw TolkError.wouldOverwrite(folder: folder.path, existing: existing) }
        for file in files {
            try TextFile.writeAtomically(file.text, to: folder.appendingPathComponent(file.path).path, displayPath: file.path)
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Locales"), withIntermediateDirectories: true)
        let targets = languages.filter { !LanguageTag.sameLanguage($0, "en") }
        let update = try CatalogUpdate(project: Project(root: folder)).run(newLanguages: targets)
        return files.map(\.path) + update.templates.map(\.path) + update.summaries.map(\.path)
    }

    private static func configuration(_ languages: [String]) -> String {
        var text = """
            # Tolk's settings for this site; README.md describes every key.
            [site]
            # base-url = "https://events.example.org/"   # absolute links, canonical and sitemap
            default-language = "\(languages[0])"
            # time-zone = "Europe/London"                 # the zone event times are given in

            """
        for language in languages {
            text += """

                [languages.\(language)]
                # locale = "\(language)-\(ICUFormat.likelyRegion(language) ?? "XX")"   # regional formats
                min-completion = 80

                """
        }
        return text
    }

    private static let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Welcome evening</title>
          <meta name="description" content="An evening to meet the team and the other participants.">
          <link rel="stylesheet" href="styles/site.css">
        </head>
        <body>
          <header>
            <p class="site-name"><a href="index.html">Our events</a></p>
            <!-- Tolk fills this with links to the page in its other languages. -->
            <nav data-tolk-languages aria-label="Languages"></nav>
          </header>
          <main>
            <h1>Welcome evening</h1>
            <p class="when"><time datetime="2026-03-12T18:30+00:00">Thursday, 12 March 2026, 18:30</time></p>
            <img src="images/welcome.svg" alt="A table with cups of tea and a cake" width="480" height="240">
            <p>Meet the team and the other participants over tea and cake. Bring a friend if you like.</p>
            <p>The evening is free. <strong>Please tell us</strong> if you are coming, so that we can plan the food.</p>
          </main>
        </body>
        </html>

        """

    private static let stylesheet = """
        body { margin: 0 auto; max-width: 42rem; padding: 0 1rem; font: 1.05rem/1.6 system-ui, sans-serif; color: #1f2a33; }
        header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; border-bottom: 1px solid #ddd; }
        .languages { display: flex; gap: 0.75rem; list-style: none; padding: 0; }
        .languages [aria-current="page"] { font-weight: bold; text-decoration: none; }
        img { max-width: 100%; height: auto; }

        """

    private static let image = """
        <svg xmlns="http://www.w3.org/2000/svg" width="480" height="240" viewBox="0 0 480 240">
          <rect width="480" height="240" fill="#f6efe4"/>
          <ellipse cx="240" cy="150" rx="200" ry="60" fill="#c9a27c"/>
          <circle cx="170" cy="130" r="22" fill="#ffffff" stroke="#8c6f50" stroke-width="4"/>
          <circle cx="310" cy="130" r="22" fill="#ffffff" stroke="#8c6f50" stroke-width="4"/>
          <path d="M215,140 h50 l-6,-40 h-38 z" fill="#d1495b"/>
        </svg>

        """
}
