import AllotCore

/// An EC2 Reserved Instance subscription as the scenario declares it.
///
/// Its price derives from the On-Demand rate of its instance type (``CommitmentPricing``) unless
/// ``effectiveHourlyRate`` is given; the payment option splits that into upfront and recurring.
public struct ReservedInstanceSpec: Sendable, Hashable {
    /// The reservation id (the ARN's last part); nil draws one from the seed.
    public var id: String?
    /// `m5.xlarge`.
    public var instanceType: String
    /// `us-east-1`.
    public var region: String
    /// The zone of a zonal RI; nil for a regional one.
    public var availabilityZone: String?
    /// The platform.
    public var platform: InstancePlatform
    /// The tenancy.
    public var tenancy: InstanceTenancy
    /// The number of instances reserved.
    public var count: Int
    /// 1 or 3 years.
    public var term: CommitmentTerm
    /// All, Partial or No Upfront.
    public var paymentOption: PaymentOption
    /// `standard` or `convertible` (`pricing/OfferingClass`).
    public var offeringClass: String
    /// The purchase instant, on a whole hour.
    public var start: Timestamp
    /// The effective cost of one instance-hour (amortized upfront + recurring); nil derives it.
    public var effectiveHourlyRate: Amount?

    init(
        id: String?, instanceType: String, region: String, availabilityZone: String?, platform: InstancePlatform,
        tenancy: InstanceTenancy, count: Int, term: CommitmentTerm, paymentOption: PaymentOption,
        offeringClass: String, start: Timestamp, effectiveHourlyRate: Amount?
    ) {
        self.id = id
        self.instanceType = instanceType
        self.region = region
        self.availabilityZone = availabilityZone
        self.platform = platform
        self.tenancy = tenancy
        self.count = count
        self.term = term
        self.paymentOption = paymentOption
        self.offeringClass = offeringClass
        self.start = start
        self.effectiveHourlyRate = effectiveHourlyRate
    }

    /// The end of the term (exclusive).
    public var end: Timestamp { start.adding(seconds: Int64(term.hours) * 3600) }
}
