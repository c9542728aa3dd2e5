@testable import AllotCore

/// A generated mixed organization-hour for the determinism and identity tests: six accounts (one not
/// sharing), three families in two Regions, Linux and Windows, shared and dedicated, fractional quantities,
/// zonal, regional and flexible RIs, EC2 Instance and Compute plans with two rate tables.
enum CommitmentWorkload {
    static let accounts = (1...6).map { String(repeating: String($0), count: 12) }

    static func make(seed: UInt64, lines count: Int = 300) -> CommitmentApplication {
        var random = CommitmentRandom(seed: seed)
        let families = ["m5", "c5", "r5"]
        let sizes = ["large", "xlarge", "2xlarge"]
        let regions = ["us-east-1", "us-west-2"]
        let quantities = ["1", "1", "1", "0.5", "0.25", "2", "0.123456"].map(CommitmentFixtures.amount)

        var usage: [UsageLine] = []
        for id in 0..<count {
            let family = random.pick(families)
            let type = "\(family).\(random.pick(sizes))"
            let region = random.pick(regions)
            let windows = random.below(5) == 0
            let dedicated = random.below(8) == 0
            let factor = NormalizationFactor.forInstanceType(type) ?? 1
            // On-Demand 0.024 $ per unit (Linux), 0.046 (Windows); dedicated + 10 %.
            var rate = Amount(units: factor.units * (windows ? 46 : 24) / 1000)
            if dedicated { rate = Amount(units: rate.units * 11 / 10) }
            usage.append(
                UsageLine.ec2Instance(
                    id: id,
                    account: random.pick(accounts),
                    usageType: "\(dedicated ? "DedicatedUsage" : "BoxUsage"):\(type)",
                    operation: windows ? "RunInstances:0002" : "RunInstances",
                    region: region,
                    availabilityZone: "\(region)\(random.pick(["a", "b", "c"]))",
                    instanceType: type,
                    platform: windows ? .windows : .linuxUnix,
                    tenancy: dedicated ? .dedicated : .shared,
                    normalizationFactor: factor,
                    quantity: random.pick(quantities),
                    onDemandRate: rate
                )
            )
        }

        var reservedInstances: [ReservedInstance] = []
        for index in 0..<12 {
            let type = "\(random.pick(families)).\(random.pick(sizes))"
            let region = random.pick(regions)
            let zonal = index % 4 == 0
            let windows = index % 5 == 1
            let factor = NormalizationFactor.forInstanceType(type) ?? 1
            reservedInstances.append(
                ReservedInstance(
                    id: "ri-\(index)",
                    owner: random.pick(accounts),
                    region: region,
                    availabilityZone: zonal ? "\(region)a" : nil,
                    instanceType: type,
                    platform: windows ? .windows : .linuxUnix,
                    tenancy: .shared,
                    count: 1 + random.below(6),
                    normalizationFactor: factor,
                    effectiveHourlyCost: Amount(units: factor.units * 15 / 1000)
                )
            )
        }

        // Two rate tables (e.g. 1-year and 3-year offerings): 70 % and 55 % of On-Demand, with a
        // third-decimal twist so that savings percentages differ between keys.
        var oneYear: [UsageKey: Amount] = [:]
        var threeYear: [UsageKey: Amount] = [:]
        for line in usage {
            oneYear[line.key] = Amount(units: line.onDemandRate.units * 70 / 100 + Int128(line.key.usageType.utf8.count) * 100_000_000_000_000)
            threeYear[line.key] = Amount(units: line.onDemandRate.units * 55 / 100)
        }
        let tables = [SavingsPlanRates(oneYear), SavingsPlanRates(threeYear)]
        var savingsPlans: [SavingsPlan] = []
        for index in 0..<6 {
            let kind: SavingsPlan.Kind = index < 2 ? .ec2Instance(family: random.pick(families), region: random.pick(regions)) : .compute
            savingsPlans.append(
                SavingsPlan(
                    id: "sp-\(index)",
                    owner: random.pick(accounts),
                    kind: kind,
                    hourlyCommitment: Amount(units: Int128(1 + random.below(30)) * Amount.one / 10),
                    rates: tables[index % 2]
                )
            )
        }
        return CommitmentApplication(
            memberAccounts: Set(accounts),
            sharing: .allExcept([accounts[5]]),
            usage: usage,
            reservedInstances: reservedInstances,
            savingsPlans: savingsPlans
        )
    }
}
