/// An EC2 Reserved Instance subscription active during the hour.
///
/// A subscription of ``count`` reservations gives, each hour, `count` instance-hours, or
/// `count × normalizationFactor` normalized units when it is size-flexible
/// (`reference/aws-billing-rules.md` §1.4, §3.1):
///
/// - **Zonal** (``availabilityZone`` set): covers only usage with the same Availability Zone, instance
///   type, platform and tenancy.
/// - **Regional, size-flexible** (Linux/UNIX, shared tenancy): covers any size of its family in its
///   Region, counted in normalized units, smallest size first.
/// - **Regional, not flexible** (other platforms, dedicated tenancy): covers the same instance type,
///   platform and tenancy in any Availability Zone of its Region.
///
/// The cost of a used hour (or unit) is the effective cost: amortized upfront plus recurring fee
/// (`reservation_effective_cost`, §1.4).
public struct ReservedInstance: Sendable, Hashable, Identifiable {
    /// The RI ARN or reservation ID, unique among the hour's commitments.
    public var id: String
    /// The purchasing account. It gets the RI's hours first (§3.1).
    public var owner: String
    /// The Region, e.g. `us-east-1`.
    public var region: String
    /// The Availability Zone of a zonal RI; nil for a regional RI.
    public var availabilityZone: String?
    /// The instance type, e.g. `m5.xlarge`.
    public var instanceType: String
    /// The instance family, e.g. `m5`.
    public var family: String
    /// The platform; only ``InstancePlatform/linuxUnix`` regional RIs are size-flexible.
    public var platform: InstancePlatform
    /// The tenancy; only ``InstanceTenancy/shared`` regional RIs are size-flexible.
    public var tenancy: InstanceTenancy
    /// The number of reservations (instances) in the subscription.
    public var count: Int
    /// Normalized units per reservation per hour (`reservation_normalized_units_per_reservation`),
    /// e.g. 8 for an `xlarge`.
    public var normalizationFactor: Amount
    /// Effective cost of one reservation for one hour: amortized upfront plus recurring fee.
    public var effectiveHourlyCost: Amount

    /// Creates a subscription. `family` defaults to the part of `instanceType` before the first dot.
    public init(
        id: String,
        owner: String,
        region: String,
        availabilityZone: String? = nil,
        instanceType: String,
        family: String? = nil,
        platform: InstancePlatform = .linuxUnix,
        tenancy: InstanceTenancy = .shared,
        count: Int,
        normalizationFactor: Amount,
        effectiveHourlyCost: Amount
    ) {
        self.id = id
        self.owner = owner
        self.region = region
        self.availabilityZone = availabilityZone
        self.instanceType = instanceType
        self.family = family ?? InstanceAttributes.family(ofInstanceType: instanceType)
        self.platform = platform
        self.tenancy = tenancy
        self.count = count
        self.normalizationFactor = normalizationFactor
        self.effectiveHourlyCost = effectiveHourlyCost
    }

    /// Whether the RI is scoped to an Availability Zone.
    public var isZonal: Bool { availabilityZone != nil }

    /// Whether the RI applies across sizes of its family in normalized units: regional, Linux/UNIX,
    /// shared (default) tenancy (§3.1).
    public var isSizeFlexible: Bool {
        availabilityZone == nil && platform == .linuxUnix && tenancy == .shared
    }

    /// Instance-hours the subscription provides this hour: ``count``.
    public var reservedHours: Amount { Amount(count) }
}
