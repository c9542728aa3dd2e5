extension ConfigValidator {
    /// Shared-cost rules: unique names, a source, exactly one kind of target, known BUs and organizations,
    /// and for `fixed` percentages over exactly the target BUs that sum to exactly 100.
    mutating func checkSharedCosts() {
        var firstByName: [String: Int] = [:]
        let list = ConfigPath.root.key("shared-costs")
        for (index, rule) in config.sharedCosts.enumerated() {
            let path = list.index(index)
            if rule.name.allSatisfy(\.isWhitespace) {
                report(path.key("name"), "must not be empty")
            } else if let first = firstByName[rule.name] {
                report(path.key("name"), "duplicate shared cost '\(rule.name)' (also shared-costs[\(first)])")
            } else {
                firstByName[rule.name] = index
            }
            checkSource(rule.source, at: path.key("source"))
            checkTargets(rule.targets, at: path.key("targets"))
            checkPercentages(rule, at: path)
        }
    }

    private mutating func checkSource(_ source: SharedCostSource, at path: ConfigPath) {
        if source.accounts == nil, source.bus == nil, source.productCodes == nil, source.lineItemTypes == nil {
            report(path, "give at least one of accounts, bus, product-codes, line-item-types")
        }
        checkList(source.accounts, at: path.key("accounts")) { $0.checkAccountId($1, at: $2) }
        checkUnique(source.accounts, at: path.key("accounts"))
        checkList(source.bus, at: path.key("bus")) { $0.checkBU($1, at: $2) }
        checkUnique(source.bus, at: path.key("bus"))
        checkList(source.productCodes, at: path.key("product-codes")) { $0.checkNotEmpty($1, at: $2) }
        checkLineItemTypes(source.lineItemTypes, at: path.key("line-item-types"))
    }

    private mutating func checkTargets(_ targets: SharedCostTargets, at path: ConfigPath) {
        let given = [targets.bus != nil, targets.allWithSpend == true, targets.orgs != nil].filter { $0 }.count
        if given != 1 { report(path, "give exactly one of bus, all-with-spend, orgs") }
        checkList(targets.bus, at: path.key("bus")) { $0.checkBU($1, at: $2) }
        checkUnique(targets.bus, at: path.key("bus"))
        checkList(targets.orgs, at: path.key("orgs")) { $0.checkOrganization($1, at: $2) }
        checkUnique(targets.orgs, at: path.key("orgs"))
    }

    /// `fixed` needs percentages per target BU, each in [0, 100], summing to exactly 100 (exact decimals);
    /// the other methods must not have any.
    private mutating func checkPercentages(_ rule: SharedCostRule, at rulePath: ConfigPath) {
        let path = rulePath.key("percentages")
        guard rule.method == .fixed else {
            if rule.percentages != nil { report(path, "only used by method fixed") }
            return
        }
        guard let percentages = rule.percentages else {
            report(path, "required for method fixed")
            return
        }
        guard let targets = rule.targets.bus else {
            report(rulePath.key("targets"), "method fixed needs targets.bus (the percentages are per target BU)")
            return
        }
        var sum = Amount.zero
        var summable = true
        for key in percentages.keys.sorted() {
            let text = percentages[key] ?? ""
            if !businessUnits.contains(key) {
                report(path.key(key), "unknown BU '\(key)'")
            } else if !targets.contains(key) {
                report(path.key(key), "'\(key)' is not a target")
            }
            guard let value = try? Amount(parsing: text) else {
                report(path.key(key), "'\(text)' is not a number")
                summable = false
                continue
            }
            if value.isNegative || value > Amount(100) {
                report(path.key(key), "\(text) is not in [0, 100]")
                summable = false
                continue
            }
            sum += value
        }
        var missing = Set<String>()
        for target in targets where percentages[target] == nil && missing.insert(target).inserted {
            report(path, "no percentage for target '\(target)'")
        }
        if summable, sum != Amount(100) {
            report(path, "sum to \(sum), must be exactly 100")
        }
    }
}
