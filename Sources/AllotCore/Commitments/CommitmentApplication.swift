/// The application of Reserved Instances and Savings Plans to one organization's usage in one hour.
///
/// This is the engine's input and entry point. It reproduces AWS's order
/// (`reference/aws-billing-rules.md` §3, ARCHITECTURE §8):
///
/// 1. **Reserved Instances** (§3.1), first each RI on its owner's usage, then, where owner and consumer
///    both share, on the rest of the organization. Within each of these two passes zonal RIs go first
///    (exact Availability Zone, type, platform and tenancy), then regional RIs that are not
///    size-flexible (exact type, platform and tenancy), then size-flexible regional RIs (Linux/UNIX,
///    shared tenancy; normalized units; smallest size first). RIs of one class go in ID order.
/// 2. **EC2 Instance Savings Plans**, then **Compute Savings Plans**, then **SageMaker Savings Plans**
///    (§3.2), on what the RIs left. Plans of a type are pooled: first every plan covers its owner's
///    usage, then every plan (whose owner shares) covers the sharing accounts' usage; plans go in ID
///    order. A plan takes usage with the highest savings percentage (`1 − rate ÷ On-Demand rate`)
///    first, ties to the lowest rate. When its remaining commitment covers only part of a line it
///    covers `remaining ÷ rate` of it (half-even at 20 places) and is used up for the hour.
/// 3. What is left of each line is On-Demand.
///
/// Every ordering ends with the account ID and the line ID, so the result does not depend on the
/// order of the input arrays. Sharing follows ``SharingPreferences`` (§3.3).
///
/// ```swift
/// let result = try CommitmentApplication(
///     memberAccounts: ["111122223333", "444455556666"],
///     usage: lines, reservedInstances: ris, savingsPlans: plans
/// ).apply()
/// for line in result.lines { … result.coverages(of: line) … }
/// ```
public struct CommitmentApplication: Sendable {
    /// Every account of the organization. Usage and commitments of other accounts are refused:
    /// a commitment applies only inside its owner's organization (§3.4).
    public var memberAccounts: Set<String>
    /// The organization's sharing preferences.
    public var sharing: SharingPreferences
    /// The hour's usage lines; IDs must be unique.
    public var usage: [UsageLine]
    /// The Reserved Instances active during the hour.
    public var reservedInstances: [ReservedInstance]
    /// The Savings Plans active during the hour.
    public var savingsPlans: [SavingsPlan]

    public init(
        memberAccounts: Set<String>,
        sharing: SharingPreferences = .organizationWide,
        usage: [UsageLine],
        reservedInstances: [ReservedInstance] = [],
        savingsPlans: [SavingsPlan] = []
    ) {
        self.memberAccounts = memberAccounts
        self.sharing = sharing
        self.usage = usage
        self.reservedInstances = reservedInstances
        self.savingsPlans = savingsPlans
    }

    /// Applies the commitments to the usage. To apply many hours, keep a ``CommitmentEngine`` instead.
    ///
    /// - Returns: per usage line (in input order) its coverages and On-Demand remainder, and per
    ///   commitment (in input order) its used and unused amounts.
    /// - Throws: ``CommitmentError`` when the input is inconsistent: duplicate IDs, an account outside
    ///   the organization, a negative quantity or rate, a missing Savings Plan rate for eligible usage,
    ///   or a size-flexible RI meeting usage without a normalization factor.
    public func apply() throws(CommitmentError) -> ApplicationResult {
        var engine = CommitmentEngine()
        return try engine.apply(self)
    }
}
