/// An open-addressing map from usage keys to dense numbers and values, probing on the key's
/// precomputed hash (no rehashing of the four strings, no `Hasher` round per lookup).
///
/// The engine numbers the hour's distinct usage keys with it, so that rates and savings ratios are looked
/// up and computed once per key rather than once per line; ``SavingsPlanRates`` stores its rates in one.
struct UsageKeyTable<Value> {
    /// Slot → entry position + 1; 0 is empty.
    private var slots: [Int32]
    private var mask: Int
    /// The keys in insertion order; a key's position is its number.
    private(set) var keys: [UsageKey] = []
    /// The value of each key, by number.
    private(set) var values: [Value] = []

    /// An empty table for about `capacity` keys.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// The number of keys.
    var count: Int { keys.count }

    /// The number of `key`, or nil.
    func number(of key: UsageKey) -> Int? {
        keys.withUnsafeBufferPointer { keys in
            var slot = key.precomputedHash & mask
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return nil }
                if keys[entry - 1] == key { return entry - 1 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The value of `key`, or nil.
    subscript(key: UsageKey) -> Value? {
        number(of: key).map { values[$0] }
    }

    /// The number of `key`, inserting it with `value` when absent (an existing value is kept).
    @discardableResult
    mutating func insert(_ key: UsageKey, _ value: @autoclosure () -> Value) -> Int {
        var slot = key.precomputedHash & mask
        let found: Int? = keys.withUnsafeBufferPointer { keys in
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return nil }
                if keys[entry - 1] == key { return entry - 1 }
                slot = (slot + 1) & mask
            }
        }
        if let found { return found }
        keys.append(key)
        values.append(value())
        slots[slot] = Int32(keys.count)
        if keys.count * 2 > slots.count { grow() }
        return keys.count - 1
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        for (position, key) in keys.enumerated() {
            var slot = key.precomputedHash & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(position + 1)
        }
    }
}

extension UsageKeyTable: Sendable where Value: Sendable {}
