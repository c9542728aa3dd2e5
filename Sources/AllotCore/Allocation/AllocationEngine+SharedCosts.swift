extension AllocationEngine {
    /// Step 5, the shared-cost rules (`docs/configuration.md`; cost-category split charges,
    /// `reference/aws-billing-rules.md` §5.2).
    ///
    /// Every row (not already shared) that matches a rule's source — its account, its current BU, its
    /// product code or its line item type, any of them — is taken by the first such rule and split over
    /// that rule's targets; each part becomes a `shared:<name>` row of the target that keeps the
    /// source's organization, account and product code (so the management org's security account can be
    /// split over every workload org's BUs and each organization still reconciles).
    ///
    /// "Direct cost" is what each BU carries after steps 1–4 minus every row a shared rule takes; it
    /// is computed once, before any shared rule applies. Targets: the listed BUs (in the listed order),
    /// or every BU with positive direct cost (in the whole run, or in the given organizations), by id.
    /// Methods: `even`; `proportional` to each target's direct cost (within the given organizations
    /// for `orgs` targets; a negative one weighs zero; all zero → even); `fixed` percentages. A rule
    /// without targets leaves its rows where they are, with a warning.
    func applySharedCosts(_ work: inout AllocationWork) throws {
        let sharedRules = configuration.sharedCosts
        guard !sharedRules.isEmpty else { return }
        let taken: [Int?] = work.entries.map { entry in
            guard !entry.category.isShared else { return nil }
            let group = work.groups[entry.group]
            return sharedRules.firstIndex { Self.source($0.source, matches: group, bu: entry.bu) }
        }
        var direct: [String: [String: Amount]] = [:]
        for (entry, rule) in zip(work.entries, taken) where rule == nil {
            direct[work.groups[entry.group].org, default: [:]][entry.bu, default: .zero] += entry.amount
        }
        var plans: [Int: SharePlan] = [:]
        for index in Set(taken.compactMap { $0 }).sorted() {
            let rule = sharedRules[index]
            if let plan = try sharePlan(rule, index: index, direct: direct) {
                plans[index] = plan
            } else {
                work.warn("shared '\(rule.name)': no target BU has direct spend; its costs stay with their BUs")
            }
        }
        var result: [WorkingEntry] = []
        result.reserveCapacity(work.entries.count)
        for (entry, rule) in zip(work.entries, taken) {
            guard let rule, let plan = plans[rule] else {
                result.append(entry)
                continue
            }
            let parts = try Split.largestRemainder(entry.amount, weights: plan.weights)
            for (target, part) in zip(plan.targets, parts) {
                result.append(
                    WorkingEntry(
                        bu: target.bu, group: entry.group, category: plan.category, amount: part, source: target.source))
            }
        }
        work.entries = result
    }

    /// The targets of one shared-cost rule with their weights and ledger sources.
    struct SharePlan: Sendable {
        struct Target: Sendable {
            var bu: String
            var source: String
        }

        var category: AllocationCategory
        var targets: [Target]
        var weights: [Amount]
    }

    /// Whether a row matches a shared-cost source (any of its conditions).
    static func source(_ source: SharedCostSource, matches group: CostGroup, bu: String) -> Bool {
        if source.accounts?.contains(group.account) == true { return true }
        if source.bus?.contains(bu) == true { return true }
        if let code = group.productCode, source.productCodes?.contains(code) == true { return true }
        return source.lineItemTypes?.contains(group.lineItemType.rawValue) == true
    }

    /// Targets and weights of a rule, or nil when it has no target.
    func sharePlan(_ rule: SharedCostRule, index: Int, direct: [String: [String: Amount]]) throws -> SharePlan? {
        let scopeOrgs = rule.targets.orgs.map(Set.init)
        var cost: [String: Amount] = [:]
        for (org, bus) in direct where scopeOrgs?.contains(org) ?? true {
            for (bu, amount) in bus { cost[bu, default: .zero] += amount }
        }
        let withSpend = cost.filter { $0.value > .zero }.keys.sorted()
        var targets: [String]
        var seen = Set<String>()
        if let listed = rule.targets.bus {
            targets = listed.filter { seen.insert($0).inserted }
        } else {
            targets = withSpend
        }
        var weights: [Amount]
        switch rule.method {
        case .even:
            weights = targets.map { _ in Amount(1) }
        case .proportional:
            weights = targets.map { max(cost[$0] ?? .zero, .zero) }
            if weights.allSatisfy(\.isZero) { weights = targets.map { _ in Amount(1) } }
        case .fixed:
            let percentages = try Self.percentages(of: rule, path: "shared-costs[\(index)]", tree: tree)
            // The listed order when targets are listed, else by BU id; the percentages name the targets.
            let listed = rule.targets.bus == nil ? [] : targets.filter { percentages[$0] != nil }
            targets = listed + percentages.keys.filter { !listed.contains($0) }.sorted()
            weights = targets.map { percentages[$0] ?? .zero }
        }
        guard !targets.isEmpty else { return nil }
        let total = weights.sum()
        let method = rule.method.rawValue
        let planned = try zip(targets, weights).map { bu, weight in
            let percent = try Self.percent(weight, of: total)
            return SharePlan.Target(bu: bu, source: "shared '\(rule.name)' (\(method), \(percent) %)")
        }
        return SharePlan(category: .shared(rule.name), targets: planned, weights: weights)
    }

    /// `100 × part ÷ total`, rounded half-even to 2 places, trailing zeros dropped (`37.5`).
    static func percent(_ part: Amount, of total: Amount) throws -> String {
        guard !total.isZero else { return "0" }
        do {
            return try Amount(100).scaled(by: part, over: total).rounded(toPlaces: 2).description
        } catch {
            throw AllocationError(.overflow, "a shared-cost weight is out of range: \(error)")
        }
    }
}
