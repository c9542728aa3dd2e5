/// A part of a usage line covered by one commitment.
///
/// In CUR terms (`reference/aws-billing-rules.md` §1.3–§1.6), a Reserved Instance coverage is a
/// `DiscountedUsage` line whose `reservation_effective_cost` is ``effectiveCost``; a Savings Plan
/// coverage is a `SavingsPlanCoveredUsage` line whose unblended cost is ``onDemandCost`` and whose
/// `savings_plan_savings_plan_effective_cost` is ``effectiveCost`` (= ``quantity`` × ``savingsPlanRate``).
public struct Coverage: Sendable, Hashable {
    /// The covered line's ``UsageLine/id``.
    public let lineID: Int
    /// The commitment that covers it.
    public let commitment: CommitmentReference
    /// The covered usage quantity, in the line's unit (instance-hours for EC2); may be fractional.
    public let quantity: Amount
    /// Normalized units (RI) or rate (Savings Plan): one stored field for both keeps the value small.
    private let detail: Amount
    /// The amortized cost of the covered part: the RI's share of its hourly effective cost, or
    /// `quantity × savingsPlanRate` for a Savings Plan.
    public let effectiveCost: Amount
    /// What the covered part would cost at On-Demand: `quantity × onDemandRate`.
    public let onDemandCost: Amount

    /// Creates a coverage; `normalizedUnits` is given for a Reserved Instance, `savingsPlanRate` for a plan.
    public init(
        lineID: Int,
        commitment: CommitmentReference,
        quantity: Amount,
        normalizedUnits: Amount?,
        savingsPlanRate: Amount?,
        effectiveCost: Amount,
        onDemandCost: Amount
    ) {
        self.lineID = lineID
        self.commitment = commitment
        self.quantity = quantity
        self.detail = (commitment.kind == .savingsPlan ? savingsPlanRate : normalizedUnits) ?? .zero
        self.effectiveCost = effectiveCost
        self.onDemandCost = onDemandCost
    }

    /// For a Reserved Instance: the normalized units of the RI consumed (`quantity × factor`);
    /// nil for a Savings Plan.
    public var normalizedUnits: Amount? { commitment.kind == .reservedInstance ? detail : nil }

    /// For a Savings Plan: the rate per unit applied; nil for a Reserved Instance.
    public var savingsPlanRate: Amount? { commitment.kind == .savingsPlan ? detail : nil }
}
