extension ApplicationLedger {
    /// Applies the Reserved Instances (`reference/aws-billing-rules.md` §3.1).
    ///
    /// Two passes: each RI on its owner's matching usage, then each RI whose owner shares on the
    /// matching usage of the other sharing accounts. Within a pass RIs go zonal first, then regional
    /// exact-match, then size-flexible, each class in ID order. An RI takes its candidate lines
    /// smallest size first (size-flexible) and then by account ID and line ID.
    mutating func applyReservedInstances() throws(CommitmentError) {
        guard !reservedInstances.isEmpty else { return }
        var candidates = [[Int32]](repeating: [], count: reservedInstances.count)
        for position in reservedInstanceOrder where reservedInstanceLeaders[position] == position {
            candidates[position] =
                reservedInstances[position].isSizeFlexible
                ? try orderedBySize(lists.reservedInstanceLines[position], forReservedInstance: reservedInstances[position].id)
                : lists.reservedInstanceLines[position]
        }
        for position in reservedInstances.indices where reservedInstanceLeaders[position] != position {
            candidates[position] = candidates[reservedInstanceLeaders[position]]
        }

        for ri in reservedInstanceOrder {
            let owner = accounts.reservedInstanceOwners[ri]
            for line in candidates[ri] where accounts.lineRanks[Int(line)] == owner {
                guard try cover(Int(line), withReservedInstance: ri) else { break }
            }
        }
        for ri in reservedInstanceOrder {
            let owner = accounts.reservedInstanceOwners[ri]
            guard accounts.sharing[Int(owner)] else { continue }
            for line in candidates[ri] {
                let consumer = accounts.lineRanks[Int(line)]
                guard consumer != owner, accounts.sharing[Int(consumer)] else { continue }
                guard try cover(Int(line), withReservedInstance: ri) else { break }
            }
        }
    }

    /// Lines in account/line order, reordered smallest normalization factor first; stable, so lines of
    /// one size keep account/line order. A family has only a handful of sizes: a counting sort over them.
    /// Every line needs a factor.
    private func orderedBySize(_ lines: [Int32], forReservedInstance id: String) throws(CommitmentError) -> [Int32] {
        var factors: [Amount] = []
        var sizeOfLine = [UInt8](repeating: 0, count: lines.count)
        var unnormalized: Int?
        for (index, line) in lines.enumerated() {
            let factor = facts[Int(line)].normalizationFactor
            guard !factor.isZero else {
                unnormalized = min(unnormalized ?? .max, facts[Int(line)].id)
                continue
            }
            if let size = factors.firstIndex(of: factor) {
                sizeOfLine[index] = UInt8(truncatingIfNeeded: size)
            } else if factors.count < Int(UInt8.max) {
                sizeOfLine[index] = UInt8(factors.count)
                factors.append(factor)
            } else {
                return lines.sorted { (facts[Int($0)].normalizationFactor, orderRanks[Int($0)]) < (facts[Int($1)].normalizationFactor, orderRanks[Int($1)]) }
            }
        }
        if let unnormalized { throw Self.missingFactor(id, line: unnormalized) }
        if factors.count <= 1 { return lines }
        // Rank the sizes, count, place.
        let bySize = factors.indices.sorted { factors[$0] < factors[$1] }
        var rankOfSize = [Int](repeating: 0, count: factors.count)
        for (rank, size) in bySize.enumerated() { rankOfSize[size] = rank }
        var starts = [Int](repeating: 0, count: factors.count + 1)
        for size in sizeOfLine { starts[rankOfSize[Int(size)] + 1] += 1 }
        for rank in factors.indices { starts[rank + 1] += starts[rank] }
        var ordered = [Int32](repeating: 0, count: lines.count)
        for (index, line) in lines.enumerated() {
            let rank = rankOfSize[Int(sizeOfLine[index])]
            ordered[starts[rank]] = line
            starts[rank] += 1
        }
        return ordered
    }

    private static func missingFactor(_ id: String, line: Int) -> CommitmentError {
        CommitmentError(
            code: .missingNormalizationFactor,
            message: "size-flexible Reserved Instance \(id) matches usage line \(line), which has no normalization factor",
            commitmentID: id,
            usageLineID: line
        )
    }

    /// Covers as much of the line as the RI has left. Returns false once the RI is used up.
    ///
    /// A size-flexible RI counts in normalized units: the line needs `remaining × factor` units; when the
    /// RI has fewer, it covers `units left ÷ factor` of the line (half-even at 20 places). The RI's cost
    /// follows the units (`effectiveHourlyCost × units ÷ units per reservation`); the coverage that uses
    /// the RI up takes exactly the cost not yet carried, so used + unused cost is the hourly cost exactly.
    private mutating func cover(_ line: Int, withReservedInstance position: Int) throws(CommitmentError) -> Bool {
        let capacity = riCapacityLeft[position]
        guard capacity > .zero else { return false }
        let left = remaining[line]
        guard left > .zero else { return true }
        let flexible = reservedInstances[position].isSizeFlexible
        let riFactor = reservedInstances[position].normalizationFactor
        let hourlyCost = reservedInstances[position].effectiveHourlyCost
        let quantity: Amount
        let units: Amount
        if flexible {
            guard let factor = facts[line].factor else { throw Self.missingFactor(reservedInstances[position].id, line: facts[line].id) }
            let needed = try left.times(factor, "normalized units of usage line \(facts[line].id)")
            if needed <= capacity {
                (quantity, units) = (left, needed)
            } else {
                (quantity, units) = (try capacity.over(factor, "quantity covered by \(reservedInstances[position].id)"), capacity)
            }
        } else {
            quantity = min(left, capacity)
            units = try quantity.times(riFactor, "normalized units covered by \(reservedInstances[position].id)")
        }
        // Units too small to cover 10⁻²⁰ of the line stay unused.
        guard quantity > .zero else { return false }
        let consumed = flexible ? units : quantity
        let exhausted = consumed == capacity
        let cost: Amount
        if exhausted {
            cost = riCostLeft[position]
        } else if flexible {
            cost = min(riCostLeft[position], try hourlyCost.share(units, of: riFactor, "cost of \(reservedInstances[position].id)"))
        } else {
            cost = min(riCostLeft[position], try quantity.times(hourlyCost, "cost of \(reservedInstances[position].id)"))
        }
        let onDemand = try quantity.times(facts[line].onDemandRate, "On-Demand cost of usage line \(facts[line].id)")
        riCapacityLeft[position] = capacity - consumed
        riCostLeft[position] -= cost
        riOnDemand[position] += onDemand
        record(CoverageRecord(line: line, reservedInstance: position, quantity: quantity, units: units, cost: cost, onDemand: onDemand))
        return !exhausted
    }
}
