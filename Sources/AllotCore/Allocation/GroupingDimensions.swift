/// What the line items of a run must be grouped by for a rule set: the fixed dimensions (organization,
/// account, product code, line item type, commitment, Marketplace) plus only the tag keys and cost
/// categories the rules reference, and whether covered usage needs its on-demand cost.
///
/// The store turns this into one `GROUP BY` over `line_items`; the engine then never sees single rows.
public struct GroupingDimensions: Sendable, Hashable {
    /// The cost column summed.
    public var basis: CostBasis
    /// Canonical tag keys referenced by `match.tags` or `bu-from-tag`, sorted.
    public var tagKeys: [String]
    /// Cost category names referenced by `match.cost-categories`, sorted.
    public var costCategories: [String]
    /// Whether to sum the public on-demand cost of covered usage (the savings policy needs it).
    public var needsOnDemandCost: Bool
    /// Whether any rule matches on account names.
    public var needsAccountNames: Bool

    public init(configuration: AllotConfiguration) {
        let policies = configuration.policies
        basis = policies.costBasis
        var tags = Set<String>()
        var categories = Set<String>()
        var names = false
        for rule in configuration.rules {
            if let matched = rule.match.tags { tags.formUnion(matched.keys) }
            if let matched = rule.match.costCategories { categories.formUnion(matched.keys) }
            if let fromTag = rule.buFromTag { tags.insert(fromTag.tag) }
            if rule.match.accountName != nil { names = true }
        }
        tagKeys = tags.sorted()
        costCategories = categories.sorted()
        needsOnDemandCost = policies.costBasis != .unblended && policies.savings.mode != .passThrough
        needsAccountNames = names
    }
}
