/// The identity of a priced usage: the key of a Savings Plan rate table.
///
/// AWS publishes a Savings Plan rate per (product, usage type, operation, Region): the usage type
/// carries the instance type and tenancy (`USW2-BoxUsage:m5.large`), the operation the platform
/// (`RunInstances:0002` is Windows). See `reference/aws-billing-rules.md` §1.5 (`savings_plan_rate`).
///
/// A key is immutable, and its strings and hash live in one shared storage object: a generator builds
/// each key once per SKU and reuses it on every line and hour, so copying a key is one reference count,
/// comparing two copies is one pointer comparison, and the hash is computed once.
public struct UsageKey: Sendable, Hashable, CustomStringConvertible {
    /// Immutable storage; a class so that copies share it and equal copies are recognised by identity.
    private final class Storage: Sendable {
        let productCode: String
        let usageType: String
        let operation: String
        let region: String
        let hash: Int

        init(productCode: String, usageType: String, operation: String, region: String) {
            self.productCode = productCode
            self.usageType = usageType
            self.operation = operation
            self.region = region
            var hasher = Hasher()
            hasher.combine(productCode)
            hasher.combine(usageType)
            hasher.combine(operation)
            hasher.combine(region)
            self.hash = hasher.finalize()
        }
    }

    private let storage: Storage

    public init(productCode: String, usageType: String, operation: String, region: String) {
        storage = Storage(productCode: productCode, usageType: usageType, operation: operation, region: region)
    }

    /// CUR `line_item_product_code`, e.g. `AmazonEC2`.
    public var productCode: String { storage.productCode }
    /// CUR `line_item_usage_type`, e.g. `USE1-BoxUsage:m5.large` (AWS omits the prefix in us-east-1).
    public var usageType: String { storage.usageType }
    /// CUR `line_item_operation`, e.g. `RunInstances`.
    public var operation: String { storage.operation }
    /// CUR `product_region_code`, e.g. `us-east-1`.
    public var region: String { storage.region }

    /// The hash of the four fields, computed once.
    var precomputedHash: Int { storage.hash }

    public static func == (lhs: UsageKey, rhs: UsageKey) -> Bool {
        if lhs.storage === rhs.storage { return true }
        return lhs.storage.hash == rhs.storage.hash && lhs.usageType == rhs.usageType && lhs.operation == rhs.operation
            && lhs.region == rhs.region && lhs.productCode == rhs.productCode
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.hash)
    }

    /// `product/usage type/operation/region`, for messages.
    public var description: String { "\(productCode)/\(usageType)/\(operation)/\(region)" }
}
