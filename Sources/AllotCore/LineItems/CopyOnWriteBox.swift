/// A value kept out of line, shared between copies until one of them changes it.
///
/// ``LineItem`` keeps its `reservation/*` and `savingsPlan/*` groups this way: most rows have none
/// of those values, and without the box every copy of a line item would move ~1.1 KB of nils.
/// An empty box (nil storage) reads as `Value()` and is equal to a box holding `Value()`.
struct CopyOnWriteBox<Value: Hashable & Sendable & EmptyInitializable>: Hashable, Sendable {
    /// `@unchecked Sendable`: `value` is only mutated through ``value``'s `_modify`, after
    /// `isKnownUniquelyReferenced` has made this box the only owner, so no other thread can see it.
    private final class Storage: @unchecked Sendable {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var storage: Storage?

    init() {}

    /// Whether no value was ever stored.
    var isEmpty: Bool { storage == nil }

    var value: Value {
        get { storage?.value ?? Value() }
        _modify {
            if !isKnownUniquelyReferenced(&storage) {
                storage = Storage(storage?.value ?? Value())
            }
            let box = storage ?? Storage(Value())
            yield &box.value
        }
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.storage === rhs.storage || lhs.value == rhs.value
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(value)
    }
}

/// A type with an empty value, `init()`.
protocol EmptyInitializable {
    init()
}

extension ReservationDetails: EmptyInitializable {}
extension SavingsPlanDetails: EmptyInitializable {}
