/// One usage line of one organization-hour: the input unit of the commitment engine.
///
/// A line is what the CUR would show as one `Usage` row before commitments: an account's usage of
/// one SKU (in one Availability Zone) during the hour, priced at On-Demand. The engine splits it
/// into covered parts (`DiscountedUsage`, `SavingsPlanCoveredUsage`) and an uncovered remainder
/// (`reference/aws-billing-rules.md` §1.3, §3).
public struct UsageLine: Sendable, Hashable, Identifiable {
    /// The caller's identifier, unique within the hour. Also the last tie-break of every ordering,
    /// so that equal-priority lines are covered in the same order whatever the input order.
    public var id: Int
    /// The consuming (usage) account, e.g. `111122223333`.
    public var account: String
    /// Product code, usage type, operation and Region: the Savings Plan rate key.
    public var key: UsageKey
    /// What commitments are eligible at all (EC2 instance, Fargate, Lambda, SageMaker, other).
    public var category: UsageCategory
    /// The Availability Zone (`us-east-1a`); nil when the usage is not zonal.
    public var availabilityZone: String?
    /// The instance the usage runs on; nil for non-instance usage.
    public var instance: InstanceAttributes?
    /// Normalized units per unit of ``quantity`` (CUR `line_item_normalization_factor`, e.g. 4 for a
    /// `large`); nil when unknown. Size-flexible RIs need it; exact-match RIs and Savings Plans do not.
    /// It is never defaulted from a table: pass the CUR's value, or ``NormalizationFactor`` explicitly.
    public var normalizationFactor: Amount?
    /// Usage amount in the pricing unit: instance-hours for EC2 (fractions for per-second billing).
    public var quantity: Amount
    /// On-Demand price per unit of ``quantity``.
    public var onDemandRate: Amount

    /// Creates a line from its parts.
    public init(
        id: Int,
        account: String,
        key: UsageKey,
        category: UsageCategory,
        availabilityZone: String? = nil,
        instance: InstanceAttributes? = nil,
        normalizationFactor: Amount? = nil,
        quantity: Amount,
        onDemandRate: Amount
    ) {
        self.id = id
        self.account = account
        self.key = key
        self.category = category
        self.availabilityZone = availabilityZone
        self.instance = instance
        self.normalizationFactor = normalizationFactor
        self.quantity = quantity
        self.onDemandRate = onDemandRate
    }

    /// Creates an EC2 instance line (category ``UsageCategory/ec2Instance``).
    ///
    /// ```swift
    /// let line = UsageLine.ec2Instance(
    ///     id: 1, account: "111122223333", usageType: "BoxUsage:m5.large", region: "us-east-1",
    ///     availabilityZone: "us-east-1a", instanceType: "m5.large", normalizationFactor: 4,
    ///     quantity: 1, onDemandRate: Amount("0.096")!)
    /// ```
    public static func ec2Instance(
        id: Int,
        account: String,
        usageType: String,
        operation: String = "RunInstances",
        region: String,
        availabilityZone: String? = nil,
        instanceType: String,
        family: String? = nil,
        platform: InstancePlatform = .linuxUnix,
        tenancy: InstanceTenancy = .shared,
        normalizationFactor: Amount?,
        quantity: Amount,
        onDemandRate: Amount
    ) -> UsageLine {
        UsageLine(
            id: id,
            account: account,
            key: UsageKey(productCode: "AmazonEC2", usageType: usageType, operation: operation, region: region),
            category: .ec2Instance,
            availabilityZone: availabilityZone,
            instance: InstanceAttributes(instanceType: instanceType, family: family, platform: platform, tenancy: tenancy),
            normalizationFactor: normalizationFactor,
            quantity: quantity,
            onDemandRate: onDemandRate
        )
    }

    /// CUR `line_item_product_code`.
    public var productCode: String { key.productCode }
    /// CUR `line_item_usage_type`.
    public var usageType: String { key.usageType }
    /// CUR `line_item_operation`.
    public var operation: String { key.operation }
    /// The Region code.
    public var region: String { key.region }
}
