import Testing

@testable import AllotCore

/// A ``CommitmentEngine`` keeps per-SKU facts and savings orders between hours; its results must never
/// depend on what it applied before.
@Suite struct CommitmentEngineTests {
    private typealias F = CommitmentFixtures

    /// The same hours through one engine and through fresh applications give identical results, while
    /// the commitments, rate tables, On-Demand rates and input order change from hour to hour.
    @Test func reusedEngineMatchesFreshApplications() throws {
        var engine = CommitmentEngine()
        var random = CommitmentRandom(seed: 42)
        var hours: [CommitmentApplication] = []
        for seed in [1, 2, 1, 3] as [UInt64] { hours.append(CommitmentWorkload.make(seed: seed)) }
        // Same keys, shuffled lines and commitments.
        var shuffled = hours[0]
        shuffled.usage = random.shuffled(shuffled.usage)
        shuffled.reservedInstances = random.shuffled(shuffled.reservedInstances)
        hours.append(shuffled)
        // Same keys, other On-Demand rates (cached savings ranks must not be reused).
        var repriced = hours[0]
        repriced.usage = repriced.usage.map { line in
            var line = line
            line.onDemandRate = Amount(units: line.onDemandRate.units * 3 / 2)
            return line
        }
        hours.append(repriced)
        // Fewer RIs (cached RI matches must not be reused) and a new rate table with other rates.
        var changed = hours[0]
        changed.reservedInstances.removeFirst(3)
        changed.savingsPlans = changed.savingsPlans.map { plan in
            var plan = plan
            plan.rates = SavingsPlanRates(plan.rates.rates.mapValues { Amount(units: $0.units * 9 / 10) })
            return plan
        }
        hours.append(changed)
        hours.append(hours[0])

        for (index, hour) in hours.enumerated() {
            let reused = try engine.apply(hour)
            let fresh = try hour.apply()
            #expect(CommitmentCanonical(reused) == CommitmentCanonical(fresh), "hour \(index)")
        }
    }

    /// An input the engine refuses leaves it usable, with the same results as before.
    @Test func engineStaysUsableAfterAnError() throws {
        var engine = CommitmentEngine()
        let hour = CommitmentWorkload.make(seed: 5)
        let before = try engine.apply(hour)
        var broken = hour
        broken.usage.append(F.instanceLine(hour.usage[0].id, account: CommitmentWorkload.accounts[0]))
        #expect(throws: CommitmentError.self) { try engine.apply(broken) }
        var unpriced = hour
        unpriced.savingsPlans = unpriced.savingsPlans.map { plan in
            var plan = plan
            plan.rates = .empty
            return plan
        }
        #expect(throws: CommitmentError.self) { try engine.apply(unpriced) }
        #expect(CommitmentCanonical(try engine.apply(hour)) == CommitmentCanonical(before))
    }
}
