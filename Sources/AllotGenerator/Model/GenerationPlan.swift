import AllotCore

/// A scenario resolved for generation, once per run: accounts, tags and products pre-encoded, instance
/// SKUs priced, workloads and commitments built, memberships laid out in time.
///
/// Everything here is immutable during generation and shared by every delivery.
struct GenerationPlan: Sendable {
    let scenario: Scenario
    let seed: UInt64
    let root: SeededRandom
    let accounts: [AccountEntry]
    let accountsById: [String: AccountEntry]
    let tagKeys: [String]
    let untagged: TagSet
    let skus: [InstanceSKU]
    let workloads: [String: AccountWorkload]
    let reservedInstances: [ReservedInstancePlan]
    let savingsPlans: [SavingsPlanPlan]
    let membership: MembershipTimeline
    /// Products built later (tax, credit, discount and support rows), seeded with the plan's catalog.
    let products: ProductCatalog

    init(scenario: Scenario, seed: UInt64) throws(GeneratorError) {
        self.scenario = scenario
        self.seed = seed
        root = SeededRandom(seed: seed)
        accounts = scenario.accounts.enumerated().map { AccountEntry(id: $0.element.id, name: $0.element.name, index: $0.offset) }
        accountsById = Dictionary(uniqueKeysWithValues: accounts.map { ($0.id, $0) })
        var keys = Set<String>()
        for account in scenario.accounts { keys.formUnion(account.tags.map(\.key)) }
        for profile in scenario.profiles {
            for fleet in profile.instances { keys.formUnion(fleet.tags.map(\.key)) }
            for service in profile.services { keys.formUnion(service.tags.map(\.key)) }
        }
        tagKeys = keys.sorted()
        var tags = TagTable(keys: tagKeys)
        untagged = tags.untagged
        var builder = SKUBuilder(scenario: scenario)
        var workloads: [String: AccountWorkload] = [:]
        for account in scenario.accounts {
            guard let name = account.profile, let profile = scenario.profile(name), let entry = accountsById[account.id] else {
                continue
            }
            workloads[account.id] = try Self.workload(
                account, entry: entry, profile: profile, builder: &builder, tags: &tags, root: root)
        }
        skus = builder.skus
        var commitments = CommitmentBuilder(scenario: scenario, root: root, skus: builder)
        reservedInstances = try commitments.reservedInstances()
        savingsPlans = try commitments.savingsPlans()
        products = commitments.products
        membership = MembershipTimeline(scenario)
        self.workloads = workloads
    }

    private static func workload(
        _ account: ScenarioAccount, entry: AccountEntry, profile: UsageProfile, builder: inout SKUBuilder,
        tags: inout TagTable, root: SeededRandom
    ) throws(GeneratorError) -> AccountWorkload {
        var fleets: [FleetPlan] = []
        for (index, fleet) in profile.instances.enumerated() {
            let sku = try builder.sku(
                fleet.instanceType, region: fleet.region, platform: fleet.platform, tenancy: fleet.tenancy, rate: fleet.rate)
            let zones = fleet.availabilityZone.map { [$0] } ?? sku.zones
            var random = root.derived(account.id, "fleet", String(index))
            let slots = fleet.count * 2 + 2
            let ids = (0..<slots).map { _ in Array(("i-0" + DeterministicIdentifier.hex(&random, count: 16)).utf8) }
            fleets.append(
                FleetPlan(
                    sku: sku, zones: zones, encodedZones: zones.map { CSVText.field($0) }, count: fleet.count,
                    partialHourPercent: fleet.partialHourPercent, tags: tags.set(account.tags, overriddenBy: fleet.tags),
                    seed: random.next(), instanceIds: ids))
        }
        var services: [ServicePlan] = []
        for (index, usage) in profile.services.enumerated() {
            guard let service = ServiceCatalog.service(usage.service), let region = RegionCatalog.region(usage.region) else {
                throw GeneratorError(.inconsistent, "service '\(usage.service)' in \(usage.region) is not in the catalog")
            }
            let listed = Amount(service.rate) ?? .zero
            let rate: Amount
            if let explicit = usage.rate {
                rate = explicit
            } else {
                do { rate = try listed.multiplied(by: region.priceLevel).rounded(toPlaces: 8) } catch {
                    throw .arithmetic(error)
                }
            }
            var random = root.derived(account.id, "service", String(index))
            let product = builder.products.service(service, region: region, rate: rate)
            services.append(
                ServicePlan(
                    product: product, quantity: usage.quantity, rate: rate,
                    tags: tags.set(account.tags, overriddenBy: usage.tags),
                    resourceId: CSVText.field(Self.resourceId(service, account: account, region: region, random: &random)),
                    seed: random.next()))
        }
        return AccountWorkload(account: entry, profile: profile, fleets: fleets, services: services)
    }

    /// A resource id of the service's kind: a bucket name, `vol-…`, an RDS or DynamoDB ARN, ….
    private static func resourceId(
        _ service: ServiceCatalog.Service, account: ScenarioAccount, region: RegionCatalog.Region,
        random: inout SeededRandom
    ) -> String {
        let slug = String(account.name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
        switch service.resource {
        case "bucket": return "\(slug)-\(service.name == "s3-storage" ? "data" : "assets")"
        case "volume": return "vol-0" + DeterministicIdentifier.hex(&random, count: 16)
        case "database": return "arn:aws:rds:\(region.code):\(account.id):db:\(slug)-db"
        case "gateway": return "arn:aws:ec2:\(region.code):\(account.id):natgateway/nat-0" + DeterministicIdentifier.hex(&random, count: 16)
        case "loadBalancer":
            return "arn:aws:elasticloadbalancing:\(region.code):\(account.id):loadbalancer/app/\(slug)/"
                + DeterministicIdentifier.hex(&random, count: 16)
        case "table": return "arn:aws:dynamodb:\(region.code):\(account.id):table/\(slug)"
        default: return ""
        }
    }

    /// The workload of an account, if it has one.
    func workload(of account: String) -> AccountWorkload? {
        workloads[account]
    }
}
