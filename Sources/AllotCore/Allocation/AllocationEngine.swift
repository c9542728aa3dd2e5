/// Allocates the grouped line items of a period to business units under one rule set: the pure core
/// of `allot allocate` (no I/O; the store feeds it groups and writes its ledger).
///
/// The steps, in order (`docs/configuration.md`, "Policies in detail"; ARCHITECTURE §7):
/// 1. **Direct mapping.** A holding account's own commitment lines (RIFee, Savings Plan fees, RI
///    upfront fees) go to its declared BU; every other line to the BU of the first mapping rule that
///    matches (`bu-from-tag` falls through when the tag is absent or unmapped), else to the default BU,
///    which is reported as unmapped.
/// 2. **Unused commitment** (amortized bases, `consumers`): the unused amount of each commitment is
///    split over the BUs whose covered usage references that commitment, by their covered cost.
/// 3. **Savings** (amortized bases, `retain-central` / `share`): consumers are charged (part of) the
///    saving of their covered usage — on-demand cost − effective cost — and the central BU is
///    credited the same, in the same organization.
/// 4. **Credits**: kept as billed, pooled per organization or across all of them and split by each
///    BU's credit-eligible spend (`reference/aws-billing-rules.md` §6), or directed to one BU.
/// 5. **Shared costs**: every row matching a shared-cost source (first rule that matches) is split
///    over the rule's targets (even / proportional to direct cost / fixed percentages); the row keeps
///    its organization, account and product code.
///
/// Every split is a largest-remainder split at full precision (`Split`), so for every organization
/// Σ ledger = Σ line items exactly (`Reconciliation`).
public struct AllocationEngine: Sendable {
    public let configuration: AllotConfiguration
    /// The BU tree of the rule set.
    public let tree: BusinessUnitTree
    let rules: [CompiledMappingRule]
    /// Holding account → the BU owning its commitments.
    let holdingBUs: [String: String]
    /// Account names declared in the configuration.
    let declaredNames: [String: String]

    /// Prepares a rule set.
    ///
    /// - Throws: `AllocationError` (`invalidConfiguration`) when the rule set names a BU outside its
    ///   tree or a policy lacks what it needs.
    public init(configuration: AllotConfiguration) throws {
        let tree = BusinessUnitTree(configuration)
        try Self.validate(configuration, tree: tree)
        self.configuration = configuration
        self.tree = tree
        self.rules = configuration.rules.enumerated().map { CompiledMappingRule($1, position: $0) }
        var holding: [String: String] = [:]
        for declaration in configuration.holdingAccounts where holding[declaration.account] == nil {
            holding[declaration.account] = declaration.bu
        }
        self.holdingBUs = holding
        var names: [String: String] = [:]
        for account in configuration.accounts { if let name = account.name { names[account.id] = name } }
        self.declaredNames = names
    }

    /// What the store must group line items by for this rule set.
    public var dimensions: GroupingDimensions { GroupingDimensions(configuration: configuration) }

    /// Allocates one period's groups.
    ///
    /// Groups whose amount and on-demand cost are both zero are skipped. The result's ledger
    /// reconciles with `input.totalsByOrganization` by construction; the store verifies it again in SQL.
    public func allocate(_ input: AllocationInput) throws -> AllocationResult {
        let policies = configuration.policies
        var work = AllocationWork(
            groups: input.groups.filter { !$0.amount.isZero || !$0.onDemandCost.isZero }, basis: policies.costBasis)
        mapDirectly(&work, accountNames: input.accountNames.merging(declaredNames) { _, declared in declared })
        if policies.costBasis != .unblended {
            if policies.unusedCommitment == .consumers { try spreadUnusedCommitment(&work) }
            try applySavings(&work)
        }
        try applyCredits(&work)
        try applySharedCosts(&work)
        return AllocationResult(
            ledger: work.ledger(), unmapped: work.unmappedCosts(defaultBU: configuration.defaultBU), warnings: work.warnings)
    }

    /// Step 1: every group to one BU.
    func mapDirectly(_ work: inout AllocationWork, accountNames: [String: String]) {
        work.entries.reserveCapacity(work.groups.count)
        for (index, group) in work.groups.enumerated() {
            let lineClass = work.classes[index]
            if lineClass.isCommitmentLine, let bu = holdingBUs[group.owningAccount] {
                work.entries.append(
                    WorkingEntry(
                        bu: bu, group: index, category: lineClass.category, amount: group.amount,
                        source: "holding account \(group.owningAccount)"))
                continue
            }
            let name = accountNames[group.account]
            var mapped: WorkingEntry? = nil
            for rule in rules {
                if let bu = rule.bu(for: group, accountName: name) {
                    mapped = WorkingEntry(bu: bu, group: index, category: lineClass.category, amount: group.amount, source: rule.description)
                    break
                }
            }
            if let mapped {
                work.entries.append(mapped)
            } else {
                work.entries.append(
                    WorkingEntry(
                        bu: configuration.defaultBU, group: index, category: lineClass.category, amount: group.amount,
                        source: "default BU"))
                let key = AllocationWork.UnmappedKey(org: group.org, account: group.account, productCode: group.productCode)
                work.unmapped[key, default: .zero] += group.amount
            }
        }
    }
}
