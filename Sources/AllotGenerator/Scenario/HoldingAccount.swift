/// An account that owns commitments (§3.7): its Reserved Instances and Savings Plans apply, hour by
/// hour, inside whichever organization the account is in at that hour (§3.4).
public struct HoldingAccount: Sendable, Hashable {
    /// The owner account id.
    public var account: String
    /// Its Reserved Instances.
    public var reservedInstances: [ReservedInstanceSpec]
    /// Its Savings Plans.
    public var savingsPlans: [SavingsPlanSpec]

    init(account: String, reservedInstances: [ReservedInstanceSpec], savingsPlans: [SavingsPlanSpec]) {
        self.account = account
        self.reservedInstances = reservedInstances
        self.savingsPlans = savingsPlans
    }
}
