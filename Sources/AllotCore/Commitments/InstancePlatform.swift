/// The operating system (and licensed software) an EC2 instance or Reserved Instance is for.
///
/// Matching is by exact value: a Reserved Instance covers only usage of its own platform
/// (`reference/aws-billing-rules.md` §3.1). Only ``linuxUnix`` is eligible for size flexibility.
/// Callers map CUR values (`product_operating_system`, `product_pre_installed_sw`, the RI's product
/// description) to these values; other platforms are spelled as the RI product description spells them.
public struct InstancePlatform: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The platform name, e.g. `Linux/UNIX`, `Windows`, `Red Hat Enterprise Linux`.
    public let rawValue: String

    /// Creates a platform from its RI product description.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// Linux/UNIX: the only platform whose regional RIs are size-flexible.
    public static let linuxUnix = InstancePlatform("Linux/UNIX")
    /// Windows without SQL Server.
    public static let windows = InstancePlatform("Windows")
    /// Windows with SQL Server Standard.
    public static let windowsWithSQLServerStandard = InstancePlatform("Windows with SQL Server Standard")
    /// Red Hat Enterprise Linux.
    public static let redHatEnterpriseLinux = InstancePlatform("Red Hat Enterprise Linux")
    /// SUSE Linux.
    public static let suseLinux = InstancePlatform("SUSE Linux")

    public var description: String { rawValue }
}
