import Foundation
import Postgres

/// An account that was a member of an organization at an instant, by observed and/or declared memberships.
public struct AccountMember: Sendable, Hashable {
    public var accountId: String
    public var name: String?
    /// `workload`, `holding`, `shared`, `management` or `sandbox`.
    public var kind: String
    public var organization: String
    /// `declared` and/or `observed`, sorted.
    public var sources: [String]
    /// The start of the memberships that contain the instant (the earliest, when several do).
    public var memberFrom: Date
    /// Their end (exclusive; the latest); nil when one of them is open-ended.
    public var memberUntil: Date?

    init(row: PostgresRow) throws {
        accountId = try row.decode(String.self, "account_id")
        name = try row.decode(String?.self, "name")
        kind = try row.decode(String.self, "kind")
        organization = try row.decode(String.self, "org_id")
        sources = try row.decode([String].self, "sources")
        memberFrom = try row.decode(Date.self, "member_from")
        memberUntil = try row.decode(Date?.self, "member_until")
    }

    /// The accounts that were members at `instant` (of `organization`, or of any), by account id then
    /// organization: those after (`afterAccount`, `afterOrganization`) when given.
    ///
    /// Both kinds of membership count (`account_memberships`): observed (the payer whose CUR showed the account's
    /// usage) and declared (the configuration's holding-account history).
    public static func members(
        organization: String?, at instant: Date, after: (account: String, organization: String)? = nil, limit: Int,
        _ client: PostgresClient
    ) async throws -> [AccountMember] {
        try await client.query(
            """
            SELECT m.account_id, a.name, a.kind, m.org_id,
                   array_agg(DISTINCT m.source ORDER BY m.source) AS sources,
                   min(lower(m.during)) AS member_from,
                   CASE WHEN bool_or(upper_inf(m.during)) THEN NULL ELSE max(upper(m.during)) END AS member_until
            FROM account_memberships m JOIN accounts a ON a.account_id = m.account_id
            WHERE ($1::text IS NULL OR m.org_id = $1) AND m.during @> $2::timestamptz
                AND ($3::text IS NULL OR (m.account_id, m.org_id) > ($3::text, $4::text))
            GROUP BY m.account_id, a.name, a.kind, m.org_id
            ORDER BY m.account_id, m.org_id
            LIMIT $5
            """, [organization, instant, after?.account, after?.organization, limit]
        ).map(AccountMember.init(row:))
    }
}
