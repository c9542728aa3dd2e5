import Foundation
import Postgres

/// A row of `api_tokens`, without its hash: what `allot tokens list` shows and what a request authenticates as.
public struct APITokenRecord: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var role: APIRole
    /// The business units a finance or reader token is limited to (their descendants included); empty otherwise.
    public var businessUnits: [String]
    /// Who created it (`cli:<user>`).
    public var createdBy: String
    public var createdAt: Date
    /// When it was last used, to the minute; nil if never.
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    static let columns = "id, name, role, business_units, created_by, created_at, last_used_at, revoked_at"

    init(row: PostgresRow) throws {
        id = try row.decode(Int.self, "id")
        name = try row.decode(String.self, "name")
        let roleName = try row.decode(String.self, "role")
        guard let role = APIRole(roleName) else {
            throw PostgresError(code: .decoding, message: "api_tokens.role '\(roleName)' is not a role", columnName: "role")
        }
        self.role = role
        businessUnits = try row.decode([String].self, "business_units")
        createdBy = try row.decode(String.self, "created_by")
        createdAt = try row.decode(Date.self, "created_at")
        lastUsedAt = try row.decode(Date?.self, "last_used_at")
        revokedAt = try row.decode(Date?.self, "revoked_at")
    }

    /// Whether the token can still be used.
    public var isActive: Bool { revokedAt == nil }
}
