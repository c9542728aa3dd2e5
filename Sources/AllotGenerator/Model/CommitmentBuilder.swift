import AllotCore

/// Builds the run's Reserved Instances and Savings Plans from the scenario: prices, ARNs in AWS's
/// formats (owner account inside), engine values and pre-encoded row columns.
struct CommitmentBuilder {
    let scenario: Scenario
    let root: SeededRandom
    let skus: SKUBuilder
    var products: ProductCatalog
    private var rateTables: [String: SavingsPlanRates] = [:]

    init(scenario: Scenario, root: SeededRandom, skus: SKUBuilder) {
        self.scenario = scenario
        self.root = root
        self.skus = skus
        products = skus.products
    }

    /// Every Reserved Instance of every holding account, in scenario order.
    mutating func reservedInstances() throws(GeneratorError) -> [ReservedInstancePlan] {
        var plans: [ReservedInstancePlan] = []
        for holding in scenario.holdingAccounts {
            for (index, spec) in holding.reservedInstances.enumerated() {
                plans.append(try reservedInstance(spec, owner: holding.account, index: index))
            }
        }
        return plans
    }

    private mutating func reservedInstance(
        _ spec: ReservedInstanceSpec, owner: String, index: Int
    ) throws(GeneratorError) -> ReservedInstancePlan {
        guard let region = RegionCatalog.region(spec.region), let factor = NormalizationFactor.forInstanceType(spec.instanceType)
        else { throw GeneratorError(.inconsistent, "Reserved Instance \(spec.instanceType) in \(spec.region) is not in the catalog") }
        var random = root.derived(owner, "reserved-instance", String(index))
        let id = spec.id ?? DeterministicIdentifier.uuid(&random)
        let subscription = DeterministicIdentifier.digits(&random, count: 10)
        let arn = "arn:aws:ec2:\(spec.region):\(owner):reserved-instances/\(id)"
        var onDemand = Amount.zero
        if spec.effectiveHourlyRate == nil {
            onDemand = try skus.onDemandRate(
                spec.instanceType, region: region, platform: spec.platform, tenancy: spec.tenancy, explicit: nil)
        }
        do {
            let effective: Amount
            if let rate = spec.effectiveHourlyRate {
                effective = rate
            } else {
                effective = try CommitmentPricing.reservedInstanceRate(
                    onDemand: onDemand, term: spec.term, payment: spec.paymentOption, offeringClass: spec.offeringClass)
            }
            let upfrontHourly = try effective.scaled(by: Amount(spec.paymentOption.upfrontPercent), over: 100)
            let recurring = effective - upfrontHourly
            let upfrontFee = try upfrontHourly.multiplied(by: Amount(spec.term.hours * spec.count))
            let platform = spec.platform == .linuxUnix ? "Linux/UNIX (Amazon VPC)" : "\(spec.platform) (Amazon VPC)"
            let hourly = "USD \(recurring) hourly fee per \(platform), \(spec.instanceType) instance"
            let entry = CommitmentEntry(
                arn: arn, owner: owner, location: spec.availabilityZone ?? "", start: spec.start.description,
                end: spec.end.description, detail: subscription, term: spec.term.description, offering: spec.offeringClass,
                payment: spec.paymentOption.description, coveredDescription: hourly, recurringDescription: hourly,
                upfrontDescription: "Sign up charge for subscription: \(subscription), planId: \(random.below(9_000_000) + 1_000_000)")
            let engineValue = ReservedInstance(
                id: arn, owner: owner, region: spec.region, availabilityZone: spec.availabilityZone,
                instanceType: spec.instanceType, platform: spec.platform, tenancy: spec.tenancy, count: spec.count,
                normalizationFactor: factor, effectiveHourlyCost: effective)
            return ReservedInstancePlan(
                entry: entry, engineValue: engineValue, start: spec.start, end: spec.end, count: spec.count,
                normalizationFactor: factor, recurringHourly: recurring, upfrontHourly: upfrontHourly, upfrontFee: upfrontFee,
                termHours: spec.term.hours,
                feeProduct: products.reservation(spec.instanceType, region: region, platform: spec.platform, tenancy: spec.tenancy))
        } catch {
            throw .arithmetic(error, context: arn)
        }
    }

    /// Every Savings Plan of every holding account, in scenario order.
    mutating func savingsPlans() throws(GeneratorError) -> [SavingsPlanPlan] {
        var plans: [SavingsPlanPlan] = []
        for holding in scenario.holdingAccounts {
            for (index, spec) in holding.savingsPlans.enumerated() {
                plans.append(try savingsPlan(spec, owner: holding.account, index: index))
            }
        }
        return plans
    }

    private mutating func savingsPlan(_ spec: SavingsPlanSpec, owner: String, index: Int) throws(GeneratorError) -> SavingsPlanPlan {
        var random = root.derived(owner, "savings-plan", String(index))
        let id = spec.id ?? DeterministicIdentifier.uuid(&random)
        let arn = "arn:aws:savingsplans::\(owner):savingsplan/\(id)"
        do {
            let upfrontHourly = try spec.commitment.scaled(by: Amount(spec.paymentOption.upfrontPercent), over: 100)
            let upfrontFee = try upfrontHourly.multiplied(by: Amount(spec.term.hours))
            let plan = "\(spec.term.descriptionWords) \(spec.paymentOption) \(spec.kind.instanceFamily == nil ? "Compute" : "EC2 Instance") Savings Plan"
            let entry = CommitmentEntry(
                arn: arn, owner: owner, location: spec.kind.region ?? "", start: spec.start.description,
                end: spec.end.description, detail: spec.kind.instanceFamily ?? "", term: spec.term.description,
                offering: spec.kind.offeringType, payment: spec.paymentOption.description,
                coveredDescription: "", recurringDescription: "\(plan): $\(spec.commitment) hourly commitment",
                upfrontDescription: "\(plan) upfront fee")
            let engineValue = SavingsPlan(
                id: arn, owner: owner, kind: spec.kind, hourlyCommitment: spec.commitment, rates: try rates(for: spec))
            return SavingsPlanPlan(
                entry: entry, engineValue: engineValue, start: spec.start, end: spec.end,
                recurringHourly: spec.commitment - upfrontHourly, upfrontHourly: upfrontHourly, upfrontFee: upfrontFee,
                product: products.savingsPlan(kind: spec.kind, term: spec.term, payment: spec.paymentOption),
                negationDescription: CSVText.field("SavingsPlanNegation used by \(spec.kind.offeringType) \(id)"))
        } catch {
            throw .arithmetic(error, context: arn)
        }
    }

    /// The plan's rate for every instance SKU of the run (plans of one offering share one table, as
    /// ``SavingsPlanRates`` recommends): On-Demand × the offering's percentage, half-even to 6 places.
    private mutating func rates(for spec: SavingsPlanSpec) throws(AmountError) -> SavingsPlanRates {
        let offering = "\(spec.kind.instanceFamily == nil)|\(spec.term)|\(spec.paymentOption)|\(spec.ratePercentOfOnDemand?.description ?? "")"
        if let table = rateTables[offering] { return table }
        var rates: [UsageKey: Amount] = [:]
        for sku in skus.skus where rates[sku.key] == nil {
            let percent = spec.ratePercentOfOnDemand
                ?? Amount(
                    CommitmentPricing.savingsPlanPercent(
                        kind: spec.kind, term: spec.term, payment: spec.paymentOption, family: sku.instance.family))
            rates[sku.key] = try sku.onDemandRate.scaled(by: percent, over: 100).rounded(toPlaces: 6)
        }
        let table = SavingsPlanRates(rates)
        rateTables[offering] = table
        return table
    }
}
