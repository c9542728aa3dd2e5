extension ApplicationLedger {
    private struct PoolKey: Hashable {
        let kind: SavingsPlan.Kind
        let rates: ObjectIdentifier
    }

    /// Applies the Savings Plans to what the Reserved Instances left (`reference/aws-billing-rules.md` §3.2).
    ///
    /// Types in order EC2 Instance, Compute, SageMaker. Within a type, first each plan (in ID order) on its
    /// owner's usage, then each plan whose owner shares on the other sharing accounts' usage; each in
    /// savings order (``SavingsPlanPool``).
    mutating func applySavingsPlans(workspace: inout EngineWorkspace) throws(CommitmentError) {
        guard !savingsPlans.isEmpty else { return }
        // Owners get slots; each line knows its account's slot (−1: not an owner).
        var slotOfRank = [Int32](repeating: -1, count: accounts.accounts.count)
        var ownerCount = 0
        for owner in accounts.savingsPlanOwners where slotOfRank[Int(owner)] < 0 {
            slotOfRank[Int(owner)] = Int32(ownerCount)
            ownerCount += 1
        }

        let order = savingsPlans.indices.sorted {
            (savingsPlans[$0].kind.applicationRank, savingsPlans[$0].id) < (savingsPlans[$1].kind.applicationRank, savingsPlans[$1].id)
        }
        // One pool per kind and rate table.
        var pools: [SavingsPlanPool] = []
        var poolNumbers: [PoolKey: Int] = [:]
        var members: [[Int]] = []
        var poolOfPlan = [Int](repeating: 0, count: savingsPlans.count)
        for plan in order {
            let key = PoolKey(kind: savingsPlans[plan].kind, rates: savingsPlans[plan].rates.identity)
            if let number = poolNumbers[key] {
                members[number].append(plan)
                poolOfPlan[plan] = number
            } else {
                poolNumbers[key] = members.count
                poolOfPlan[plan] = members.count
                members.append([plan])
            }
        }
        var eligibleByKind: [SavingsPlan.Kind: [Int32]] = [:]
        for plans in members {
            let kind = savingsPlans[plans[0]].kind
            let eligible = eligibleByKind[kind] ?? eligibleLines(for: kind)
            eligibleByKind[kind] = eligible
            let order = workspace.savingsOrder(of: savingsPlans[plans[0]].rates)
            pools.append(
                try makePool(of: plans, eligible: eligible, order: &workspace.savingsOrders[order], ownerSlots: slotOfRank, ownerCount: ownerCount)
            )
        }

        var start = 0
        while start < order.count {
            let rank = savingsPlans[order[start]].kind.applicationRank
            var end = start
            while end < order.count, savingsPlans[order[end]].kind.applicationRank == rank { end += 1 }
            try applySavingsPlanType(Array(order[start..<end]), pools: &pools, poolOfPlan: poolOfPlan, slotOfRank: slotOfRank)
            start = end
        }
    }

    /// The lines with usage a plan of this kind may cover, in account/line order.
    private func eligibleLines(for kind: SavingsPlan.Kind) -> [Int32] {
        if kind.isSageMaker { return lists.sageMakerEligible }
        guard let family = kind.instanceFamily else { return lists.computeEligible }
        let region = kind.region.flatMap { regions.firstIndex(of: $0) }.map(Int32.init) ?? -1
        return familyNumbers[family].map { lists.lines(ofFamily: $0).filter { facts[Int($0)].region == region } } ?? []
    }

    /// Applies the plans of one type (given in ID order): owners first, then the rest of the organization.
    private mutating func applySavingsPlanType(
        _ plans: [Int],
        pools: inout [SavingsPlanPool],
        poolOfPlan: [Int],
        slotOfRank: [Int32]
    ) throws(CommitmentError) {
        for plan in plans {
            let owner = accounts.savingsPlanOwners[plan]
            let pool = poolOfPlan[plan]
            planLoop: for run in pools[pool].ownerRuns[Int(slotOfRank[Int(owner)])] {
                let lines = pools[pool].lines(ofRun: Int(run))
                let rate = pools[pool].runRates[Int(run)]
                // A run is in account order: the owner's lines are one stretch of it.
                var index = firstIndex(in: lines, ofAccount: owner)
                while index < lines.endIndex, accounts.lineRanks[Int(lines[index])] == owner {
                    guard try cover(Int(lines[index]), withSavingsPlan: plan, rate: rate) else { break planLoop }
                    index += 1
                }
            }
        }
        for plan in plans {
            let owner = accounts.savingsPlanOwners[plan]
            guard accounts.sharing[Int(owner)], spCommitmentLeft[plan] > .zero else { continue }
            let pool = poolOfPlan[plan]
            var run = pools[pool].cursor
            planLoop: while run < pools[pool].runCount {
                let lines = pools[pool].lines(ofRun: run)
                let rate = pools[pool].runRates[run]
                var usageLeft = false
                for position in lines {
                    let line = Int(position)
                    guard remaining[line] > .zero else { continue }
                    let account = accounts.lineRanks[line]
                    if account != owner, accounts.sharing[Int(account)] {
                        guard try cover(line, withSavingsPlan: plan, rate: rate) else { break planLoop }
                    }
                    if remaining[line] > .zero { usageLeft = true }
                }
                if !usageLeft, run == pools[pool].cursor { pools[pool].cursor += 1 }
                run += 1
            }
        }
    }

    /// The first index of `lines` (in account order) whose account rank is not below `account`.
    private func firstIndex(in lines: ArraySlice<Int32>, ofAccount account: Int32) -> Int {
        var low = lines.startIndex
        var high = lines.endIndex
        while low < high {
            let middle = (low + high) / 2
            if accounts.lineRanks[Int(lines[middle])] < account { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Covers as much of the line as the plan's remaining commitment pays for. Returns false once the
    /// plan's commitment for the hour is used up.
    ///
    /// The whole remainder costs `remaining × rate`. When that is more than the commitment left, the plan
    /// covers `commitment left ÷ rate` (half-even at 20 places), lowered by 10⁻²⁰ in the rare case where
    /// `quantity × rate` would then exceed what is left, and is used up: its used commitment is exactly the
    /// sum of its coverages' `quantity × rate`, and any remainder below one step is unused.
    private mutating func cover(_ line: Int, withSavingsPlan plan: Int, rate: Amount) throws(CommitmentError) -> Bool {
        let left = spCommitmentLeft[plan]
        guard left > .zero else { return false }
        let quantityLeft = remaining[line]
        guard quantityLeft > .zero else { return true }
        let planID = savingsPlans[plan].id
        let lineID = facts[line].id
        var quantity = quantityLeft
        var cost = try quantityLeft.times(rate, "Savings Plan \(planID) on usage line \(lineID)")
        if cost > left {
            quantity = try left.over(rate, "Savings Plan \(planID) on usage line \(lineID)")
            cost = try quantity.times(rate, "Savings Plan \(planID) on usage line \(lineID)")
            while cost > left, quantity > .zero {
                quantity -= .ulp
                cost = try quantity.times(rate, "Savings Plan \(planID) on usage line \(lineID)")
            }
        }
        guard quantity > .zero else { return false }
        let onDemand = try quantity.times(facts[line].onDemandRate, "Savings Plan \(planID) on usage line \(lineID)")
        spCommitmentLeft[plan] = left - cost
        spOnDemand[plan] += onDemand
        record(CoverageRecord(line: line, savingsPlan: plan, quantity: quantity, rate: rate, cost: cost, onDemand: onDemand))
        return quantity == quantityLeft && spCommitmentLeft[plan] > .zero
    }
}
