/// What a ``CommitmentEngine`` keeps between hours: per-SKU facts and reusable working memory.
///
/// Usage keys keep their numbers from hour to hour, and each key's ``KeyFacts`` stay valid while the
/// commitments (their RIs, families and Regions) are the same; buffers are emptied and refilled, not
/// reallocated. None of this changes a result: orderings never depend on key numbers or buffer history.
struct EngineWorkspace: Sendable {
    /// Above this many distinct usage keys the tables are started afresh, to bound memory.
    static let keyLimit = 1_000_000

    /// The commitments the key facts were worked out for.
    struct Signature: Equatable, Sendable {
        let reservedInstances: [ReservedInstance]
        let families: [String: Int]
        let regions: [String]
    }

    var keys = UsageKeyTable<Void>(capacity: 256)
    var keyFacts: [KeyFacts] = []
    /// Per key number: the instance attributes its ``KeyFacts`` were worked out for. The values are kept,
    /// not just their identities, so that a storage address cannot be reused by other attributes.
    var keyInstances: [InstanceAttributes?] = []
    /// RI positions referred to by ``keyFacts``.
    var matches: [Int] = []
    var signature: Signature?

    /// Savings orders by rate table (the most recently used last).
    var savingsOrders: [SavingsOrder] = []

    var facts: [LineFacts] = []
    var seen: [Bool] = []
    var remaining: [Amount] = []
    var records: [CoverageRecord] = []

    /// The savings order of a rate table, created when first needed; at most 64 tables are kept.
    mutating func savingsOrder(of rates: SavingsPlanRates) -> Int {
        if let index = savingsOrders.firstIndex(where: { $0.rates.identity == rates.identity }) { return index }
        if savingsOrders.count >= 64 { savingsOrders.removeFirst() }
        savingsOrders.append(SavingsOrder(rates: rates))
        return savingsOrders.count - 1
    }

    /// Prepares the per-key tables for these commitments: kept when they are unchanged, else cleared.
    mutating func prepare(for signature: Signature) {
        if keys.count > Self.keyLimit {
            keys = UsageKeyTable<Void>(capacity: 256)
            keyFacts = []
            keyInstances = []
            matches = []
            savingsOrders = []
        }
        if self.signature != signature {
            // Keep the key numbers; forget what they implied under other commitments.
            keyFacts.removeAll(keepingCapacity: true)
            keyInstances.removeAll(keepingCapacity: true)
            matches.removeAll(keepingCapacity: true)
            self.signature = signature
        }
    }
}
