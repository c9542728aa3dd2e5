import AllotCore

/// Prices and builds the instance SKUs of a run, one per (type, Region, platform, tenancy, rate).
///
/// The On-Demand rate is the fleet's own `rate`, else the scenario's `prices` entry, else the
/// built-in list (``InstanceCatalog``).
struct SKUBuilder {
    let scenario: Scenario
    private(set) var skus: [InstanceSKU] = []
    private var byKey: [String: InstanceSKU] = [:]
    var products = ProductCatalog()

    init(scenario: Scenario) {
        self.scenario = scenario
    }

    /// The On-Demand rate of an instance, from `explicit`, the scenario's prices or the built-in list.
    func onDemandRate(
        _ type: String, region: RegionCatalog.Region, platform: InstancePlatform, tenancy: InstanceTenancy,
        explicit: Amount?
    ) throws(GeneratorError) -> Amount {
        if let explicit { return explicit }
        if let override = scenario.prices.first(where: {
            $0.instanceType == type && $0.region == region.code && $0.platform == platform
        }) {
            return override.rate
        }
        guard let listed = InstanceCatalog.onDemandRate(type, region: region, platform: platform, tenancy: tenancy) else {
            throw GeneratorError(.inconsistent, "no On-Demand rate for \(platform) \(type) in \(region.code)")
        }
        return listed
    }

    /// The SKU of an instance type, built on first use.
    mutating func sku(
        _ type: String, region code: String, platform: InstancePlatform, tenancy: InstanceTenancy, rate explicit: Amount?
    ) throws(GeneratorError) -> InstanceSKU {
        guard let region = RegionCatalog.region(code), let factor = NormalizationFactor.forInstanceType(type) else {
            throw GeneratorError(.inconsistent, "instance \(type) in \(code) is not in the catalog")
        }
        let rate = try onDemandRate(type, region: region, platform: platform, tenancy: tenancy, explicit: explicit)
        let cacheKey = "\(type)|\(code)|\(platform)|\(tenancy)|\(rate)"
        if let existing = byKey[cacheKey] { return existing }
        let product = products.instance(type, region: region, platform: platform, tenancy: tenancy, rate: rate)
        let sku = InstanceSKU(
            index: skus.count, product: product,
            key: UsageKey(productCode: "AmazonEC2", usageType: product.usageType, operation: product.operation, region: code),
            instance: InstanceAttributes(instanceType: type, platform: platform, tenancy: tenancy),
            normalizationFactor: factor, onDemandRate: rate, zones: region.availabilityZones)
        skus.append(sku)
        byKey[cacheKey] = sku
        return sku
    }
}
