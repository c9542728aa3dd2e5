extension ApplicationLedger {
    /// The result: coverages grouped by line (input order), each line's On-Demand remainder, and each
    /// commitment's used and unused amounts.
    func result() throws(CommitmentError) -> ApplicationResult {
        // Counting sort of the records by line position; stable, so each line keeps application order.
        var starts = [Int](repeating: 0, count: facts.count + 1)
        for record in records { starts[Int(record.line) + 1] += 1 }
        for position in facts.indices { starts[position + 1] += starts[position] }
        var slots = starts
        let riReferences = reservedInstances.map { CommitmentReference(kind: .reservedInstance, id: $0.id) }
        let spReferences = savingsPlans.map { CommitmentReference(kind: .savingsPlan, id: $0.id) }
        let grouped = [Coverage](unsafeUninitializedCapacity: records.count) { buffer, initialized in
            for record in records {
                let line = Int(record.line)
                let isPlan = record.commitment < 0
                buffer.initializeElement(
                    at: slots[line],
                    to: Coverage(
                        lineID: facts[line].id,
                        commitment: isPlan ? spReferences[Int(-1 - record.commitment)] : riReferences[Int(record.commitment)],
                        quantity: record.quantity,
                        normalizedUnits: isPlan ? nil : record.detail,
                        savingsPlanRate: isPlan ? record.detail : nil,
                        effectiveCost: record.cost,
                        onDemandCost: record.onDemand
                    )
                )
                slots[line] += 1
            }
            initialized = records.count
        }

        var lines: [LineOutcome] = []
        lines.reserveCapacity(facts.count)
        for position in facts.indices {
            let uncovered = remaining[position]
            lines.append(
                LineOutcome(
                    lineID: facts[position].id,
                    coverageRange: starts[position]..<starts[position + 1],
                    uncoveredQuantity: uncovered,
                    uncoveredCost: uncovered.isZero
                        ? .zero : try uncovered.times(facts[position].onDemandRate, "On-Demand cost of usage line \(facts[position].id)")
                )
            )
        }
        return ApplicationResult(
            lines: lines,
            coverages: grouped,
            reservedInstances: try reservedInstanceUtilizations(),
            savingsPlans: savingsPlans.indices.map { position in
                let plan = savingsPlans[position]
                return SavingsPlanUtilization(
                    id: plan.id,
                    owner: plan.owner,
                    commitment: plan.hourlyCommitment,
                    usedCommitment: plan.hourlyCommitment - spCommitmentLeft[position],
                    onDemandCostEquivalent: spOnDemand[position]
                )
            }
        )
    }

    /// Used and unused hours, units and cost per RI. A size-flexible RI's used hours are its used units
    /// over its units per reservation (half-even at 20 places); an exact-match RI's used units are its
    /// used hours times its factor. The unused figures are the exact complements.
    private func reservedInstanceUtilizations() throws(CommitmentError) -> [ReservedInstanceUtilization] {
        var utilizations: [ReservedInstanceUtilization] = []
        utilizations.reserveCapacity(reservedInstances.count)
        for (position, ri) in reservedInstances.enumerated() {
            let used = riCapacity[position] - riCapacityLeft[position]
            let reservedUnits: Amount
            let usedHours: Amount
            let usedUnits: Amount
            if ri.isSizeFlexible {
                reservedUnits = riCapacity[position]
                usedUnits = used
                usedHours = try used.over(ri.normalizationFactor, "used hours of \(ri.id)")
            } else {
                reservedUnits = try ri.reservedHours.times(ri.normalizationFactor, "normalized units of \(ri.id)")
                usedHours = used
                usedUnits = try used.times(ri.normalizationFactor, "used normalized units of \(ri.id)")
            }
            utilizations.append(
                ReservedInstanceUtilization(
                    id: ri.id,
                    owner: ri.owner,
                    reservedHours: ri.reservedHours,
                    usedHours: usedHours,
                    reservedUnits: reservedUnits,
                    usedUnits: usedUnits,
                    totalCost: riTotalCost[position],
                    usedCost: riTotalCost[position] - riCostLeft[position],
                    onDemandCostOfUsedHours: riOnDemand[position]
                )
            )
        }
        return utilizations
    }
}
