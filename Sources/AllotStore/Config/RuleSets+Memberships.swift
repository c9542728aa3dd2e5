import AllotCore
import Postgres

extension RuleSets {
    /// Declared intervals during which CUR deliveries show the account in another organization.
    static func contradictions(_ memberships: [DeclaredMembership], on connection: PostgresConnection) async throws -> [String] {
        guard !memberships.isEmpty else { return [] }
        let accounts = Array(Set(memberships.map(\.account))).sorted()
        let rows = try await connection.query(
            """
            SELECT account_id, org_id, lower(during) AS starts, upper(during) AS ends
            FROM account_memberships
            WHERE source = 'observed' AND account_id = ANY($1::text[])
            ORDER BY account_id, lower(during), org_id
            """, [accounts])
        var observed: [(account: String, org: String, start: Timestamp, end: Timestamp?)] = []
        for row in rows {
            observed.append(
                (try row.decode(String.self, "account_id"), try row.decode(String.self, "org_id"),
                 try row.decode(Timestamp.self, "starts"), try row.decode(Timestamp?.self, "ends")))
        }
        var warnings: [String] = []
        for declared in memberships {
            for seen in observed where seen.account == declared.account && seen.org != declared.org {
                let overlaps = (seen.end.map { $0 > declared.start } ?? true) && (declared.end.map { $0 > seen.start } ?? true)
                guard overlaps else { continue }
                warnings.append(
                    "\(declared.path): account \(declared.account) is declared in \(declared.org) \(declared.span), "
                        + "but CUR deliveries show it in \(seen.org) from \(seen.start)" + (seen.end.map { " to \($0)" } ?? ""))
            }
        }
        return warnings
    }

    /// Replaces the declared memberships with those of `version` (the newest).
    static func writeMemberships(_ memberships: [DeclaredMembership], version: Int, on connection: PostgresConnection) async throws {
        try await connection.execute("DELETE FROM account_memberships WHERE source = 'declared'")
        for membership in memberships {
            try await connection.execute(
                """
                INSERT INTO account_memberships (account_id, org_id, during, source, rule_set_version)
                VALUES ($1, $2, tstzrange($3::timestamptz, $4::timestamptz, '[)'), 'declared', $5)
                """, [membership.account, membership.org, membership.start, membership.end, version])
        }
    }
}
