import AllotCore
import AllotStore
import AllotTestSupport
import Postgres
import Testing

/// What a test compares before and after a refused ingest: the database must not change.
struct StoreSnapshot: Equatable {
    var lineItems: Int
    var unblended: Amount
    var currentDeliveries: Int
    var memberships: Int
    var accounts: Int

    static func take(_ client: PostgresClient) async throws -> StoreSnapshot {
        let row = try #require(try await client.query(
            """
            SELECT (SELECT count(*) FROM line_items) AS items,
                   (SELECT coalesce(sum(unblended_cost), 0) FROM line_items) AS unblended,
                   (SELECT count(*) FROM cur_deliveries WHERE status = 'current') AS current,
                   (SELECT count(*) FROM account_memberships) AS memberships,
                   (SELECT count(*) FROM accounts) AS accounts
            """).first)
        return StoreSnapshot(
            lineItems: try row.decode(Int.self, "items"), unblended: try row.decode(Amount.self, "unblended"),
            currentDeliveries: try row.decode(Int.self, "current"), memberships: try row.decode(Int.self, "memberships"),
            accounts: try row.decode(Int.self, "accounts"))
    }
}

extension TestDatabase {
    func ingest(_ paths: [String], org: String? = nil, create: Bool = true, wait: Bool = true) async throws -> IngestOutcome {
        try await DeliveryIngest(client: client, logger: TestDatabase.logger)
            .ingest(IngestRequest(paths: paths, organization: org, createOrganization: create, wait: wait))
    }

    /// Σ of a column over an organization's period, straight from `line_items`.
    func sum(_ column: String, org: String, period: String) async throws -> Amount {
        // `column` is one of the fixed names tests pass, never input.
        try await client.query(
            "SELECT coalesce(sum(\(column)), 0) AS total FROM line_items WHERE org_id = $1 AND billing_period = $2::date",
            [org, period + "-01"]
        ).singleValue(Amount.self)
    }
}
