import Foundation

/// The files a build makes of the whole site: the event index in each language, the
/// language chooser (`Output/index.html`) and the sitemap.
extension SiteBuild {
    struct Extras {
        /// What the cache keeps of them: their fingerprint, files and stamps, and diagnostics.
        var cache: BuildCache.Extras
        /// The languages some page is written in.
        var siteLanguages: [String]
        /// Taken from the cache with a file whose time moved but whose bytes did not.
        var restamped = false
    }

    /// The index pages and the sitemap, written side by side; skipped when what they are
    /// made of is as last time and the files are as the last build wrote them.
    func buildExtras(events: [EventSummary], indexName: String, catalogues: Catalogues, previous recorded: BuildCache.Extras?) throws -> Extras {
        let siteLanguages = Array(Set(events.flatMap(\.languages))).sorted()
        let fingerprint = extrasFingerprint(events: events, siteLanguages: siteLanguages, indexName: indexName, states: catalogues.states)
        if let recorded, recorded.fingerprint == fingerprint,
           case let stamps = recorded.files.map({ $0.stamp.current(at: project.absolute($0.path)) }), !stamps.contains(nil) {
            var extras = Extras(cache: recorded, siteLanguages: siteLanguages)
            extras.cache.files = zip(recorded.files, stamps).map { ($0.0.path, $0.1!) }
            extras.restamped = zip(recorded.files, stamps).contains { $0.0.stamp != $0.1 }
            return extras
        }
        enum Job { case index(String), root, sitemap }
        let finished = Parallel.map(siteLanguages.map(Job.index) + [.root, .sitemap]) { job -> (files: [(String, FileStamp)], diagnostics: [Diagnostic]) in
            switch job {
            case let .index(language):
                var index = EventIndex(language: language, events: events.filter { $0.languages.contains(language) },
                                       table: catalogues.tables.table(for: language, source: IndexMessage.sourceLanguage), siteLanguages: siteLanguages, fileName: indexName)
                index.locale = site.languages[language]?.locale
                index.siteZone = site.timeZone
                index.audienceZone = site.languages[language]?.timeZone
                index.links = links
                let output = "Output/\(language)/\(indexName)"
                return ([(output, try writeIfChanged(Array(index.html().utf8), to: output))], index.diagnostics)
            case .root:
                guard !siteLanguages.isEmpty else { return ([], []) }
                let headings = Dictionary(uniqueKeysWithValues: siteLanguages.map { language in
                    var index = EventIndex(language: language, events: [], table: catalogues.tables.table(for: language, source: IndexMessage.sourceLanguage),
                                           siteLanguages: [], fileName: indexName)
                    return (language, index.text(.heading).text)
                })
                let root = RootPage(languages: siteLanguages, indexName: indexName, links: links, headings: headings)
                return ([("Output/index.html", try writeIfChanged(Array(root.html().utf8), to: "Output/index.html"))], [])
            case .sitemap:
                let files = Sitemap(events: events, indexName: indexName, languages: siteLanguages, links: links).files()
                guard !files.isEmpty else {
                    return ([], [Diagnostic(.sitemapNotWritten, severity: .note, file: "Output/sitemap.xml",
                        message: "not written: the sitemap protocol allows only absolute URLs, and the site has no address",
                        fix: "set base-url in tolk.toml ([site]), or pass --base-url")])
                }
                return (try files.map { ($0.path, try writeIfChanged(Array($0.xml.utf8), to: $0.path)) }, [])
            }
        }
        var extras = BuildCache.Extras(fingerprint: fingerprint)
        for result in finished {
            let (files, jobDiagnostics) = try result.get()
            for (output, stamp) in files { extras.files.append((output, stamp)) }
            extras.diagnostics += jobDiagnostics
        }
        return Extras(cache: extras, siteLanguages: siteLanguages)
    }

    /// A fingerprint of everything the index pages and the sitemap are made of.
    private func extrasFingerprint(events: [EventSummary], siteLanguages: [String], indexName: String,
                                   states: [String: [UInt64: UInt64]]) -> UInt64 {
        var hash = FastHash()
        for language in siteLanguages { hash.combine(language) }
        hash.combine(indexName)
        hash.combine(baseURL)
        // The index's own messages, as each catalogue translates them.
        for language in states.keys.sorted() {
            hash.combine(language)
            for message in IndexMessage.allCases {
                hash.combine(states[language]?[Fingerprints.key(context: IndexMessage.context, id: message.rawValue)] ?? 0)
            }
        }
        for event in events {
            hash.combine(event.relative)
            hash.combine(event.pageLanguage)
            for language in event.titles.keys.sorted() {
                hash.combine(language)
                hash.combine(event.titles[language]!.text)
                hash.combine(event.titles[language]!.translated ? 1 : 0)
            }
            hash.combine(event.start ?? "\u{0}")
            hash.combine(event.end ?? "\u{0}")
            for language in event.languages.sorted() { hash.combine(language) }
        }
        return hash.value
    }
}
