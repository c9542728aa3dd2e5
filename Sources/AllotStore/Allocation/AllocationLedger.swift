import AllotCore
import Postgres

/// The ledger of allocation runs (`allocation_ledger`): writing a run's rows, reconciling them in SQL,
/// and reading them back for `allot ledger` and invoices.
public enum AllocationLedger {
    static let columns = ["run_id", "bu_id", "org_id", "account_id", "product_code", "category", "source", "amount"]

    /// Copies a run's rows in (inside the run's transaction).
    static func write(_ entries: [LedgerEntry], run: Int, on connection: PostgresConnection) async throws {
        guard !entries.isEmpty else { return }
        _ = try await connection.copyIn(table: "allocation_ledger", columns: columns) { writer in
            var buffer = CopyRowEncoder(reservingCapacity: 256 * 1024)
            let runText = String(run)
            for entry in entries {
                buffer.append(runText)
                buffer.append(entry.bu)
                buffer.append(entry.org)
                buffer.append(entry.account)
                buffer.append(entry.productCode)
                buffer.append(entry.category.rawValue)
                buffer.append(entry.source)
                buffer.append(entry.amount)
                buffer.endRow()
                if buffer.byteCount >= 256 * 1024 {
                    try await writer.write(buffer)
                    buffer.removeAll()
                }
            }
            try await writer.write(buffer)
        }
    }

    /// Σ ledger per organization, computed by the database from the rows just written, next to the
    /// line-item totals of the same organizations (from the run's grouping query, same snapshot).
    ///
    /// An organization on either side only counts as zero on the other, so a row billed in an
    /// organization outside the run is caught as well.
    static func reconcile(
        run: Int, lineItems: [String: Amount], organizations: [String], on connection: PostgresConnection
    ) async throws -> Reconciliation {
        let orgs = Array(Set(organizations).union(lineItems.keys)).sorted()
        let rows = try await connection.query(
            """
            SELECT org_id, coalesce(items.total, 0) AS line_items, coalesce(ledger.total, 0) AS ledger
            FROM unnest($2::text[], $3::numeric[]) AS items (org_id, total)
            FULL JOIN (
                SELECT org_id, sum(amount) AS total FROM allocation_ledger WHERE run_id = $1 GROUP BY org_id
            ) AS ledger USING (org_id)
            ORDER BY org_id
            """, [run, orgs, orgs.map { lineItems[$0] ?? .zero }])
        return Reconciliation(
            organizations: try rows.map { row in
                Reconciliation.Organization(
                    org: try row.decode(String.self, "org_id"), lineItems: try row.decode(Amount.self, "line_items"),
                    ledger: try row.decode(Amount.self, "ledger"))
            })
    }

    /// The rows of a run, optionally only of some BUs, in key order.
    public static func entries(run: Int, bus: [String]? = nil, _ client: PostgresClient) async throws -> [LedgerEntry] {
        try await client.query(
            """
            SELECT bu_id, org_id, account_id, product_code, category, source, amount FROM allocation_ledger
            WHERE run_id = $1 AND ($2::text[] IS NULL OR bu_id = ANY($2::text[]))
            ORDER BY bu_id, org_id, account_id, product_code NULLS FIRST, category, source
            """, [run, bus]
        ).map { row in
            LedgerEntry(
                bu: try row.decode(String.self, "bu_id"), org: try row.decode(String.self, "org_id"),
                account: try row.decode(String.self, "account_id"), productCode: try row.decode(String?.self, "product_code"),
                category: AllocationCategory(rawValue: try row.decode(String.self, "category")),
                source: try row.decode(String.self, "source"), amount: try row.decode(Amount.self, "amount"))
        }
    }

    /// Σ of a run's rows per BU and one dimension, summed by the database.
    public static func totals(run: Int, by dimension: LedgerDimension, _ client: PostgresClient) async throws -> [LedgerTotal] {
        try await client.query(
            """
            SELECT bu_id, \(dimension.column) AS key, sum(amount) AS amount FROM allocation_ledger
            WHERE run_id = $1 GROUP BY 1, 2 ORDER BY 1, 2
            """, [run]
        ).map { row in
            LedgerTotal(
                bu: try row.decode(String.self, "bu_id"), key: try row.decode(String?.self, "key") ?? "",
                amount: try row.decode(Amount.self, "amount"))
        }
    }
}
