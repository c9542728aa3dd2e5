/// What a group of line items is, for the policies: its category and the roles it plays.
struct LineClass: Sendable, Hashable {
    /// The ledger category of the group's own cost.
    var category: AllocationCategory
    /// A commitment's own line on the holding account (RIFee, SP recurring/upfront fee, RI upfront
    /// `Fee`): it goes to the holding account's BU when the owner is a declared holding account.
    var isCommitmentLine: Bool
    /// Covered usage whose effective cost carries a saving (`DiscountedUsage`, `SavingsPlanCoveredUsage`).
    var isCoveredUsage: Bool
    /// Counts as credit-eligible spend when credits are pooled.
    var isCreditEligible: Bool
}

extension CostGroup {
    /// The category and roles of the group on `basis` (table in `AllocationCategory`).
    ///
    /// Credit eligibility (`reference/aws-billing-rules.md` §6): usage, covered usage and unused
    /// commitment are eligible; on the unblended basis the recurring RI/SP fees are too (credits can
    /// pay No/Partial Upfront hourly charges), upfront fees never. AWS Marketplace lines, tax, fees,
    /// credits and other types are never eligible.
    func classify(basis: CostBasis) -> LineClass {
        let amortizedBasis = basis != .unblended
        let type = lineItemType
        let category: AllocationCategory
        var isCommitmentLine = false
        var isCoveredUsage = false
        var eligible = false
        switch type {
        case .usage:
            category = .usage
            eligible = true
        case .discountedUsage, .savingsPlanCoveredUsage:
            category = .commitmentCovered
            isCoveredUsage = true
            eligible = true
        case .savingsPlanNegation:
            category = .commitmentCovered
            eligible = true
        case .riFee, .savingsPlanRecurringFee:
            category = amortizedBasis ? .commitmentUnused : .fee
            isCommitmentLine = true
            eligible = true
        case .savingsPlanUpfrontFee:
            category = .fee
            isCommitmentLine = true
        case .fee:
            category = .fee
            isCommitmentLine = commitmentARN.map { !$0.isEmpty } ?? false
        case .credit, .refund:
            category = .credit
        case .tax:
            category = .tax
        default:
            category = .other
        }
        return LineClass(
            category: category, isCommitmentLine: isCommitmentLine, isCoveredUsage: isCoveredUsage,
            isCreditEligible: eligible && !isMarketplace)
    }
}
