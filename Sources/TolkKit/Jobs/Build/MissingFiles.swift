/// The files pages refer to (images, styles, scripts, links) that nothing under `Input/`
/// or the build provides: the published pages would show them broken, so the build warns
/// (`missing-file`), once per file, at the first page naming it.
///
/// Pages in one folder share their addresses, so each folder is resolved on its own (on
/// all cores), and the build cache keeps each folder's findings with a fingerprint of its
/// pages and of the files under `Input/`: a build resolves again only the folders that changed.
enum MissingFiles {
    /// Each folder's missing files: `previous`'s where the folder's fingerprint still
    /// holds, found again elsewhere; and how many folders were found again.
    static func find(pages: [String: BuildCache.Page], previous: [String: BuildCache.MissingFolder], files: [String],
                     indexName: String) -> (folders: [String: BuildCache.MissingFolder], found: Int) {
        let pages = pages.filter { !$0.value.references.isEmpty }.sorted { $0.key < $1.key }
        let byFolder = Dictionary(grouping: pages) { page in String(page.key[..<(page.key.lastIndex(of: "/") ?? page.key.startIndex)]) }
        let everything = Fingerprints.files(files, indexName: indexName)
        var folders: [String: BuildCache.MissingFolder] = [:]
        var stale: [(name: String, fingerprint: UInt64)] = []
        for (name, pagesHere) in byFolder {
            let fingerprint = Fingerprints.folder(pagesHere.map { ($0.key, $0.value.source) }, files: everything)
            if let known = previous[name], known.fingerprint == fingerprint { folders[name] = known } else { stale.append((name, fingerprint)) }
        }
        guard !stale.isEmpty else { return (folders, 0) }
        let present = Set(files)
        for (folder, result) in zip(stale, Parallel.map(stale, { folder in
            find(referredToBy: byFolder[folder.name]!, files: present, indexName: indexName)
        })) {
            folders[folder.name] = BuildCache.MissingFolder(fingerprint: folder.fingerprint, files: (try? result.get()) ?? [])
        }
        return (folders, stale.count)
    }

    /// The files one folder's pages (in path order) refer to and nothing provides: each
    /// where it is first named, and by how many other pages of the folder.
    private static func find(referredToBy pages: [(key: String, value: BuildCache.Page)], files: Set<String>,
                             indexName: String) -> [BuildCache.MissingFile] {
        let under = Assets.folder(of: pages[0].key)
        var targets: [String: String?] = [:]
        var found: [String: Int] = [:]
        var list: [BuildCache.MissingFile] = []
        var lastPage: [String] = []
        for (path, page) in pages {
            for (index, reference) in page.references.enumerated() {
                let target: String?
                if let known = targets[reference.target] {
                    target = known
                } else {
                    target = Assets.missingTarget(reference.target, folder: under, files: files, indexName: indexName)
                    targets[reference.target] = .some(target)
                }
                guard let target else { continue }
                if let at = found[target] {
                    if lastPage[at] != path { list[at].otherPages += 1; lastPage[at] = path }
                } else {
                    found[target] = list.count
                    list.append(BuildCache.MissingFile(target: target, page: path, line: reference.line, reference: index,
                                                       address: reference.target, otherPages: 0))
                    lastPage.append(path)
                }
            }
        }
        return list
    }

    /// One warning per missing file, at the first page (in path order) naming it, saying
    /// how many other pages do: the folders' findings put together.
    static func warnings(_ folders: [String: BuildCache.MissingFolder]) -> [Diagnostic] {
        var merged: [BuildCache.MissingFile] = []
        var position: [String: Int] = [:]
        // Folder by folder in name order, each in page order: nearly sorted already, which
        // the sort below takes in one pass.
        for name in folders.keys.sorted() {
            for file in folders[name]!.files {
                guard let at = position[file.target] else {
                    position[file.target] = merged.count
                    merged.append(file)
                    continue
                }
                let known = merged[at]
                var first = (file.page, file.reference) < (known.page, known.reference) ? file : known
                first.otherPages = known.otherPages + file.otherPages + 1
                merged[at] = first
            }
        }
        merged.sort { ($0.page, $0.reference) < ($1.page, $1.reference) }
        return merged.map(\.diagnostic)
    }
}
