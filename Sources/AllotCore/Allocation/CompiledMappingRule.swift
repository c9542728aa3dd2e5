/// A mapping rule prepared for matching many groups: lists turned into sets, the glob compiled.
///
/// Semantics (`docs/configuration.md`): every condition given must hold (AND); a list means any of
/// its values (OR), so an empty list matches nothing. A missing tag, cost category, product code or
/// account name never matches. `bu-from-tag` yields no BU (the rule falls through) when the tag is
/// absent or its value is not in `values`.
struct CompiledMappingRule: Sendable {
    /// How the ledger names the rule: `rule 'by cost centre'`, or `rule #3` (1-based) when unnamed.
    let description: String
    let accounts: Set<String>?
    /// `account-name`: nil when not given; `.some(nil)` for a pattern `NameGlob` refuses (matches nothing).
    let accountName: NameGlob??
    let orgs: Set<String>?
    let tags: [(key: String, values: Set<String>)]
    let costCategories: [(key: String, values: Set<String>)]
    let productCodes: Set<String>?
    let lineItemTypes: Set<String>?
    let bu: String?
    let buFromTag: TagToBU?

    init(_ rule: MappingRule, position: Int) {
        description = rule.name.map { "rule '\($0)'" } ?? "rule #\(position + 1)"
        let match = rule.match
        accounts = match.accounts.map(Set.init)
        accountName = match.accountName.map { NameGlob($0) }
        orgs = match.orgs.map(Set.init)
        tags = (match.tags ?? [:]).sorted { $0.key < $1.key }.map { (key: $0.key, values: Set($0.value)) }
        costCategories = (match.costCategories ?? [:]).sorted { $0.key < $1.key }.map { (key: $0.key, values: Set($0.value)) }
        productCodes = match.productCodes.map(Set.init)
        lineItemTypes = match.lineItemTypes.map(Set.init)
        bu = rule.bu
        buFromTag = rule.buFromTag
    }

    /// Whether every condition holds for the group.
    func matches(_ group: CostGroup, accountName name: String?) -> Bool {
        if let accounts, !accounts.contains(group.account) { return false }
        if let orgs, !orgs.contains(group.org) { return false }
        if let productCodes {
            guard let code = group.productCode, productCodes.contains(code) else { return false }
        }
        if let lineItemTypes, !lineItemTypes.contains(group.lineItemType.rawValue) { return false }
        for condition in tags {
            guard let value = group.tags[condition.key], condition.values.contains(value) else { return false }
        }
        for condition in costCategories {
            guard let value = group.costCategories[condition.key], condition.values.contains(value) else { return false }
        }
        if let accountName {
            guard let glob = accountName, let name, glob.matches(name) else { return false }
        }
        return true
    }

    /// The BU the rule gives the group, or nil when it does not match or falls through.
    func bu(for group: CostGroup, accountName name: String?) -> String? {
        guard matches(group, accountName: name) else { return nil }
        if let bu { return bu }
        guard let buFromTag, let value = group.tags[buFromTag.tag] else { return nil }
        return buFromTag.values[value]
    }
}
