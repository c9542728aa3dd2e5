import AllotCore
import Postgres

extension RuleSets {
    /// What the registered organizations say about a document's organizations.
    struct RegistryCheck: Sendable {
        var warnings: [String]
    }

    /// Refuses a document whose organizations contradict registered ones; warns about registered organizations
    /// the document leaves out (they are kept: their data stays).
    ///
    /// Organizations are never renamed: a payer registered under another id (for example by
    /// `allot ingest --create-org`, which uses the payer account id) must be declared with that id.
    static func checkOrganizations(_ configuration: AllotConfiguration, on connection: PostgresConnection) async throws
        -> RegistryCheck
    {
        let rows = try await connection.query(
            """
            SELECT o.id, o.payer_account_id,
                   EXISTS (SELECT 1 FROM cur_deliveries d WHERE d.org_id = o.id) AS has_deliveries
            FROM organizations o ORDER BY o.id
            """)
        var registered: [(id: String, payer: String, hasDeliveries: Bool)] = []
        for row in rows {
            registered.append(
                (try row.decode(String.self, "id"), try row.decode(String.self, "payer_account_id"), try row.decode(Bool.self, "has_deliveries")))
        }
        var conflicts: [String] = []
        for (index, organization) in configuration.organizations.enumerated() {
            let subject = "organizations[\(index)] (\(organization.id))"
            if let other = registered.first(where: { $0.payer == organization.payer && $0.id != organization.id }) {
                conflicts.append(
                    "\(subject): payer account \(organization.payer) is already registered as organization '\(other.id)'; "
                        + "organizations are not renamed — declare it with id '\(other.id)'")
            } else if let same = registered.first(where: { $0.id == organization.id }), same.payer != organization.payer,
                same.hasDeliveries
            {
                conflicts.append(
                    "\(subject): registered with payer account \(same.payer), whose CUR deliveries it holds; "
                        + "its payer cannot change to \(organization.payer)")
            }
        }
        guard conflicts.isEmpty else { throw RuleSetError(.organizationConflict, conflicts) }
        let declared = Set(configuration.organizations.map(\.id))
        let warnings = registered.filter { !declared.contains($0.id) }.map { organization in
            "organization '\(organization.id)' (payer \(organization.payer)) is registered but not declared in the document"
        }
        return RegistryCheck(warnings: warnings)
    }

    /// Inserts or updates the document's organizations (name, payer, customer, the document's currency).
    static func writeOrganizations(_ configuration: AllotConfiguration, on connection: PostgresConnection) async throws {
        for organization in configuration.organizations {
            try await connection.execute(
                """
                INSERT INTO organizations (id, name, payer_account_id, customer, currency) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, payer_account_id = EXCLUDED.payer_account_id,
                    customer = EXCLUDED.customer, currency = EXCLUDED.currency
                """,
                [organization.id, organization.name, organization.payer, organization.customer, configuration.currency])
        }
    }

    /// Registers the accounts the document names (payers, declared accounts, holding accounts), takes declared
    /// names, and recomputes every account's kind: holding account, else declared kind, else `management` for
    /// a payer, else the first account pattern matching its name, else `workload`.
    static func writeAccounts(_ configuration: AllotConfiguration, on connection: PostgresConnection) async throws {
        var named: [(id: String, name: String?)] = configuration.organizations.map { ($0.payer, nil) }
        named += configuration.accounts.map { ($0.id, $0.name) }
        named += configuration.holdingAccounts.map { ($0.account, nil) }
        for account in named {
            try await connection.execute(
                """
                INSERT INTO accounts (account_id, name) VALUES ($1, $2)
                ON CONFLICT (account_id) DO UPDATE SET name = coalesce(EXCLUDED.name, accounts.name)
                """, [account.id, account.name])
        }
        let rows = try await connection.query(
            """
            SELECT a.account_id, a.name, a.kind,
                   EXISTS (SELECT 1 FROM organizations o WHERE o.payer_account_id = a.account_id) AS is_payer
            FROM accounts a
            """)
        for row in rows {
            let id = try row.decode(String.self, "account_id")
            let kind = configuration.accountKind(
                account: id, name: try row.decode(String?.self, "name"), isPayer: try row.decode(Bool.self, "is_payer"))
            if kind.rawValue != (try row.decode(String.self, "kind")) {
                try await connection.execute("UPDATE accounts SET kind = $2 WHERE account_id = $1", [id, kind.rawValue])
            }
        }
    }
}
