import Foundation

/// What a build leaves behind besides the pages: the cache, the pages' assets in every
/// language folder, and the manifest by which the next build removes what is stale.
extension SiteBuild {
    /// Saves the cache; one that cannot be saved only makes the next build a full one.
    func save(_ cache: BuildCache) -> [Diagnostic] {
        do {
            try cache.save(to: project.root)
            return []
        } catch {
            return [Diagnostic(.cacheNotSaved, severity: .warning, file: ".tolk/build-cache",
                               message: "not saved (\(error)); the next build is a full one")]
        }
    }

    /// What `publishOutput` did to `Output/`.
    struct OutputChanges {
        var removed: [String] = []
        var changed: [String] = []
        var diagnostics: [Diagnostic] = []
    }

    /// Publishes the assets, removes what earlier builds wrote and this one no longer
    /// makes (nothing else is touched), and records what is in `Output/` now.
    func publishOutput(cache: BuildCache, assets paths: [String], languages: [String]) throws -> OutputChanges {
        var manifest = OutputManifest()
        for page in cache.pages.values {
            for output in page.outputs where output.written { manifest.files[output.path] = output.stamp ?? .missing }
        }
        for file in cache.extras?.files ?? [] { manifest.files[file.path] = file.stamp }
        let recorded = OutputManifest.load(from: project)
        // The pages' images, styles and scripts, in every language folder that has pages.
        let assets = try Assets(project: project, paths: paths).publish(languages: languages, recorded: recorded)
        manifest.files.merge(assets.files) { page, _ in page }
        manifest.sources = assets.sources
        var changes = OutputChanges()
        if let recorded {
            let (gone, kept) = manifest.removeStale(since: recorded, in: project)
            changes.removed = gone
            changes.diagnostics += kept
        }
        if recorded != manifest {
            do {
                try manifest.save(to: project)
            } catch {
                changes.diagnostics.append(Diagnostic(.cacheNotSaved, severity: .warning, file: OutputManifest.path,
                    message: "not saved (\(error)); the next build cannot remove what this one wrote if it is no longer needed"))
            }
        }
        changes.changed = manifest.files.filter { path, stamp in recorded?.files[path]?.content != stamp.content }.keys.sorted()
        return changes
    }

    /// Writes a file only when its bytes differ from what is there; returns its stamp.
    func writeIfChanged(_ bytes: [UInt8], to output: String) throws -> FileStamp {
        let path = project.absolute(output)
        let data = Data(bytes)
        if FileManager.default.contents(atPath: path) != data {
            try TextFile.writeAtomically(data, to: path, displayPath: output)
        }
        return FileStamp(path: path, data: data) ?? .missing
    }
}
