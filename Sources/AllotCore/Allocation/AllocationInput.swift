/// What one allocation works on: the grouped line items of a period and the names of their accounts.
public struct AllocationInput: Sendable, Hashable {
    /// The line items of the run's organizations and period, grouped (see `GroupingDimensions`), with
    /// amounts on the rule set's cost basis.
    public var groups: [CostGroup]
    /// Account names for `match.account-name` (names declared in the configuration take precedence).
    public var accountNames: [String: String]
    /// The organizations of the run; each one is reconciled, even without line items.
    public var organizations: [String]

    public init(groups: [CostGroup], accountNames: [String: String] = [:], organizations: [String]? = nil) {
        self.groups = groups
        self.accountNames = accountNames
        self.organizations = organizations ?? Array(Set(groups.map(\.org))).sorted()
    }

    /// Σ amounts per organization (every organization of the run, zero when it has no lines).
    public var totalsByOrganization: [String: Amount] {
        var totals = Dictionary(uniqueKeysWithValues: organizations.map { ($0, Amount.zero) })
        for group in groups { totals[group.org, default: .zero] += group.amount }
        return totals
    }
}
