import AllotCore
import Postgres

/// One Reserved Instance or Savings Plan of the inventory (`commitments`): what the current deliveries say of it,
/// each field the newest billing period's value that is not NULL (nil where no delivery says).
public struct CommitmentRecord: Sendable, Hashable, Encodable {
    public var arn: String
    /// `standard-ri`, `convertible-ri`, `ri`, `compute-sp`, `ec2-instance-sp`, `sagemaker-sp`, `database-sp` or `sp`.
    public var kind: String
    /// The account that bought it: the fifth field of the ARN.
    public var ownerAccountId: String?
    public var productCode: String?
    public var region: String?
    /// Set for a zonal RI only.
    public var availabilityZone: String?
    public var instanceType: String?
    public var instanceTypeFamily: String?
    public var platform: String?
    public var tenancy: String?
    /// Regional Linux/UNIX shared-tenancy EC2 RI (`reference/aws-billing-rules.md` §3.1); nil for SPs and when unknown.
    public var sizeFlexible: Bool?
    public var numberOfReservations: Amount?
    /// Normalized units per hour, all reservations together.
    public var normalizedUnits: Amount?
    /// A Savings Plan's commitment per hour, in dollars.
    public var hourlyCommitment: Amount?
    public var term: String?
    public var paymentOption: String?
    public var starts: Timestamp?
    public var ends: Timestamp?
    public var upfrontValue: Amount?
    /// The newest billing period a current delivery shows it in.
    public var lastPeriod: BillingPeriod
    /// The organizations whose deliveries show it, sorted.
    public var organizations: [String]

    static let columns = """
        c.arn, c.kind, c.owner_account_id, c.product_code, c.region, c.availability_zone, c.instance_type,
        c.instance_type_family, c.platform, c.tenancy, c.size_flexible, c.number_of_reservations, c.normalized_units,
        c.hourly_commitment, c.term, c.payment_option, c.starts, c.ends, c.upfront_value, c.last_period,
        ARRAY(SELECT DISTINCT o.org_id FROM commitment_observations o WHERE o.arn = c.arn ORDER BY 1) AS organizations
        """

    init(row: PostgresRow) throws {
        arn = try row.decode(String.self, "arn")
        kind = try row.decode(String.self, "kind")
        ownerAccountId = try row.decode(String?.self, "owner_account_id")
        productCode = try row.decode(String?.self, "product_code")
        region = try row.decode(String?.self, "region")
        availabilityZone = try row.decode(String?.self, "availability_zone")
        instanceType = try row.decode(String?.self, "instance_type")
        instanceTypeFamily = try row.decode(String?.self, "instance_type_family")
        platform = try row.decode(String?.self, "platform")
        tenancy = try row.decode(String?.self, "tenancy")
        sizeFlexible = try row.decode(Bool?.self, "size_flexible")
        numberOfReservations = try row.decode(Amount?.self, "number_of_reservations")
        normalizedUnits = try row.decode(Amount?.self, "normalized_units")
        hourlyCommitment = try row.decode(Amount?.self, "hourly_commitment")
        term = try row.decode(String?.self, "term")
        paymentOption = try row.decode(String?.self, "payment_option")
        starts = try row.decode(Timestamp?.self, "starts")
        ends = try row.decode(Timestamp?.self, "ends")
        upfrontValue = try row.decode(Amount?.self, "upfront_value")
        lastPeriod = try row.decode(BillingPeriod.self, "last_period")
        organizations = try row.decode([String].self, "organizations")
    }

    enum CodingKeys: String, CodingKey {
        case arn, kind
        case ownerAccountId = "owner_account_id"
        case productCode = "product_code"
        case region
        case availabilityZone = "availability_zone"
        case instanceType = "instance_type"
        case instanceTypeFamily = "instance_type_family"
        case platform, tenancy
        case sizeFlexible = "size_flexible"
        case numberOfReservations = "number_of_reservations"
        case normalizedUnits = "normalized_units"
        case hourlyCommitment = "hourly_commitment"
        case term
        case paymentOption = "payment_option"
        case starts, ends
        case upfrontValue = "upfront_value"
        case lastPeriod = "last_period"
        case organizations
    }

    /// Every field, `null` where unknown; instants in RFC 3339, the period as `YYYY-MM`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(arn, forKey: .arn)
        try container.encode(kind, forKey: .kind)
        try container.encode(ownerAccountId, forKey: .ownerAccountId)
        try container.encode(productCode, forKey: .productCode)
        try container.encode(region, forKey: .region)
        try container.encode(availabilityZone, forKey: .availabilityZone)
        try container.encode(instanceType, forKey: .instanceType)
        try container.encode(instanceTypeFamily, forKey: .instanceTypeFamily)
        try container.encode(platform, forKey: .platform)
        try container.encode(tenancy, forKey: .tenancy)
        try container.encode(sizeFlexible, forKey: .sizeFlexible)
        try container.encode(numberOfReservations, forKey: .numberOfReservations)
        try container.encode(normalizedUnits, forKey: .normalizedUnits)
        try container.encode(hourlyCommitment, forKey: .hourlyCommitment)
        try container.encode(term, forKey: .term)
        try container.encode(paymentOption, forKey: .paymentOption)
        try container.encode(starts?.description, forKey: .starts)
        try container.encode(ends?.description, forKey: .ends)
        try container.encode(upfrontValue, forKey: .upfrontValue)
        try container.encode(lastPeriod.description, forKey: .lastPeriod)
        try container.encode(organizations, forKey: .organizations)
    }
}
