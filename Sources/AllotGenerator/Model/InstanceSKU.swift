import AllotCore

/// An EC2 instance product with everything the engine and the rows need, built once per run: the
/// engine's ``UsageKey`` and ``InstanceAttributes`` (shared by every line of the SKU, as
/// ``CommitmentEngine`` wants), the normalization factor, the On-Demand rate and the row product.
final class InstanceSKU: Sendable {
    /// Position in the run's SKU list.
    let index: Int
    let product: ProductEntry
    let key: UsageKey
    let instance: InstanceAttributes
    /// `lineItem/NormalizationFactor`.
    let normalizationFactor: Amount
    /// On-Demand rate per instance-hour.
    let onDemandRate: Amount
    /// The Region's zones.
    let zones: [String]

    init(
        index: Int, product: ProductEntry, key: UsageKey, instance: InstanceAttributes, normalizationFactor: Amount,
        onDemandRate: Amount, zones: [String]
    ) {
        self.index = index
        self.product = product
        self.key = key
        self.instance = instance
        self.normalizationFactor = normalizationFactor
        self.onDemandRate = onDemandRate
        self.zones = zones
    }
}
