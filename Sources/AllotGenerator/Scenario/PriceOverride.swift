import AllotCore

/// An On-Demand rate per instance-hour for an instance type, Region and platform, replacing or
/// extending the built-in price list.
public struct PriceOverride: Sendable, Hashable {
    public var instanceType: String
    public var region: String
    public var platform: InstancePlatform
    public var rate: Amount

    init(instanceType: String, region: String, platform: InstancePlatform, rate: Amount) {
        self.instanceType = instanceType
        self.region = region
        self.platform = platform
        self.rate = rate
    }
}
