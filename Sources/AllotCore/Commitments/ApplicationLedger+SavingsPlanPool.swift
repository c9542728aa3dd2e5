extension ApplicationLedger {
    /// Builds the pool of `plans` (given in ID order, all of one kind and rate table) from the lines
    /// eligible for them, ranked by the table's savings order.
    ///
    /// Every eligible line with a positive quantity must have a rate, covered or not: the error names the
    /// pool's first plan and the smallest such line ID.
    ///
    /// - Parameter ownerSlots: per account rank, its slot among the Savings Plan owners, or −1.
    func makePool(of plans: [Int], eligible: [Int32], order: inout SavingsOrder, ownerSlots: [Int32], ownerCount: Int)
        throws(CommitmentError) -> SavingsPlanPool
    {
        let ranks = order.ranks(of: eligible, facts: facts, keys: usageKeys)
        try checkRates(ranks, of: eligible, plan: plans[0])

        // Counting sort of the lines with usage left by rank: stable, so each rank keeps account/line order.
        let rankCount = order.rankCount
        var starts = [Int32](repeating: 0, count: rankCount + 1)
        for (index, line) in eligible.enumerated() where remaining[Int(line)] > .zero { starts[Int(ranks[index]) + 1] += 1 }
        for rank in 0..<rankCount { starts[rank + 1] += starts[rank] }
        var next = starts
        var lines = [Int32](repeating: 0, count: Int(starts[rankCount]))
        for (index, line) in eligible.enumerated() where remaining[Int(line)] > .zero {
            lines[Int(next[Int(ranks[index])])] = line
            next[Int(ranks[index])] += 1
        }

        var runStarts: [Int32] = []
        var runRates: [Amount] = []
        var ownerRuns = [[Int32]](repeating: [], count: ownerCount)
        for rank in 0..<rankCount where starts[rank + 1] > starts[rank] {
            let run = Int32(runRates.count)
            runStarts.append(starts[rank])
            runRates.append(order.rate(ofRank: Int32(rank)))
            for line in lines[Int(starts[rank])..<Int(starts[rank + 1])] {
                let slot = Int(ownerSlots[Int(accounts.lineRanks[Int(line)])])
                if slot >= 0, ownerRuns[slot].last != run { ownerRuns[slot].append(run) }
            }
        }
        runStarts.append(starts[rankCount])
        return SavingsPlanPool(plans: plans, lines: lines, runStarts: runStarts, runRates: runRates, ownerRuns: ownerRuns)
    }

    /// Refuses lines without a rate (the smallest line ID among them) or with a negative one.
    private func checkRates(_ ranks: [Int32], of eligible: [Int32], plan: Int) throws(CommitmentError) {
        var unpriced: Int?
        for (index, rank) in ranks.enumerated() where rank < 0 {
            let line = Int(eligible[index])
            if rank == SavingsOrder.negativeRate {
                throw CommitmentError(
                    code: .invalidInput,
                    message: "Savings Plan \(savingsPlans[plan].id) has a negative rate for \(usageKeys.keys[Int(facts[line].key)])",
                    commitmentID: savingsPlans[plan].id,
                    usageLineID: facts[line].id
                )
            }
            if unpriced.map({ facts[line].id < facts[$0].id }) ?? true { unpriced = line }
        }
        guard let unpriced else { return }
        let key = usageKeys.keys[Int(facts[unpriced].key)]
        throw CommitmentError(
            code: .missingSavingsPlanRate,
            message: "Savings Plan \(savingsPlans[plan].id) (\(savingsPlans[plan].kind)) has no rate for usage line \(facts[unpriced].id) (\(key))",
            commitmentID: savingsPlans[plan].id,
            usageLineID: facts[unpriced].id
        )
    }
}
