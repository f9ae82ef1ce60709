import Foundation

/// Per-language facts computed once (month names, quotation marks, plural categories):
/// opening ICU formatters for every entry would cost more than the checks themselves.
final class LocaleCache<Value>: @unchecked Sendable {
    private var values: [String: Value] = [:]
    private let lock = NSLock()

    func value(for locale: String, _ make: () -> Value) -> Value {
        lock.lock()
        if let value = values[locale] {
            lock.unlock()
            return value
        }
        lock.unlock()
        let value = make()
        lock.lock()
        values[locale] = value
        lock.unlock()
        return value
    }
}
