/// How much of a Savings Plan's hourly commitment was used.
///
/// Cost Explorer's `SavingsPlansUtilization` for one hour (`reference/aws-billing-rules.md` §4) and the
/// hour's `SavingsPlanRecurringFee` figures (§1.5): ``usedCommitment`` is exactly the sum of the plan's
/// coverages' effective costs (Σ quantity × rate), and `usedCommitment + unusedCommitment = commitment`.
public struct SavingsPlanUtilization: Sendable, Hashable {
    /// ``SavingsPlan/id``.
    public let id: String
    /// The purchasing account, which carries the unused commitment.
    public let owner: String
    /// The hour's commitment (`savings_plan_total_commitment_to_date`).
    public let commitment: Amount
    /// Dollars of commitment used (`savings_plan_used_commitment`).
    public let usedCommitment: Amount
    /// `commitment − usedCommitment`: lost, use it or lose it.
    public let unusedCommitment: Amount
    /// What the covered usage would have cost at On-Demand (`OnDemandCostEquivalent`).
    public let onDemandCostEquivalent: Amount

    public init(id: String, owner: String, commitment: Amount, usedCommitment: Amount, onDemandCostEquivalent: Amount) {
        self.id = id
        self.owner = owner
        self.commitment = commitment
        self.usedCommitment = usedCommitment
        self.unusedCommitment = commitment - usedCommitment
        self.onDemandCostEquivalent = onDemandCostEquivalent
    }
}
