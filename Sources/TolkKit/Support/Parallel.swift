import Foundation

/// Work on independent pages across all cores, with results in input order, so that
/// output is the same byte for byte as a sequential run.
///
/// `TOLK_JOBS=1` in the environment makes every run sequential (to compare, or to debug).
enum Parallel {
    static let isSequential = ProcessInfo.processInfo.environment["TOLK_JOBS"] == "1"
        || ProcessInfo.processInfo.activeProcessorCount < 2

    /// `transform` applied to each item, concurrently; results (or errors) in item order.
    static func map<Item, Output>(_ items: [Item], _ transform: (Item) throws -> Output) -> [Result<Output, Error>] {
        guard items.count > 1, !isSequential else {
            return items.map { item in Result { try transform(item) } }
        }
        let results = ResultSlots<Output>(count: items.count)
        withoutActuallyEscaping(transform) { transform in
            let work = UncheckedSendable((items, transform))
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                let (items, transform) = work.value
                results.set(index, Result { try transform(items[index]) })
            }
        }
        return results.values()
    }

    /// Runs two independent pieces of work side by side; the first error (in argument order) is thrown.
    static func pair<First, Second>(_ first: () throws -> First, _ second: () throws -> Second) throws -> (First, Second) {
        guard !isSequential else { return (try first(), try second()) }
        let other = PendingBatch<Second>()
        let group = DispatchGroup()
        return try withoutActuallyEscaping(second) { second in
            let work = UncheckedSendable(second)
            DispatchQueue.global().async(group: group) {
                other.set([Result { try work.value() }])
            }
            defer { group.wait() }
            let firstResult = Result { try first() }
            group.wait()
            return (try firstResult.get(), try other.take()[0].get())
        }
    }

    /// Processes `items` in batches of `batchSize`: each batch concurrently, then
    /// `consume` gets its results in order before the next batch starts, so memory
    /// holds one batch at a time.
    static func forEachBatch<Item, Output>(_ items: [Item], batchSize: Int = 64, _ transform: (Item) throws -> Output,
                                           consume: ([Result<Output, Error>]) throws -> Void) rethrows {
        let batches = stride(from: 0, to: items.count, by: batchSize).map { Array(items[$0..<min($0 + batchSize, items.count)]) }
        guard !batches.isEmpty else { return }
        if isSequential {
            for batch in batches { try consume(map(batch, transform)) }
            return
        }
        // While `consume` works through one batch, the next is already being computed.
        try withoutActuallyEscaping(transform) { transform in
            let work = UncheckedSendable(transform)
            var current = map(batches[0], transform)
            for index in batches.indices {
                let next = PendingBatch<Output>()
                let group = DispatchGroup()
                if index + 1 < batches.count {
                    let batch = UncheckedSendable(batches[index + 1])
                    DispatchQueue.global().async(group: group) {
                        next.set(map(batch.value, work.value))
                    }
                }
                defer { group.wait() }
                try consume(current)
                group.wait()
                current = next.take()
            }
        }
    }
}

/// Results written by concurrent workers, one slot each.
private final class ResultSlots<Output>: @unchecked Sendable {
    private var slots: [Result<Output, Error>?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<Output, Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func values() -> [Result<Output, Error>] {
        slots.map { $0! }
    }
}

/// The next batch's results, handed from the worker that computed them.
private final class PendingBatch<Output>: @unchecked Sendable {
    private var results: [Result<Output, Error>] = []
    private let lock = NSLock()

    func set(_ results: [Result<Output, Error>]) {
        lock.lock()
        self.results = results
        lock.unlock()
    }

    func take() -> [Result<Output, Error>] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}

/// A value handed to concurrent workers that only read it.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
