import AllotCore
import Foundation
import Postgres

/// The partitions of `line_items`: one table per organization, one per (organization, billing period)
/// under it, and one per delivery under that.
///
/// A delivery is loaded into a table of its own, outside the partition tree and invisible to readers,
/// then swapped in: attached under its period, with the previous delivery's table dropped, in one short
/// transaction. Readers see the old rows or the new, never a mix or nothing. Table names come from
/// numbers only (`line_items_o3_p202606`, `line_items_d42`), never from user input.
enum LineItemPartitions {
    static func organizationTable(_ key: Int) -> String { "line_items_o\(key)" }

    static func periodTable(_ key: Int, _ period: BillingPeriod) -> String {
        "line_items_o\(key)_p\(period.year)\(period.month < 10 ? "0" : "")\(period.month)"
    }

    static func deliveryTable(_ delivery: Int) -> String { "line_items_d\(delivery)" }

    /// Serialises partition DDL across sessions ("allot" + 2).
    static let ddlLockKey: Int64 = 0x616c_6c6f_7402

    /// Creates the organization's and the period's tables if they are missing (each committed at once,
    /// both empty until a delivery is attached).
    static func ensure(
        organization: OrganizationRecord, period: BillingPeriod, client: PostgresClient
    ) async throws {
        try await client.withAdvisoryLock(key: ddlLockKey) { connection in
            let orgTable = organizationTable(organization.partitionKey)
            try await connection.executeScript("""
                CREATE TABLE IF NOT EXISTS \(quote(orgTable))
                    PARTITION OF line_items FOR VALUES IN (\(literal(organization.id)))
                    PARTITION BY LIST (billing_period)
                """)
            try await connection.executeScript("""
                CREATE TABLE IF NOT EXISTS \(quote(periodTable(organization.partitionKey, period)))
                    PARTITION OF \(quote(orgTable)) FOR VALUES IN (\(literal(period.dateText)))
                    PARTITION BY LIST (delivery_id)
                """)
        }
    }

    /// The DDL of a delivery's load table: the shape of `line_items`, with CHECK constraints that imply
    /// its partition bounds so that attaching it needs no scan.
    static func createDeliveryTable(delivery: Int, organization: String, period: BillingPeriod) -> String {
        """
        CREATE TABLE \(quote(deliveryTable(delivery))) (
            LIKE line_items INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
            CHECK (delivery_id = \(delivery)),
            CHECK (org_id = \(literal(organization))),
            CHECK (billing_period = \(literal(period.dateText)))
        )
        """
    }

    static func attachDeliveryTable(delivery: Int, organizationKey: Int, period: BillingPeriod) -> String {
        """
        ALTER TABLE \(quote(periodTable(organizationKey, period)))
            ATTACH PARTITION \(quote(deliveryTable(delivery))) FOR VALUES IN (\(delivery))
        """
    }

    /// Statistics on the columns that reports group and filter by, gathered at load time: without them the
    /// planner guesses every grouping huge and sorts a month of rows instead of hashing a few hundred groups
    /// (an allocation right after an ingest took 6 s instead of 1; autovacuum would only catch up later).
    static func analyzeDeliveryTable(_ delivery: Int) -> String {
        """
        ANALYZE \(quote(deliveryTable(delivery))) (org_id, billing_period, usage_account_id, line_item_type,
            product_code, commitment_arn, commitment_owner_account_id, billing_entity, invoice_id, tags, cost_categories)
        """
    }

    static func dropDeliveryTable(_ delivery: Int) -> String {
        "DROP TABLE IF EXISTS \(quote(deliveryTable(delivery)))"
    }

    /// A double-quoted identifier (`"` doubled), as `PQescapeIdentifier` produces for these ASCII names.
    static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A single-quoted literal for DDL, which takes no parameters. Only organization ids (validated by
    /// the `organizations` CHECK constraint: `[a-z0-9_.-]`) and generated dates reach it.
    static func literal(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
