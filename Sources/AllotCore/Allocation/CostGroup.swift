/// Line items of one period aggregated by everything the rule set can tell apart: the unit the
/// allocation engine works on (never single rows).
///
/// The store builds groups with one set-based query over `line_items` (see `GroupingDimensions`);
/// tests build them by hand. Two line items that differ only in dimensions the rule set does not
/// reference fall into the same group.
public struct CostGroup: Sendable, Hashable {
    /// The organization (id) the lines were billed in.
    public var org: String
    /// `lineItem/UsageAccountId`: the consuming account, or the owner for fee lines.
    public var account: String
    /// `lineItem/ProductCode`.
    public var productCode: String?
    /// `lineItem/LineItemType`.
    public var lineItemType: LineItemType
    /// The RI or Savings Plan ARN of commitment lines.
    public var commitmentARN: String?
    /// The account owning that commitment (parsed from the ARN).
    public var commitmentOwner: String?
    /// `bill/BillingEntity` is `AWS Marketplace`: never credit-eligible.
    public var isMarketplace: Bool
    /// Values of the tag keys the rule set references (canonical keys); absent keys are missing.
    public var tags: [String: String]
    /// Values of the cost categories the rule set references (canonical names).
    public var costCategories: [String: String]
    /// Σ cost on the run's cost basis.
    public var amount: Amount
    /// Σ public on-demand cost of covered usage (`DiscountedUsage`, `SavingsPlanCoveredUsage`), for the
    /// savings policy; zero for other lines or when the policy does not need it.
    public var onDemandCost: Amount

    public init(
        org: String, account: String, productCode: String? = nil, lineItemType: LineItemType,
        commitmentARN: String? = nil, commitmentOwner: String? = nil, isMarketplace: Bool = false,
        tags: [String: String] = [:], costCategories: [String: String] = [:], amount: Amount,
        onDemandCost: Amount = .zero
    ) {
        self.org = org
        self.account = account
        self.productCode = productCode
        self.lineItemType = lineItemType
        self.commitmentARN = commitmentARN
        self.commitmentOwner = commitmentOwner
        self.isMarketplace = isMarketplace
        self.tags = tags
        self.costCategories = costCategories
        self.amount = amount
        self.onDemandCost = onDemandCost
    }

    /// The account owning the commitment of a fee line: the ARN's owner, else the line's account.
    public var owningAccount: String { commitmentOwner ?? account }
}
