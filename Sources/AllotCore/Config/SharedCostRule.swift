/// A shared cost (support fee, tax, a shared security account …) re-allocated over target BUs.
public struct SharedCostRule: Sendable, Hashable, Codable {
    public var name: String
    public var source: SharedCostSource
    public var targets: SharedCostTargets
    public var method: SplitMethod
    /// For `fixed`: target BU → percentage (exact decimal text); must sum to 100.
    public var percentages: [String: String]?

    public init(
        name: String, source: SharedCostSource, targets: SharedCostTargets, method: SplitMethod,
        percentages: [String: String]? = nil
    ) {
        self.name = name
        self.source = source
        self.targets = targets
        self.method = method
        self.percentages = percentages
    }

    enum CodingKeys: String, CodingKey { case name, source, targets, method, percentages }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        source = try container.decode(SharedCostSource.self, forKey: .source)
        targets = try container.decode(SharedCostTargets.self, forKey: .targets)
        method = try container.decode(SplitMethod.self, forKey: .method)
        percentages = try container.decodeIfPresent([String: FlexibleNumber].self, forKey: .percentages)?
            .mapValues(\.text)
    }
}

/// Which lines are the shared cost (any of the conditions).
public struct SharedCostSource: Sendable, Hashable, Codable {
    public var accounts: [String]?
    public var bus: [String]?
    public var productCodes: [String]?
    public var lineItemTypes: [String]?

    public init(accounts: [String]? = nil, bus: [String]? = nil, productCodes: [String]? = nil, lineItemTypes: [String]? = nil) {
        self.accounts = accounts
        self.bus = bus
        self.productCodes = productCodes
        self.lineItemTypes = lineItemTypes
    }

    enum CodingKeys: String, CodingKey {
        case accounts, bus
        case productCodes = "product-codes"
        case lineItemTypes = "line-item-types"
    }
}

/// Who receives a shared cost: listed BUs, every BU with spend, or every BU with spend in given orgs.
public struct SharedCostTargets: Sendable, Hashable, Codable {
    public var bus: [String]?
    public var allWithSpend: Bool?
    public var orgs: [String]?

    public init(bus: [String]? = nil, allWithSpend: Bool? = nil, orgs: [String]? = nil) {
        self.bus = bus
        self.allWithSpend = allWithSpend
        self.orgs = orgs
    }

    enum CodingKeys: String, CodingKey {
        case bus
        case allWithSpend = "all-with-spend"
        case orgs
    }
}

/// How a shared cost is split.
public enum SplitMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case even, proportional, fixed
}
