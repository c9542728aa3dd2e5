/// The Savings Plan rate per unit for each eligible usage key: one plan offering's rate card.
///
/// The rate depends on the plan (type, term, payment option) and the usage key, so each plan carries
/// its table; plans bought under the same offering share one. A key missing from the table of a plan
/// that is eligible for the usage is an error, never a guess (`reference/aws-billing-rules.md` §3.2).
///
/// Tables are immutable and cheap to copy: the storage is shared, plans sharing a table are recognised
/// by its identity, and a ``CommitmentEngine`` keeps each table's savings order between hours. Build a
/// table once per offering and give it to every plan bought under it.
public struct SavingsPlanRates: Sendable {
    /// Immutable shared storage; a class only so that plans sharing a table can be recognised by identity.
    private final class Storage: Sendable {
        let table: UsageKeyTable<Amount>

        init(rates: [UsageKey: Amount]) {
            var table = UsageKeyTable<Amount>(capacity: rates.count)
            for (key, rate) in rates { table.insert(key, rate) }
            self.table = table
        }
    }

    private let storage: Storage

    /// Creates a table from rates per unit of usage.
    public init(_ rates: [UsageKey: Amount]) {
        self.storage = Storage(rates: rates)
    }

    /// An empty table: every eligible usage is then an error.
    public static let empty = SavingsPlanRates([:])

    /// The rate per unit for the usage key, or nil.
    public subscript(key: UsageKey) -> Amount? { storage.table[key] }

    /// The number of keys.
    public var count: Int { storage.table.count }

    /// All rates.
    public var rates: [UsageKey: Amount] {
        Dictionary(uniqueKeysWithValues: zip(storage.table.keys, storage.table.values))
    }

    /// Identity of the shared storage: equal for copies of the same table.
    var identity: ObjectIdentifier { ObjectIdentifier(storage) }
}

extension SavingsPlanRates: Equatable {
    /// Tables are equal when they hold the same rates.
    public static func == (lhs: SavingsPlanRates, rhs: SavingsPlanRates) -> Bool {
        lhs.storage === rhs.storage || lhs.rates == rhs.rates
    }
}
