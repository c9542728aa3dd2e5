@testable import AllotCore

/// Builders shared by the commitment engine tests. Accounts: A = 111111111111, B = 222222222222,
/// C = 333333333333 (so "by account ID" order is A, B, C).
enum CommitmentFixtures {
    static let accountA = "111111111111"
    static let accountB = "222222222222"
    static let accountC = "333333333333"
    static let organization: Set<String> = [accountA, accountB, accountC]
    static let region = "us-east-1"

    /// An amount from a literal written in the test.
    static func amount(_ text: String) -> Amount {
        guard let value = Amount(text) else { preconditionFailure("bad literal \(text) in a test") }
        return value
    }

    /// An EC2 instance line; the normalization factor comes from the table unless given.
    static func instanceLine(
        _ id: Int,
        account: String = accountA,
        type: String = "m5.large",
        zone: String = "us-east-1a",
        region: String = region,
        platform: InstancePlatform = .linuxUnix,
        tenancy: InstanceTenancy = .shared,
        quantity: String = "1",
        onDemand: String = "0.096",
        factor: Amount? = nil
    ) -> UsageLine {
        UsageLine.ec2Instance(
            id: id,
            account: account,
            usageType: "BoxUsage:\(type)",
            operation: platform == .linuxUnix ? "RunInstances" : "RunInstances:0002",
            region: region,
            availabilityZone: zone,
            instanceType: type,
            platform: platform,
            tenancy: tenancy,
            normalizationFactor: factor ?? NormalizationFactor.forInstanceType(type),
            quantity: amount(quantity),
            onDemandRate: amount(onDemand)
        )
    }

    /// A regional (or, with `zone`, zonal) RI; the factor comes from the table.
    static func reservedInstance(
        _ id: String,
        owner: String = accountA,
        type: String = "m5.large",
        zone: String? = nil,
        platform: InstancePlatform = .linuxUnix,
        tenancy: InstanceTenancy = .shared,
        count: Int = 1,
        hourlyCost: String = "0.06"
    ) -> ReservedInstance {
        ReservedInstance(
            id: id,
            owner: owner,
            region: region,
            availabilityZone: zone,
            instanceType: type,
            platform: platform,
            tenancy: tenancy,
            count: count,
            normalizationFactor: NormalizationFactor.forInstanceType(type) ?? 1,
            effectiveHourlyCost: amount(hourlyCost)
        )
    }

    /// A Savings Plan with a rate per usage line (keyed by the lines' usage keys).
    static func savingsPlan(
        _ id: String,
        owner: String = accountA,
        kind: SavingsPlan.Kind = .compute,
        commitment: String,
        rates: [(UsageLine, String)]
    ) -> SavingsPlan {
        var table: [UsageKey: Amount] = [:]
        for (line, rate) in rates { table[line.key] = amount(rate) }
        return SavingsPlan(id: id, owner: owner, kind: kind, hourlyCommitment: amount(commitment), rates: SavingsPlanRates(table))
    }

    /// Applies with the three-account organization.
    static func apply(
        _ usage: [UsageLine],
        reservedInstances: [ReservedInstance] = [],
        savingsPlans: [SavingsPlan] = [],
        sharing: SharingPreferences = .organizationWide
    ) throws -> ApplicationResult {
        try CommitmentApplication(
            memberAccounts: organization,
            sharing: sharing,
            usage: usage,
            reservedInstances: reservedInstances,
            savingsPlans: savingsPlans
        ).apply()
    }
}

/// A coverage reduced to what the tests compare: commitment ID, quantity, effective cost.
struct CoveredPart: Equatable, CustomStringConvertible {
    let commitment: String
    let quantity: Amount
    let cost: Amount

    init(commitment: String, quantity: Amount, cost: Amount) {
        self.commitment = commitment
        self.quantity = quantity
        self.cost = cost
    }

    init(_ commitment: String, _ quantity: String, _ cost: String) {
        self.init(commitment: commitment, quantity: CommitmentFixtures.amount(quantity), cost: CommitmentFixtures.amount(cost))
    }

    var description: String { "\(commitment): \(quantity) for \(cost)" }
}

extension ApplicationResult {
    /// The outcome of the line with this ID.
    func line(_ id: Int) -> LineOutcome? {
        lines.first { $0.lineID == id }
    }

    /// The coverages of the line with this ID, in application order.
    func covered(_ id: Int) -> [CoveredPart] {
        guard let line = line(id) else { return [] }
        return coverages(of: line).map { CoveredPart(commitment: $0.commitment.id, quantity: $0.quantity, cost: $0.effectiveCost) }
    }

    func reservedInstance(_ id: String) -> ReservedInstanceUtilization? {
        reservedInstances.first { $0.id == id }
    }

    func savingsPlan(_ id: String) -> SavingsPlanUtilization? {
        savingsPlans.first { $0.id == id }
    }
}
