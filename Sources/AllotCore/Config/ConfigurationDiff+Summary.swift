extension ConfigurationDiff {
    /// One-line renderings of parts of a configuration, for diff lines.
    enum Summary {
        /// `accounts 111111111112; orgs mgmt; tags user_team=security|secops`, or `everything`.
        static func match(_ match: LineMatch) -> String {
            var parts: [String] = []
            if let accounts = match.accounts { parts.append("accounts " + accounts.joined(separator: ", ")) }
            if let name = match.accountName { parts.append("account-name " + name) }
            if let orgs = match.orgs { parts.append("orgs " + orgs.joined(separator: ", ")) }
            if let tags = match.tags { parts.append("tags " + map(tags)) }
            if let categories = match.costCategories { parts.append("cost-categories " + map(categories)) }
            if let codes = match.productCodes { parts.append("product-codes " + codes.joined(separator: ", ")) }
            if let types = match.lineItemTypes { parts.append("line-item-types " + types.joined(separator: ", ")) }
            return parts.isEmpty ? "everything" : parts.joined(separator: "; ")
        }

        /// `bu security`, or `bu-from-tag user_cost_center (CC-100 → web, CC-200 → data)`.
        static func target(_ rule: MappingRule) -> String {
            if let bu = rule.bu { return "bu \(bu)" }
            guard let fromTag = rule.buFromTag else { return "(none)" }
            let values = fromTag.values.keys.sorted().map { "\($0) → \(fromTag.values[$0] ?? "")" }
            return "bu-from-tag \(fromTag.tag) (\(values.joined(separator: ", ")))"
        }

        /// `orgs workload-a, workload-b → bu-from-tag user_cost_center (…)`.
        static func rule(_ rule: MappingRule) -> String {
            "\(match(rule.match)) → \(target(rule))"
        }

        /// `accounts 111111111112; bus security; line-item-types Tax`.
        static func source(_ source: SharedCostSource) -> String {
            var parts: [String] = []
            if let accounts = source.accounts { parts.append("accounts " + accounts.joined(separator: ", ")) }
            if let bus = source.bus { parts.append("bus " + bus.joined(separator: ", ")) }
            if let codes = source.productCodes { parts.append("product-codes " + codes.joined(separator: ", ")) }
            if let types = source.lineItemTypes { parts.append("line-item-types " + types.joined(separator: ", ")) }
            return parts.isEmpty ? "(none)" : parts.joined(separator: "; ")
        }

        /// `bus web, data`, `all BUs with spend`, or `BUs with spend in orgs workload-a, workload-b`.
        static func targets(_ targets: SharedCostTargets) -> String {
            if let bus = targets.bus { return "bus " + bus.joined(separator: ", ") }
            if let orgs = targets.orgs { return "BUs with spend in orgs " + orgs.joined(separator: ", ") }
            return targets.allWithSpend == true ? "all BUs with spend" : "(none)"
        }

        /// `data 40, web 60` (by BU id), or `(none)`.
        static func percentages(_ percentages: [String: String]?) -> String {
            guard let percentages else { return "(none)" }
            return percentages.keys.sorted().map { "\($0) \(percentages[$0] ?? "")" }.joined(separator: ", ")
        }

        /// `proportional from accounts 111111111112 over bus web, data`.
        static func sharedCost(_ rule: SharedCostRule) -> String {
            var text = "\(rule.method.rawValue) from \(source(rule.source)) over \(targets(rule.targets))"
            if rule.percentages != nil { text += " (\(percentages(rule.percentages)))" }
            return text
        }

        /// `workload-a from 2026-01-01 to 2026-10-15T00:00:00Z, workload-b from 2026-10-15T00:00:00Z`, or
        /// `no history`.
        static func history(_ history: [MembershipInterval]) -> String {
            guard !history.isEmpty else { return "no history" }
            return history.map { "\($0.org) from \($0.from)" + ($0.to.map { " to \($0)" } ?? "") }.joined(separator: ", ")
        }

        /// `cost-basis amortized, unused-commitment owner, savings pass-through, credits as-billed`, with the
        /// settings each mode has in parentheses.
        static func policies(_ policies: AllocationPolicies) -> String {
            var savings = policies.savings.mode.rawValue
            let savingsSettings = [policies.savings.centralBU.map { "central-bu \($0)" }, policies.savings.sharePercent.map { "share-percent \($0)" }]
                .compactMap { $0 }
            if !savingsSettings.isEmpty { savings += " (" + savingsSettings.joined(separator: ", ") + ")" }
            let credits = policies.credits.mode.rawValue + (policies.credits.bu.map { " (bu \($0))" } ?? "")
            return "cost-basis \(policies.costBasis.rawValue), unused-commitment \(policies.unusedCommitment.rawValue), "
                + "savings \(savings), credits \(credits)"
        }

        private static func map(_ map: [String: [String]]) -> String {
            map.keys.sorted().map { "\($0)=" + (map[$0] ?? []).joined(separator: "|") }.joined(separator: ", ")
        }
    }
}
