import AllotCore

/// The AWS Regions the generator knows: display name, usage type prefix, zones and price level.
struct RegionCatalog {
    /// One Region.
    struct Region: Sendable {
        /// `us-east-1`.
        let code: String
        /// `US East (N. Virginia)` (`product/location`).
        let location: String
        /// The usage type prefix (`USW2`); empty for us-east-1, which AWS writes without one.
        let usagePrefix: String
        /// On-Demand prices relative to us-east-1 (1.115 for Ireland).
        let priceLevel: Amount
        /// The legal entity that sells there.
        let legalEntity: String

        /// The zones the generator spreads instances over: `us-east-1a`, `-b`, `-c`.
        var availabilityZones: [String] { ["a", "b", "c"].map { code + $0 } }

        /// `prefix-` + `usageType`, or `usageType` alone in us-east-1.
        func usageType(_ usageType: String) -> String {
            usagePrefix.isEmpty ? usageType : usagePrefix + "-" + usageType
        }
    }

    private static let aws = "Amazon Web Services, Inc."
    private static let emea = "Amazon Web Services EMEA SARL"

    static let regions: [Region] = [
        Region(code: "us-east-1", location: "US East (N. Virginia)", usagePrefix: "", priceLevel: 1, legalEntity: aws),
        Region(code: "us-east-2", location: "US East (Ohio)", usagePrefix: "USE2", priceLevel: 1, legalEntity: aws),
        Region(
            code: "us-west-1", location: "US West (N. California)", usagePrefix: "USW1",
            priceLevel: Amount(minorUnits: 1_1667, exponent: 4), legalEntity: aws),
        Region(code: "us-west-2", location: "US West (Oregon)", usagePrefix: "USW2", priceLevel: 1, legalEntity: aws),
        Region(
            code: "eu-west-1", location: "EU (Ireland)", usagePrefix: "EU", priceLevel: Amount(minorUnits: 1_115, exponent: 3),
            legalEntity: emea),
        Region(
            code: "eu-west-2", location: "EU (London)", usagePrefix: "EUW2", priceLevel: Amount(minorUnits: 1_1667, exponent: 4),
            legalEntity: emea),
        Region(
            code: "eu-central-1", location: "EU (Frankfurt)", usagePrefix: "EUC1",
            priceLevel: Amount(minorUnits: 1_2, exponent: 1), legalEntity: emea),
        Region(
            code: "ap-southeast-1", location: "Asia Pacific (Singapore)", usagePrefix: "APS1",
            priceLevel: Amount(minorUnits: 1_25, exponent: 2), legalEntity: aws),
        Region(
            code: "ap-southeast-2", location: "Asia Pacific (Sydney)", usagePrefix: "APS2",
            priceLevel: Amount(minorUnits: 1_25, exponent: 2), legalEntity: aws),
        Region(
            code: "ap-northeast-1", location: "Asia Pacific (Tokyo)", usagePrefix: "APN1",
            priceLevel: Amount(minorUnits: 1_29, exponent: 2), legalEntity: aws),
    ]

    private static let byCode = Dictionary(uniqueKeysWithValues: regions.map { ($0.code, $0) })

    /// The Region with `code`, or nil.
    static func region(_ code: String) -> Region? {
        byCode[code]
    }

    /// Every Region code, for messages.
    static var codes: String { regions.map(\.code).joined(separator: ", ") }
}
