import AllotCore

/// A group of identical EC2 instances of a profile: one `Usage` line per running instance and hour
/// (`lineItem/ResourceId` = its instance id), before commitments apply.
public struct InstanceFleet: Sendable, Hashable {
    /// `m5.large`.
    public var instanceType: String
    /// `us-east-1`.
    public var region: String
    /// `us-east-1a`; nil spreads the instances over the Region's first three zones.
    public var availabilityZone: String?
    /// The operating system (`Linux/UNIX`, `Windows`, …).
    public var platform: InstancePlatform
    /// Shared (default) or dedicated.
    public var tenancy: InstanceTenancy
    /// Instances running at 100 % of the day's shape.
    public var count: Int
    /// The On-Demand rate per hour; nil takes the built-in price list (or the scenario's `prices`).
    public var rate: Amount?
    /// Percent of instance-hours that run only part of the hour (per-second billing).
    public var partialHourPercent: Int
    /// Tags added to (or replacing) the account's tags on these instances.
    public var tags: [ResourceTag]

    init(
        instanceType: String, region: String, availabilityZone: String?, platform: InstancePlatform,
        tenancy: InstanceTenancy, count: Int, rate: Amount?, partialHourPercent: Int, tags: [ResourceTag]
    ) {
        self.instanceType = instanceType
        self.region = region
        self.availabilityZone = availabilityZone
        self.platform = platform
        self.tenancy = tenancy
        self.count = count
        self.rate = rate
        self.partialHourPercent = partialHourPercent
        self.tags = tags
    }
}
