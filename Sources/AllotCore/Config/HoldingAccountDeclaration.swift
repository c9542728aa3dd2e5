/// An account that owns RIs and Savings Plans, the BU that owns them, and where it was (or will be).
public struct HoldingAccountDeclaration: Sendable, Hashable, Codable {
    public var account: String
    /// The BU owning the account's commitments.
    public var bu: String
    /// Declared organization membership, oldest first; intervals must not overlap.
    public var history: [MembershipInterval]

    public init(account: String, bu: String, history: [MembershipInterval] = []) {
        self.account = account
        self.bu = bu
        self.history = history
    }

    enum CodingKeys: String, CodingKey { case account, bu, history }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        account = try container.decode(String.self, forKey: .account)
        bu = try container.decode(String.self, forKey: .bu)
        history = try container.decodeIfPresent([MembershipInterval].self, forKey: .history) ?? []
    }
}

/// An account in an organization from `from` (inclusive) until `to` (exclusive; nil: open-ended).
/// Both are dates (`2026-01-01`, midnight UTC) or RFC 3339 instants, kept as written.
public struct MembershipInterval: Sendable, Hashable, Codable {
    public var org: String
    public var from: String
    public var to: String?

    public init(org: String, from: String, to: String? = nil) {
        self.org = org
        self.from = from
        self.to = to
    }
}

/// A business unit and its children (department → bureau → team, any depth).
public struct BusinessUnitDeclaration: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var children: [BusinessUnitDeclaration]

    public init(id: String, name: String? = nil, children: [BusinessUnitDeclaration] = []) {
        self.id = id
        self.name = name ?? id
        self.children = children
    }

    enum CodingKeys: String, CodingKey { case id, name, children }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? id
        children = try container.decodeIfPresent([BusinessUnitDeclaration].self, forKey: .children) ?? []
    }
}
