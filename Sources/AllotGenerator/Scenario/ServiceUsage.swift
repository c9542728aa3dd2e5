import AllotCore

/// Hourly usage of a service other than EC2 instances (S3, RDS, data transfer, …), from the
/// built-in service list (``ServiceCatalog``): one `Usage` row per account and hour.
public struct ServiceUsage: Sendable, Hashable {
    /// The catalog name: `s3-storage`, `rds-postgres`, `data-transfer-out`, ….
    public var service: String
    /// `us-east-1`.
    public var region: String
    /// The usage per hour at 100 % of the day's shape, in the service's pricing unit.
    public var quantity: Amount
    /// The rate per unit; nil takes the catalog's.
    public var rate: Amount?
    /// Tags added to (or replacing) the account's tags on this usage.
    public var tags: [ResourceTag]

    init(service: String, region: String, quantity: Amount, rate: Amount?, tags: [ResourceTag]) {
        self.service = service
        self.region = region
        self.quantity = quantity
        self.rate = rate
        self.tags = tags
    }
}
