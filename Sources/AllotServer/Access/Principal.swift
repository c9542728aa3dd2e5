import AllotStore

/// Who a request acts as: an authenticated API token.
public struct Principal: Sendable, Hashable {
    public var tokenId: Int
    /// The token's name: what logs and the audit log show (never the token itself).
    public var name: String
    public var role: APIRole
    /// The business units a finance or reader token is limited to (their descendants included).
    public var businessUnits: [String]

    public init(tokenId: Int, name: String, role: APIRole, businessUnits: [String]) {
        self.tokenId = tokenId
        self.name = name
        self.role = role
        self.businessUnits = businessUnits
    }

    init(_ record: APITokenRecord) {
        self.init(tokenId: record.id, name: record.name, role: record.role, businessUnits: record.businessUnits)
    }

    /// `token:<name>`, the actor of audit entries and of rule-set versions applied through the API.
    public var actor: String { "token:\(name)" }
}
