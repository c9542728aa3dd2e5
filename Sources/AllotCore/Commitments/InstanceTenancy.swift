/// Where an instance runs: on shared hardware (the RI API calls it `default`), on dedicated
/// hardware, or on a Dedicated Host.
///
/// Reserved Instances match only usage of the same tenancy, and only shared (default) tenancy RIs
/// are size-flexible (`reference/aws-billing-rules.md` §3.1).
public struct InstanceTenancy: Sendable, Hashable, CustomStringConvertible {
    private enum Base: Sendable, Hashable { case shared, dedicated, host }
    private let base: Base

    /// Shared hardware: CUR `product_tenancy = Shared`, RI tenancy `default`.
    public static let shared = InstanceTenancy(base: .shared)
    /// Dedicated Instances: CUR `Dedicated`, RI tenancy `dedicated`.
    public static let dedicated = InstanceTenancy(base: .dedicated)
    /// Dedicated Hosts: CUR `Host`.
    public static let host = InstanceTenancy(base: .host)

    /// Reads a CUR or RI spelling (`Shared`, `default`, `Dedicated`, `dedicated`, `Host`, `host`);
    /// nil for anything else.
    public init?(_ text: String) {
        switch text.lowercased() {
        case "shared", "default": base = .shared
        case "dedicated": base = .dedicated
        case "host": base = .host
        default: return nil
        }
    }

    private init(base: Base) {
        self.base = base
    }

    /// The CUR spelling: `Shared`, `Dedicated` or `Host`.
    public var description: String {
        switch base {
        case .shared: "Shared"
        case .dedicated: "Dedicated"
        case .host: "Host"
        }
    }
}
