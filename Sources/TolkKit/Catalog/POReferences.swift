/// An entry's `#:` references, such as `Input/index.html:12`.
///
/// References read from a PO file are kept as written. References made by extraction
/// are kept as (page, line) numbers into a table of page paths shared by the whole
/// catalogue, and spelled out only when written: a site-scale catalogue holds one per
/// page a sentence is on, a million of them for 10,000 pages.
struct POReferences: RandomAccessCollection, ExpressibleByArrayLiteral, Equatable, Sendable {
    /// Page paths, by the numbers located references use.
    final class Pages: Sendable {
        let paths: [String]

        init(_ paths: [String]) {
            self.paths = paths
        }
    }

    private var written: [String]
    private var located: [UInt64] = []
    private var pages: Pages?

    init(arrayLiteral elements: String...) {
        written = elements
    }

    init(_ references: [String] = []) {
        written = references
    }

    /// References to `(page, line)` pairs, packed as `page << 32 | line`, paths in `pages`.
    init(located: [UInt64], pages: Pages) {
        written = []
        self.located = located
        self.pages = pages
    }

    static func pack(page: Int, line: Int) -> UInt64 {
        UInt64(page) << 32 | UInt64(UInt32(clamping: line))
    }

    var startIndex: Int { 0 }
    var endIndex: Int { pages == nil ? written.count : located.count }

    subscript(position: Int) -> String {
        guard let pages else { return written[position] }
        let packed = located[position]
        return "\(pages.paths[Int(packed >> 32)]):\(packed & 0xFFFF_FFFF)"
    }

    mutating func append(_ reference: String) {
        if pages != nil {
            written = Array(self)
            located = []
            pages = nil
        }
        written.append(reference)
    }

    static func == (lhs: POReferences, rhs: POReferences) -> Bool {
        lhs.elementsEqual(rhs)
    }
}
