/// Fingerprints of what the build used from the catalogues: a page is rebuilt in a
/// language when the fingerprint of its segments' entries there changed.
enum Fingerprints {
    /// The hash of a segment key (msgctxt and msgid), as pages record them.
    static func key(context: String?, id: String) -> UInt64 {
        var hash = FastHash()
        hash.combine(context ?? "\u{0}")
        hash.combine(id)
        return hash.value
    }

    /// The key every page also records: the state of the translations of its own
    /// (`PageTranslations`), entries whose msgctxt is the page's path.
    static func page(_ path: String) -> UInt64 {
        var hash = FastHash()
        hash.combine("\u{1}page")
        hash.combine(path)
        return hash.value
    }

    /// The state of every active entry of a catalogue, by key hash: changes when the
    /// entry is retranslated or marked fuzzy. Entries with a msgctxt also count towards
    /// the state under `page(msgctxt)`, which a page of that path records.
    static func states(of catalog: POCatalog) -> [UInt64: UInt64] {
        var states: [UInt64: UInt64] = [:]
        var contexts: [String: FastHash] = [:]
        for entry in catalog.entries where !entry.isObsolete && !entry.isHeader {
            var hash = FastHash()
            hash.combine(entry.isFuzzy ? 1 : 2)
            for translation in entry.translations { hash.combine(translation) }
            let key = key(context: entry.context, id: entry.id)
            states[key] = hash.value
            if let context = entry.context, context != IndexMessage.context {
                contexts[context, default: FastHash()].combine(key)
                contexts[context, default: FastHash()].combine(hash.value)
            }
        }
        for (context, hash) in contexts { states[page(context)] = hash.value }
        return states
    }

    /// What a catalogue says for `keys`: changes when any of those entries is added,
    /// removed, retranslated or marked fuzzy.
    static func of(_ keys: [UInt64], states: [UInt64: UInt64]) -> UInt64 {
        var hash = FastHash()
        for key in keys { hash.combine(states[key] ?? 0) }
        return hash.value
    }

    /// What every folder's missing files follow from: each file under `Input/` and the
    /// index page's name.
    static func files(_ files: [String], indexName: String) -> UInt64 {
        var hash = FastHash()
        hash.combine(indexName)
        for file in files { hash.combine(file) }
        return hash.value
    }

    /// What one folder's missing files follow from: `files`, and each of its pages' path
    /// and content (their addresses come from it).
    static func folder(_ pages: [(path: String, source: FileStamp)], files: UInt64) -> UInt64 {
        var hash = FastHash()
        hash.combine(files)
        for page in pages {
            hash.combine(page.path)
            hash.combine(page.source.content)
        }
        return hash.value
    }

    /// One fingerprint for a whole catalogue's states.
    static func catalog(_ states: [UInt64: UInt64]) -> UInt64 {
        var hash = FastHash()
        for (key, state) in states.sorted(by: { $0.key < $1.key }) {
            hash.combine(key)
            hash.combine(state)
        }
        return hash.value
    }
}
