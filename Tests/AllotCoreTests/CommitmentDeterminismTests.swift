import Testing

@testable import AllotCore

/// Order independence and the exact identities of the result, over a generated mixed workload.
@Suite struct CommitmentDeterminismTests {
    /// Rule: the same input gives the same output whatever the order of the lines, RIs and plans.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func resultDoesNotDependOnInputOrder(seed: UInt64) throws {
        let application = CommitmentWorkload.make(seed: seed)
        let reference = try application.apply()
        var random = CommitmentRandom(seed: seed &+ 100)
        for _ in 0..<3 {
            var shuffled = application
            shuffled.usage = random.shuffled(application.usage)
            shuffled.reservedInstances = random.shuffled(application.reservedInstances)
            shuffled.savingsPlans = random.shuffled(application.savingsPlans)
            let result = try shuffled.apply()
            #expect(CommitmentCanonical(result) == CommitmentCanonical(reference))
        }
        // The workload does exercise every path.
        #expect(reference.coverages.contains { $0.commitment.kind == .reservedInstance })
        #expect(reference.coverages.contains { $0.commitment.kind == .savingsPlan })
        #expect(reference.lines.contains { $0.isCovered && !$0.uncoveredQuantity.isZero })
    }

    /// The result's identities hold exactly: per line, per RI, per plan and for the hour.
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func identitiesHoldExactly(seed: UInt64) throws {
        let application = CommitmentWorkload.make(seed: seed)
        let result = try application.apply()
        for (line, outcome) in zip(application.usage, result.lines) {
            #expect(outcome.lineID == line.id)
            #expect(result.coveredQuantity(of: outcome) + outcome.uncoveredQuantity == line.quantity)
            #expect(!outcome.uncoveredQuantity.isNegative)
            for coverage in result.coverages(of: outcome) {
                #expect(coverage.lineID == line.id)
                let owner =
                    application.reservedInstances.first { $0.id == coverage.commitment.id }?.owner
                    ?? application.savingsPlans.first { $0.id == coverage.commitment.id }?.owner
                // Sharing: a discount crosses accounts only when both share.
                if owner != line.account {
                    #expect(application.sharing.isSharing(line.account) && application.sharing.isSharing(owner ?? ""))
                }
            }
        }
        for (ri, use) in zip(application.reservedInstances, result.reservedInstances) {
            let mine = result.coverages.filter { $0.commitment.id == ri.id }
            #expect(use.usedCost == mine.map(\.effectiveCost).sum())
            #expect(use.usedCost + use.unusedCost == use.totalCost && !use.unusedCost.isNegative)
            #expect(use.usedHours + use.unusedHours == Amount(ri.count) && !use.unusedHours.isNegative)
            #expect(use.usedUnits == mine.compactMap(\.normalizedUnits).sum())
        }
        for (plan, use) in zip(application.savingsPlans, result.savingsPlans) {
            let mine = result.coverages.filter { $0.commitment.id == plan.id }
            #expect(use.usedCommitment == mine.map(\.effectiveCost).sum())
            for coverage in mine {
                #expect(try coverage.quantity.multiplied(by: coverage.savingsPlanRate ?? .zero) == coverage.effectiveCost)
            }
            #expect(use.usedCommitment + use.unusedCommitment == plan.hourlyCommitment && !use.unusedCommitment.isNegative)
        }
        // Amortized cost of the hour = all commitments' cost + uncovered usage at On-Demand.
        let commitments = result.reservedInstances.map(\.totalCost).sum() + result.savingsPlans.map(\.commitment).sum()
        #expect(result.amortizedCost == commitments + result.lines.map(\.uncoveredCost).sum())
    }
}

/// A result keyed by IDs: equal for equal outcomes whatever the input order.
struct CommitmentCanonical: Equatable {
    let lines: [Int: [String]]
    let commitments: [String: String]

    init(_ result: ApplicationResult) {
        var lines: [Int: [String]] = [:]
        for line in result.lines {
            lines[line.lineID] =
                result.coverages(of: line).map {
                    "\($0.commitment) \($0.quantity) \($0.effectiveCost) \($0.normalizedUnits.map(String.init(describing:)) ?? "-") \($0.savingsPlanRate.map(String.init(describing:)) ?? "-") \($0.onDemandCost)"
                } + ["on-demand \(line.uncoveredQuantity) \(line.uncoveredCost)"]
        }
        var commitments: [String: String] = [:]
        for ri in result.reservedInstances {
            commitments[ri.id] = "\(ri.usedHours) \(ri.usedUnits) \(ri.usedCost) \(ri.unusedCost) \(ri.onDemandCostOfUsedHours)"
        }
        for plan in result.savingsPlans {
            commitments[plan.id] = "\(plan.usedCommitment) \(plan.unusedCommitment) \(plan.onDemandCostEquivalent)"
        }
        self.lines = lines
        self.commitments = commitments
    }
}

/// A small seeded generator (CommitmentRandom), so the workloads are the same on every run.
struct CommitmentRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    mutating func pick<T>(_ values: [T]) -> T {
        values[below(values.count)]
    }

    mutating func shuffled<T>(_ values: [T]) -> [T] {
        var result = values
        for index in result.indices.reversed() where index > 0 {
            result.swapAt(index, below(index + 1))
        }
        return result
    }
}
