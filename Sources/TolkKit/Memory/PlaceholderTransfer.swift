/// A memory translation's placeholders, renumbered for the sentence it is offered to.
///
/// Placeholders are mapped by their order and kind: the first pair (`<N>…</N>`) of the
/// memory's source is the first pair of the sentence, the first empty one (`<N/>`) the
/// first empty one, and so on. A placeholder of the translation that maps to nothing in
/// the sentence is left out, and each one left out, or of the sentence's that the
/// translation lacks, is counted: the match is worth less by as much.
enum PlaceholderTransfer {
    /// `target` (translating `source`) with the placeholders of `sentence`, and how many
    /// could not be mapped.
    static func transfer(_ target: String, from source: String, to sentence: String) -> (text: String, unmapped: Int) {
        guard target.utf8.contains(0x3C) || sentence.utf8.contains(0x3C) || source.utf8.contains(0x3C) else { return (target, 0) }
        let from = shape(source), to = shape(sentence)
        var map: [Int: Int] = [:]
        for (a, b) in zip(from.pairs, to.pairs) { map[a] = b }
        for (a, b) in zip(from.empties, to.empties) { map[a] = b }
        var unmapped = 0
        var placed = Set<Int>()
        var pieces: [MessageText.Piece] = []
        for piece in MessageText.parse(target) {
            switch piece {
            case .text: pieces.append(piece)
            case let .open(number):
                if let mapped = map[number], to.pairs.contains(mapped) { pieces.append(.open(mapped)); placed.insert(mapped) } else { unmapped += 1 }
            case let .close(number):
                if let mapped = map[number], to.pairs.contains(mapped) { pieces.append(.close(mapped)) }
            case let .empty(number):
                if let mapped = map[number], to.empties.contains(mapped) { pieces.append(.empty(mapped)); placed.insert(mapped) } else { unmapped += 1 }
            }
        }
        unmapped += Set(to.pairs + to.empties).subtracting(placed).count
        return (MessageText.text(of: pieces), unmapped)
    }

    /// The numbers of a message's pairs and of its empty placeholders, in order.
    private static func shape(_ message: String) -> (pairs: [Int], empties: [Int]) {
        var pairs: [Int] = [], empties: [Int] = []
        for piece in MessageText.parse(message) {
            switch piece {
            case let .open(number): pairs.append(number)
            case let .empty(number): empties.append(number)
            default: break
            }
        }
        return (pairs, empties)
    }
}
