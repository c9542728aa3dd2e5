/// A member account.
public struct ScenarioAccount: Sendable, Hashable {
    /// The 12-digit account id.
    public var id: String
    /// The account name (`line_item_usage_account_name` in CUR 2.0).
    public var name: String
    /// The organization the account is in at the start of the first period.
    public var organization: String
    /// The usage profile it runs, or nil for an account without usage (a payer, a holding account).
    public var profile: String?
    /// Resource tags on all its usage (`resourceTags/user:<key>`), in declaration order.
    public var tags: [ResourceTag]

    init(id: String, name: String, organization: String, profile: String?, tags: [ResourceTag]) {
        self.id = id
        self.name = name
        self.organization = organization
        self.profile = profile
        self.tags = tags
    }
}

/// A user cost allocation tag: key (without `user:`) and value.
public struct ResourceTag: Sendable, Hashable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
