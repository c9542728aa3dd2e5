extension AttributeKey {
    /// The canonical key of a tag as a rule spells it: `resourceTags/user:cost_center` (legacy column),
    /// `resource_tags_user_cost_center` (Athena column) and `user_cost_center` (CUR 2.0 map key) all give
    /// `user_cost_center`, the key ingestion stores. Empty when nothing of a key is left.
    public static func tagKey(_ raw: String) -> String {
        categoryKey(raw, legacyCategory: "resourcetags", snakePrefix: "resource_tags_")
    }

    /// The canonical name of a cost category as a rule spells it (`costCategory/Charge type`,
    /// `cost_category_charge_type`, `Charge type` → `charge_type`).
    public static func costCategoryName(_ raw: String) -> String {
        categoryKey(raw, legacyCategory: "costcategory", snakePrefix: "cost_category_")
    }

    private static func categoryKey(_ raw: String, legacyCategory: String, snakePrefix: String) -> String {
        if let slash = raw.firstIndex(of: "/"), raw[..<slash].lowercased() == legacyCategory {
            return canonical(raw[raw.index(after: slash)...])
        }
        let key = canonical(raw)
        if key.hasPrefix(snakePrefix), key.count > snakePrefix.count { return String(key.dropFirst(snakePrefix.count)) }
        return key
    }
}

extension AllotConfiguration {
    /// The document as it is stored and used: tag keys and cost-category names canonical (as ingestion stores
    /// them), everything else as written. Validate first: keys that collide once canonical are reported there.
    public func canonicalized() -> AllotConfiguration {
        var copy = self
        copy.rules = rules.map { rule in
            var rule = rule
            rule.match.tags = rule.match.tags.map { Self.canonicalKeys($0, AttributeKey.tagKey) }
            rule.match.costCategories = rule.match.costCategories.map { Self.canonicalKeys($0, AttributeKey.costCategoryName) }
            if var fromTag = rule.buFromTag {
                fromTag.tag = AttributeKey.tagKey(fromTag.tag)
                rule.buFromTag = fromTag
            }
            return rule
        }
        return copy
    }

    private static func canonicalKeys(_ map: [String: [String]], _ canonical: (String) -> String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for key in map.keys.sorted() {
            result[canonical(key), default: []].append(contentsOf: map[key] ?? [])
        }
        return result
    }
}
