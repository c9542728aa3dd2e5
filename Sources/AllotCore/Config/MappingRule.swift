/// One mapping rule: lines matching `match` go to `bu`, or to the BU named by a tag's value.
/// Rules are ordered; the first that matches (and yields a BU) wins.
public struct MappingRule: Sendable, Hashable, Codable {
    public var name: String?
    public var match: LineMatch
    /// The target BU; exactly one of `bu` and `buFromTag` is set.
    public var bu: String?
    public var buFromTag: TagToBU?

    public init(name: String? = nil, match: LineMatch = LineMatch(), bu: String? = nil, buFromTag: TagToBU? = nil) {
        self.name = name
        self.match = match
        self.bu = bu
        self.buFromTag = buFromTag
    }

    enum CodingKeys: String, CodingKey {
        case name, match, bu
        case buFromTag = "bu-from-tag"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        match = try container.decodeIfPresent(LineMatch.self, forKey: .match) ?? LineMatch()
        bu = try container.decodeIfPresent(String.self, forKey: .bu)
        buFromTag = try container.decodeIfPresent(TagToBU.self, forKey: .buFromTag)
    }
}

/// "Inherit the BU from a tag's value": `values` maps tag values to BU ids.
public struct TagToBU: Sendable, Hashable, Codable {
    /// The canonical tag key.
    public var tag: String
    public var values: [String: String]

    public init(tag: String, values: [String: String]) {
        self.tag = tag
        self.values = values
    }
}

/// Conditions on a line item; every condition given must hold, a list means "any of".
public struct LineMatch: Sendable, Hashable, Codable {
    public var accounts: [String]?
    /// A glob on the account name (`*` and `?`).
    public var accountName: String?
    public var orgs: [String]?
    /// Canonical tag key → accepted values.
    public var tags: [String: [String]]?
    /// Canonical cost category name → accepted values.
    public var costCategories: [String: [String]]?
    public var productCodes: [String]?
    public var lineItemTypes: [String]?

    public init(
        accounts: [String]? = nil, accountName: String? = nil, orgs: [String]? = nil, tags: [String: [String]]? = nil,
        costCategories: [String: [String]]? = nil, productCodes: [String]? = nil, lineItemTypes: [String]? = nil
    ) {
        self.accounts = accounts
        self.accountName = accountName
        self.orgs = orgs
        self.tags = tags
        self.costCategories = costCategories
        self.productCodes = productCodes
        self.lineItemTypes = lineItemTypes
    }

    /// True when no condition is given (matches everything).
    public var isEmpty: Bool {
        accounts == nil && accountName == nil && orgs == nil && tags == nil && costCategories == nil
            && productCodes == nil && lineItemTypes == nil
    }

    enum CodingKeys: String, CodingKey {
        case accounts
        case accountName = "account-name"
        case orgs, tags
        case costCategories = "cost-categories"
        case productCodes = "product-codes"
        case lineItemTypes = "line-item-types"
    }
}
