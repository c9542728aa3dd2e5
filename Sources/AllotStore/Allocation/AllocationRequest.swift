import AllotCore

/// What `allot allocate` asks for: one period, some or all organizations, one rule set.
public struct AllocationRequest: Sendable {
    public var period: BillingPeriod
    /// The organizations to allocate; nil: every organization with a current delivery for the period.
    public var organizations: [String]?
    /// The rule-set version recorded with the run.
    public var ruleSetVersion: Int
    /// That version's configuration (rule set, BU tree, policies).
    public var configuration: AllotConfiguration

    public init(period: BillingPeriod, organizations: [String]? = nil, ruleSetVersion: Int, configuration: AllotConfiguration) {
        self.period = period
        self.organizations = organizations
        self.ruleSetVersion = ruleSetVersion
        self.configuration = configuration
    }
}
