/// Everything that stops Tolk from doing a job, said so that a user can act on it.
///
/// Each case names the file (and line, where there is one) and what is wrong.
public enum TolkError: Error, Equatable, CustomStringConvertible {
    case unreadableFile(path: String, reason: String)
    case binaryFile(path: String)
    case utf16File(path: String)
    case invalidUTF8(path: String, line: Int)
    case malformedCatalog(path: String, line: Int, problem: String)
    case unknownLanguage(code: String, source: String)
    case unwritableFile(path: String, reason: String)
    case missingDirectory(path: String)
    case icu(operation: String, status: Int32)
    case changedWhileRunning(path: String)
    case unsafeLink(path: String, problem: String)
    case configuration(path: String, line: Int, key: String?, problem: String)
    case notAProject(path: String)
    case wouldOverwrite(folder: String, existing: [String])
    /// An XLIFF document that is not valid, or an exchange that cannot be done.
    case exchange(path: String, line: Int, problem: String)
    /// ITS rules (a rules file, or rules inside a page) that cannot be read or evaluated.
    case itsRules(path: String, line: Int, problem: String)
    /// A glossary (`Locales/glossary.csv`) that is not the CSV Tolk reads.
    case glossary(path: String, line: Int, problem: String)
    /// Segmentation rules (Tolk's per-language data, or an SRX file) that cannot be read.
    case segmentationRules(path: String, line: Int, problem: String)

    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            return "\(path): cannot read the file: \(reason)"
        case let .binaryFile(path):
            return "\(path): this is a binary file, not text (it contains NUL bytes)"
        case let .utf16File(path):
            return "\(path): the file is in UTF-16; Tolk reads UTF-8 (save it as UTF-8, or convert it with 'iconv -f UTF-16 -t UTF-8')"
        case let .invalidUTF8(path, line):
            return "\(path):\(line): invalid UTF-8; save the file as UTF-8"
        case let .malformedCatalog(path, line, problem):
            return "\(path):\(line): \(problem)"
        case let .unknownLanguage(code, source):
            return "\(source): '\(code)' is not a language code ICU knows (use a BCP 47 code such as 'de' or 'en-GB')"
        case let .unwritableFile(path, reason):
            return "\(path): cannot write the file: \(reason)"
        case let .missingDirectory(path):
            return "\(path): no such folder (is --project the folder that holds Input/ and Locales/?)"
        case let .unsafeLink(path, problem):
            return "\(path): a symbolic link Tolk will not follow: \(problem). Tolk follows a link only to a file inside "
                + "the folder it reads (the project, or the folder of translations given to tolk align) and never writes "
                + "through one; replace it with the file itself"
        case let .changedWhileRunning(path):
            return "\(path): the file changed on disk while Tolk was working (a translator's save?); "
                + "Tolk left it as it is now. Run the command again to include the change"
        case let .wouldOverwrite(folder, existing):
            return "\(folder): already has \(existing.joined(separator: ", ")); tolk init writes only into a folder without them, and changed nothing"
        case let .notAProject(path):
            return "\(path) is not in a Tolk project: a project is a folder with the pages in Input/ and the catalogues "
                + "in Locales/ (and, optionally, tolk.toml); run Tolk there or below it, or name it with --project DIR"
        case let .configuration(path, line, key, problem):
            return "\(path):\(line): \(key.map { "\($0): " } ?? "")\(problem)"
        case let .exchange(path, line, problem), let .itsRules(path, line, problem), let .segmentationRules(path, line, problem):
            return line > 0 ? "\(path):\(line): \(problem)" : "\(path): \(problem)"
        case let .glossary(path, line, problem):
            return "\(path):\(line): \(problem)"
        case let .icu(operation, status):
            return "ICU failed \(operation) (error \(status))"
        }
    }
}
