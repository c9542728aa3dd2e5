extension AllocationEngine {
    /// Checks what the engine relies on: every BU the rule set names is in the tree, every policy has
    /// what it needs. `allot apply` validates the same and more; this guards runs against a document
    /// stored by an older or buggy version. Messages name the path in the file.
    static func validate(_ configuration: AllotConfiguration, tree: BusinessUnitTree) throws {
        func requireBU(_ id: String, _ path: String) throws {
            guard tree.contains(id) else { throw invalid("\(path): unknown BU '\(id)'") }
        }
        try requireBU(configuration.defaultBU, "default-bu")
        for (index, rule) in configuration.rules.enumerated() {
            switch (rule.bu, rule.buFromTag) {
            case (let bu?, nil):
                try requireBU(bu, "rules[\(index)].bu")
            case (nil, let fromTag?):
                for (value, bu) in fromTag.values.sorted(by: { $0.key < $1.key }) {
                    try requireBU(bu, "rules[\(index)].bu-from-tag.values.\(value)")
                }
            default:
                throw invalid("rules[\(index)]: give exactly one of bu and bu-from-tag")
            }
        }
        for (index, holding) in configuration.holdingAccounts.enumerated() {
            try requireBU(holding.bu, "holding-accounts[\(index)].bu")
        }
        let policies = configuration.policies
        if policies.savings.mode != .passThrough {
            guard let central = policies.savings.centralBU else {
                throw invalid("policies.savings.central-bu: required for \(policies.savings.mode.rawValue)")
            }
            try requireBU(central, "policies.savings.central-bu")
        }
        if policies.savings.mode == .share { _ = try sharePercent(policies.savings) }
        if policies.credits.mode == .directed {
            guard let bu = policies.credits.bu else { throw invalid("policies.credits.bu: required for directed") }
            try requireBU(bu, "policies.credits.bu")
        }
        for (index, rule) in configuration.sharedCosts.enumerated() {
            let path = "shared-costs[\(index)]"
            for bu in rule.source.bus ?? [] { try requireBU(bu, "\(path).source.bus") }
            for bu in rule.targets.bus ?? [] { try requireBU(bu, "\(path).targets.bus") }
            let kinds = [rule.targets.bus != nil, rule.targets.allWithSpend == true, rule.targets.orgs != nil]
            guard kinds.filter({ $0 }).count == 1 else {
                throw invalid("\(path).targets: give exactly one of bus, all-with-spend, orgs")
            }
            if rule.method == .fixed { _ = try percentages(of: rule, path: path, tree: tree) }
        }
    }

    /// The `share-percent` of the savings policy as an exact decimal in 0…100.
    static func sharePercent(_ savings: SavingsPolicy) throws -> Amount {
        guard let text = savings.sharePercent, let value = Amount(text), value >= .zero, value <= Amount(100) else {
            throw invalid("policies.savings.share-percent: give a number from 0 to 100 for share")
        }
        return value
    }

    /// The fixed percentages of a shared-cost rule: every key a BU, every value ≥ 0, summing to 100.
    static func percentages(of rule: SharedCostRule, path: String, tree: BusinessUnitTree) throws -> [String: Amount] {
        guard let percentages = rule.percentages, !percentages.isEmpty else {
            throw invalid("\(path).percentages: required for fixed")
        }
        var result: [String: Amount] = [:]
        for (bu, text) in percentages.sorted(by: { $0.key < $1.key }) {
            guard tree.contains(bu) else { throw invalid("\(path).percentages: unknown BU '\(bu)'") }
            guard let value = Amount(text), value >= .zero else {
                throw invalid("\(path).percentages.\(bu): '\(text)' is not a non-negative number")
            }
            result[bu] = value
        }
        let total = result.values.sum()
        guard total == Amount(100) else { throw invalid("\(path).percentages: they sum to \(total), not 100") }
        if let listed = rule.targets.bus, Set(listed) != Set(result.keys) {
            throw invalid("\(path).percentages: the keys must be the targets (\(listed.joined(separator: ", ")))")
        }
        return result
    }

    private static func invalid(_ message: String) -> AllocationError {
        AllocationError(.invalidConfiguration, message)
    }
}
