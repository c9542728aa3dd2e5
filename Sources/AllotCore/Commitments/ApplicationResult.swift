/// The outcome of a ``CommitmentApplication``: what covered each usage line, and how much of each
/// commitment was used.
///
/// Exact identities (tested): for each line, `coveredQuantity(of:) + uncoveredQuantity = quantity`; for each
/// Savings Plan, `usedCommitment = Σ effectiveCost` of its coverages and `used + unused = commitment`;
/// for each Reserved Instance, `usedCost = Σ effectiveCost` of its coverages and `used + unused = total`.
public struct ApplicationResult: Sendable {
    /// One outcome per usage line, in the order of ``CommitmentApplication/usage``.
    public let lines: [LineOutcome]
    /// All coverages, grouped by line in the order of ``lines``; each line's coverages are in
    /// application order (RIs before Savings Plans).
    public let coverages: [Coverage]
    /// One entry per Reserved Instance, in the order of ``CommitmentApplication/reservedInstances``.
    public let reservedInstances: [ReservedInstanceUtilization]
    /// One entry per Savings Plan, in the order of ``CommitmentApplication/savingsPlans``.
    public let savingsPlans: [SavingsPlanUtilization]

    public init(
        lines: [LineOutcome],
        coverages: [Coverage],
        reservedInstances: [ReservedInstanceUtilization],
        savingsPlans: [SavingsPlanUtilization]
    ) {
        self.lines = lines
        self.coverages = coverages
        self.reservedInstances = reservedInstances
        self.savingsPlans = savingsPlans
    }

    /// The coverages of one line, in application order.
    public func coverages(of line: LineOutcome) -> ArraySlice<Coverage> {
        coverages[line.coverageRange]
    }

    /// The quantity of a line covered by commitments: the sum of its coverages' quantities.
    public func coveredQuantity(of line: LineOutcome) -> Amount {
        var total = Amount.zero
        for coverage in coverages[line.coverageRange] { total += coverage.quantity }
        return total
    }

    /// The hour's amortized cost of the usage and commitments: covered usage at its effective cost,
    /// uncovered usage at On-Demand, plus the unused RI and Savings Plan cost on the owners
    /// (`reference/aws-billing-rules.md` §1.6 (b)).
    public var amortizedCost: Amount {
        var total = Amount.zero
        for coverage in coverages { total += coverage.effectiveCost }
        for line in lines { total += line.uncoveredCost }
        for ri in reservedInstances { total += ri.unusedCost }
        for plan in savingsPlans { total += plan.unusedCommitment }
        return total
    }

    /// The hour's On-Demand equivalent of all usage: what it would cost without commitments.
    public var onDemandCost: Amount {
        var total = Amount.zero
        for coverage in coverages { total += coverage.onDemandCost }
        for line in lines { total += line.uncoveredCost }
        return total
    }
}
