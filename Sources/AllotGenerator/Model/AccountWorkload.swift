import AllotCore

/// The usage one account generates each hour: its fleets and services, resolved against the
/// catalogs, with their random streams' seeds.
struct AccountWorkload: Sendable {
    let account: AccountEntry
    let profile: UsageProfile
    let fleets: [FleetPlan]
    let services: [ServicePlan]
}

/// An instance fleet of one account: a SKU, where it runs, how many, and stable instance ids.
struct FleetPlan: Sendable {
    let sku: InstanceSKU
    /// Zones as text and bytes; instances go round-robin over them.
    let zones: [String]
    let encodedZones: [[UInt8]]
    let count: Int
    let partialHourPercent: Int
    let tags: TagSet
    /// The seed of the fleet's per-hour random draws.
    let seed: UInt64
    /// `i-0…` ids of the fleet's instance slots, slot `k` being the `k`-th running instance.
    let instanceIds: [[UInt8]]

    /// How many instances run in an hour: the declared count at the hour's shape, ±1 a quarter of
    /// the time for fleets of four or more (and never more than the slots).
    func running(percent: Int, random: inout SeededRandom) -> Int {
        var running = (count * percent + 50) / 100
        if running >= 4 && random.chance(percent: 25) {
            running += random.chance(percent: 50) ? 1 : -1
        }
        return min(max(running, 0), instanceIds.count)
    }
}

/// A non-instance service of one account.
struct ServicePlan: Sendable {
    let product: ProductEntry
    let quantity: Amount
    let rate: Amount
    let tags: TagSet
    let resourceId: [UInt8]
    let seed: UInt64
}
