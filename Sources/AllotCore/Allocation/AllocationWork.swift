/// One piece of cost on its way through the allocation steps: which BU carries it now, which group
/// it came from, and why.
struct WorkingEntry: Sendable {
    var bu: String
    /// Index of the originating group in `AllocationWork.groups`.
    var group: Int
    var category: AllocationCategory
    var amount: Amount
    var source: String
}

/// The state the allocation steps pass along: the groups, their classes, the entries so far, and
/// what the run reports besides the ledger.
struct AllocationWork: Sendable {
    let groups: [CostGroup]
    let classes: [LineClass]
    var entries: [WorkingEntry] = []
    var unmapped: [UnmappedKey: Amount] = [:]
    private(set) var warnings: [String] = []

    struct UnmappedKey: Sendable, Hashable {
        var org: String
        var account: String
        var productCode: String?
    }

    init(groups: [CostGroup], basis: CostBasis) {
        self.groups = groups
        self.classes = groups.map { $0.classify(basis: basis) }
    }

    /// Whether an entry is credit-eligible spend: the group's own cost (not an adjustment, credit or
    /// shared row) of an eligible line.
    func isCreditEligible(_ entry: WorkingEntry) -> Bool {
        let lineClass = classes[entry.group]
        return lineClass.isCreditEligible && entry.category == lineClass.category
    }

    /// Records a warning once.
    mutating func warn(_ message: String) {
        if !warnings.contains(message) { warnings.append(message) }
    }

    /// The entries as aggregated ledger rows.
    func ledger() -> [LedgerEntry] {
        LedgerEntry.aggregate(
            entries.lazy.map { entry in
                let group = groups[entry.group]
                return LedgerEntry(
                    bu: entry.bu, org: group.org, account: group.account, productCode: group.productCode,
                    category: entry.category, source: entry.source, amount: entry.amount)
            })
    }

    /// What fell to the default BU, largest magnitude first.
    func unmappedCosts(defaultBU: String) -> [UnmappedCost] {
        unmapped.filter { !$0.value.isZero }
            .map { UnmappedCost(org: $0.key.org, account: $0.key.account, productCode: $0.key.productCode, amount: $0.value, bu: defaultBU) }
            .sorted {
                $0.amount.magnitude != $1.amount.magnitude
                    ? $0.amount.magnitude > $1.amount.magnitude
                    : ($0.org, $0.account, $0.productCode ?? "") < ($1.org, $1.account, $1.productCode ?? "")
            }
    }
}
