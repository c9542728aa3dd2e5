import Postgres

/// Whether the role a client connects as could switch off the triggers that keep issued invoices and the audit
/// log immutable: a superuser can, and so can the owner of a protected table. `allot status` warns about either.
public struct RoleCheck: Sendable, Hashable {
    /// The role in use (`current_user`).
    public var role: String
    public var isSuperuser: Bool
    /// The ``DatabaseRoles/protectedTables`` it owns, itself or through a role it belongs to.
    public var ownedProtectedTables: [String]

    public static func read(from client: PostgresClient) async throws -> RoleCheck {
        let rows = try await client.query(
            """
            SELECT current_user::text AS role, r.rolsuper AS superuser,
                array(SELECT c.relname::text FROM pg_class c
                      WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY($1::text[]) AND c.relkind IN ('r', 'p')
                          AND pg_has_role(current_user, c.relowner, 'USAGE')
                      ORDER BY 1) AS owned
            FROM pg_roles r WHERE r.rolname = current_user
            """, [DatabaseRoles.protectedTables])
        guard let row = rows.first else { return RoleCheck(role: "?", isSuperuser: false, ownedProtectedTables: []) }
        return RoleCheck(
            role: try row.decode(String.self, "role"), isSuperuser: try row.decode(Bool.self, "superuser"),
            ownedProtectedTables: try row.decode([String].self, "owned"))
    }

    /// What is wrong, one sentence each; empty when the role is fit to run the application.
    public var warnings: [String] {
        if isSuperuser {
            return [
                "the database role '\(role)' is a superuser: it can switch off the triggers that keep final invoices and "
                    + "the audit log immutable; run Allot as the role \(DatabaseRole.application) (README, \"Security model\")"
            ]
        }
        guard !ownedProtectedTables.isEmpty else { return [] }
        return [
            "the database role '\(role)' owns \(ownedProtectedTables.joined(separator: ", ")): it can switch off their "
                + "immutability triggers; only `allot migrate` should connect as the owner, everything else as "
                + "\(DatabaseRole.application) (README, \"Security model\")"
        ]
    }
}
