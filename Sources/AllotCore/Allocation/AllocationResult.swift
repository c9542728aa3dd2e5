/// The outcome of an allocation: the ledger, what fell to the default BU, and notes.
public struct AllocationResult: Sendable, Hashable, Codable {
    /// Aggregated ledger rows, sorted by BU, organization, account, product, category, source.
    public var ledger: [LedgerEntry]
    /// Cost no rule matched (it went to the default BU), largest first.
    public var unmapped: [UnmappedCost]
    /// Things a reader of the run should know: a shared-cost rule without targets, a pool without
    /// eligible spend (the cost then stayed where it was).
    public var warnings: [String]

    public init(ledger: [LedgerEntry], unmapped: [UnmappedCost], warnings: [String]) {
        self.ledger = ledger
        self.unmapped = unmapped
        self.warnings = warnings
    }

    /// Σ ledger per BU (the BU's own rows only; see `BusinessUnitTree.rollUp` for subtotals).
    public var totalsByBU: [String: Amount] {
        var totals: [String: Amount] = [:]
        for entry in ledger { totals[entry.bu, default: .zero] += entry.amount }
        return totals
    }

    /// Σ ledger per organization the cost was billed in.
    public var totalsByOrganization: [String: Amount] {
        var totals: [String: Amount] = [:]
        for entry in ledger { totals[entry.org, default: .zero] += entry.amount }
        return totals
    }
}
