extension ConfigValidator {
    /// Each rule: exactly one target (a BU, or a tag's value mapped to BUs), known BUs and organizations,
    /// account ids, a valid glob, tag keys and cost-category names that canonicalise without colliding,
    /// known line item types, and no empty lists.
    mutating func checkRules() {
        let list = ConfigPath.root.key("rules")
        for (index, rule) in config.rules.enumerated() {
            let path = list.index(index)
            if let name = rule.name { checkNotEmpty(name, at: path.key("name")) }
            checkMatch(rule.match, at: path.key("match"))
            switch (rule.bu, rule.buFromTag) {
            case (let bu?, nil):
                checkBU(bu, at: path.key("bu"))
            case (nil, let fromTag?):
                checkTagToBU(fromTag, at: path.key("bu-from-tag"))
            case (.some, .some):
                report(path, "has both bu and bu-from-tag; give exactly one")
            case (nil, nil):
                report(path, "has neither bu nor bu-from-tag; give exactly one")
            }
        }
    }

    private mutating func checkMatch(_ match: LineMatch, at path: ConfigPath) {
        checkList(match.accounts, at: path.key("accounts")) { $0.checkAccountId($1, at: $2) }
        checkUnique(match.accounts, at: path.key("accounts"))
        if let pattern = match.accountName { checkGlob(pattern, at: path.key("account-name")) }
        checkList(match.orgs, at: path.key("orgs")) { $0.checkOrganization($1, at: $2) }
        checkUnique(match.orgs, at: path.key("orgs"))
        if let tags = match.tags {
            checkAttributeMap(tags, at: path.key("tags"), what: "tag key", canonical: AttributeKey.tagKey)
        }
        if let categories = match.costCategories {
            checkAttributeMap(categories, at: path.key("cost-categories"), what: "cost category", canonical: AttributeKey.costCategoryName)
        }
        checkList(match.productCodes, at: path.key("product-codes")) { $0.checkNotEmpty($1, at: $2) }
        checkLineItemTypes(match.lineItemTypes, at: path.key("line-item-types"))
    }

    /// A `key: [values]` map of tags or cost categories: keys that are keys, that do not collide once
    /// canonical, and at least one value each.
    private mutating func checkAttributeMap(
        _ map: [String: [String]], at path: ConfigPath, what: String, canonical: (String) -> String
    ) {
        if map.isEmpty { report(path, "an empty map matches nothing; leave the key out instead") }
        var firstByCanonical: [String: String] = [:]
        for key in map.keys.sorted() {
            let canonicalKey = canonical(key)
            if canonicalKey.isEmpty {
                report(path.key(key), "'\(key)' is not a \(what)")
            } else if let first = firstByCanonical[canonicalKey] {
                report(path.key(key), "'\(key)' and '\(first)' are the same \(what) (\(canonicalKey))")
            } else {
                firstByCanonical[canonicalKey] = key
            }
            checkList(map[key], at: path.key(key))
        }
    }

    private mutating func checkTagToBU(_ fromTag: TagToBU, at path: ConfigPath) {
        if AttributeKey.tagKey(fromTag.tag).isEmpty { report(path.key("tag"), "'\(fromTag.tag)' is not a tag key") }
        if fromTag.values.isEmpty { report(path.key("values"), "map at least one tag value to a BU") }
        for value in fromTag.values.keys.sorted() {
            checkBU(fromTag.values[value] ?? "", at: path.key("values").key(value))
        }
    }
}
