import AllotCore

/// What `allot generate` builds: organizations, their accounts and usage, holding accounts with their
/// Reserved Instances and Savings Plans, moves between organizations, credits, discounts, tax and
/// support, over one or more billing periods.
///
/// Read one from YAML with ``ScenarioReader`` or take a ``ScenarioPreset``; the format is described
/// in the README ("Synthetic CUR deliveries") and `docs/demo-scenario.md` shows a complete example.
/// A scenario read by ``ScenarioReader`` has been checked: ids are unique, every reference resolves,
/// every account is in one organization at every instant, and prices exist for every instance.
public struct Scenario: Sendable {
    /// A name for messages and the summary.
    public var name: String
    /// The customer owning every organization (ARCHITECTURE §4: commitments move only within one).
    public var customer: String
    /// The seed used when the command line gives none.
    public var seed: UInt64?
    /// The billing periods to generate, in order.
    public var periods: [ScenarioPeriod]
    /// The organizations: one CUR delivery each per period.
    public var organizations: [ScenarioOrganization]
    /// Every account, with its organization at the start of the first period.
    public var accounts: [ScenarioAccount]
    /// Accounts owning Reserved Instances and Savings Plans.
    public var holdingAccounts: [HoldingAccount]
    /// Accounts leaving one organization for another.
    public var moves: [AccountMove]
    /// Usage profiles by name.
    public var profiles: [UsageProfile]
    /// Credits applied to accounts' bills.
    public var credits: [CreditGrant]
    /// On-Demand rates that replace or extend the built-in price list.
    public var prices: [PriceOverride]

    /// Internal memberwise initializer; scenarios come from ``ScenarioReader`` or a preset.
    init(
        name: String, customer: String, seed: UInt64?, periods: [ScenarioPeriod],
        organizations: [ScenarioOrganization], accounts: [ScenarioAccount], holdingAccounts: [HoldingAccount],
        moves: [AccountMove], profiles: [UsageProfile], credits: [CreditGrant], prices: [PriceOverride]
    ) {
        self.name = name
        self.customer = customer
        self.seed = seed
        self.periods = periods
        self.organizations = organizations
        self.accounts = accounts
        self.holdingAccounts = holdingAccounts
        self.moves = moves
        self.profiles = profiles
        self.credits = credits
        self.prices = prices
    }

    /// The organization with `id`, if any.
    public func organization(_ id: String) -> ScenarioOrganization? {
        organizations.first { $0.id == id }
    }

    /// The account with `id`, if any.
    public func account(_ id: String) -> ScenarioAccount? {
        accounts.first { $0.id == id }
    }

    /// The profile named `name`, if any.
    public func profile(_ name: String) -> UsageProfile? {
        profiles.first { $0.name == name }
    }
}
