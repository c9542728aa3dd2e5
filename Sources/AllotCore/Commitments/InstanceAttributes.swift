/// The EC2 instance a usage line runs on: what Reserved Instances and EC2 Instance Savings Plans
/// match against (`reference/aws-billing-rules.md` §3.1).
///
/// Immutable, with its strings in one shared storage object: lines of one SKU share one value, so
/// copying it is one reference count and the engine recognises repeated attributes by identity.
public struct InstanceAttributes: Sendable, Hashable {
    /// Immutable storage; a class so that copies share it and are recognised by identity.
    private final class Storage: Sendable {
        let instanceType: String
        let family: String
        let platform: InstancePlatform
        let tenancy: InstanceTenancy

        init(instanceType: String, family: String, platform: InstancePlatform, tenancy: InstanceTenancy) {
            self.instanceType = instanceType
            self.family = family
            self.platform = platform
            self.tenancy = tenancy
        }
    }

    private let storage: Storage

    /// Creates the attributes. `family` defaults to the part of `instanceType` before the first dot.
    public init(
        instanceType: String,
        family: String? = nil,
        platform: InstancePlatform = .linuxUnix,
        tenancy: InstanceTenancy = .shared
    ) {
        storage = Storage(
            instanceType: instanceType,
            family: family ?? InstanceAttributes.family(ofInstanceType: instanceType),
            platform: platform,
            tenancy: tenancy
        )
    }

    /// The instance type, e.g. `m5.large` (CUR `product_instance_type`).
    public var instanceType: String { storage.instanceType }
    /// The instance family, e.g. `m5` (CUR `product_instance_type_family`).
    public var family: String { storage.family }
    /// The operating system and licensed software.
    public var platform: InstancePlatform { storage.platform }
    /// Shared, dedicated or host.
    public var tenancy: InstanceTenancy { storage.tenancy }

    /// Whether both are copies of one value (cheaper than, and implying, equality).
    func isIdentical(to other: InstanceAttributes) -> Bool { storage === other.storage }

    public static func == (lhs: InstanceAttributes, rhs: InstanceAttributes) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.instanceType == rhs.instanceType && lhs.family == rhs.family && lhs.platform == rhs.platform
                && lhs.tenancy == rhs.tenancy)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(instanceType)
        hasher.combine(family)
        hasher.combine(platform)
        hasher.combine(tenancy)
    }

    /// The family part of an instance type: `m5` for `m5.large`, the whole text when it has no dot.
    public static func family(ofInstanceType instanceType: String) -> String {
        guard let dot = instanceType.firstIndex(of: ".") else { return instanceType }
        return String(instanceType[..<dot])
    }
}
