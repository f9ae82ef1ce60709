/// How the build links one language version of a page to another: relative, or absolute
/// under the site's base URL (what search engines want for `hreflang` and `canonical`), and
/// which version is `x-default`.
struct SiteLinks: Sendable {
    /// The site's address, ending in `/`; nil for relative links.
    var baseURL: String?
    /// `tolk.toml`'s `default-language`: the `x-default` version where there is one.
    var defaultLanguage: String?

    /// The link to `relative` (a path under `Output/LL/`, not encoded) in `language`, from a
    /// page at `from` (a path under `Output/LL/`).
    func href(to relative: String, in language: String, from: String) -> String {
        let path = language + "/" + URLPath.percentEncoded(relative)
        if let baseURL { return baseURL + path }
        return String(repeating: "../", count: from.split(separator: "/").count) + path
    }

    /// The language of the `x-default` version among `languages`: the site's default
    /// language when the page exists in it, else the page's own.
    func defaultVersion(among languages: [String], pageLanguage: String) -> String {
        if let defaultLanguage, languages.contains(defaultLanguage) { return defaultLanguage }
        return pageLanguage
    }

    /// `hreflang` links from `Output/LL/<relative>` to each language version, plus x-default.
    func alternates(for relative: String, languages: [String], pageLanguage: String) -> [(language: String, href: String)] {
        languages.sorted().map { ($0, href(to: relative, in: $0, from: relative)) }
            + [("x-default", href(to: relative, in: defaultVersion(among: languages, pageLanguage: pageLanguage), from: relative))]
    }
}
