import AllotCUR
import AllotCore
import Foundation
import Postgres

extension DeliveryIngest {
    /// Copies the delivery into its own table and swaps it in, all in one transaction.
    func load(
        _ stream: IngestStream, organization: OrganizationRecord, deliveryId: Int, on connection: PostgresConnection,
        progress: (@Sendable (CURReadProgress) -> Void)?
    ) async throws -> DeliveryRecord {
        let period = stream.period
        try await connection.withTransaction { transaction in
            try await transaction.executeScript(
                LineItemPartitions.createDeliveryTable(delivery: deliveryId, organization: organization.id, period: period))
            _ = try await transaction.copyIn(
                table: LineItemPartitions.deliveryTable(deliveryId), columns: LineItemRow.columns, freeze: true,
                format: .binary
            ) { writer in
                try await Self.pipe(stream, to: writer, progress: progress)
                if let problem = stream.problem(organization: organization.id) { throw problem }
            }
            progress?(stream.reader.progress)
            _ = try await transaction.copyIn(
                table: "line_item_products", columns: ["delivery_id", "product_key", "attributes"], format: .binary
            ) { writer in try await writer.write(bytes: stream.encodeProducts()) }
            try await transaction.executeScript(LineItemPartitions.analyzeDeliveryTable(deliveryId))
            try await transaction.executeScript(
                LineItemPartitions.attachDeliveryTable(delivery: deliveryId, organizationKey: organization.partitionKey, period: period))
            let previous = try await Self.current(organization: organization.id, period: period, on: transaction)
            if let previous {
                try await transaction.executeScript(LineItemPartitions.dropDeliveryTable(previous.id))
                try await transaction.execute("DELETE FROM line_item_products WHERE delivery_id = $1", [previous.id])
                try await transaction.execute(
                    "UPDATE cur_deliveries SET status = 'superseded', superseded_by = $2 WHERE id = $1", [previous.id, deliveryId])
                try await transaction.execute("DELETE FROM account_memberships WHERE delivery_id = $1", [previous.id])
            }
            try await Self.recordAccounts(stream.totals, organization: organization.id, delivery: deliveryId, on: transaction)
            try await CommitmentInventory.refresh(
                delivery: deliveryId, organization: organization.id, period: period, superseding: previous?.id, on: transaction)
            let totals = stream.totals.all
            try await transaction.execute(
                """
                UPDATE cur_deliveries SET status = 'current', row_count = $2, unblended_total = $3, net_unblended_total = $4,
                    amortized_total = $5, net_amortized_total = $6, totals = $7, supersedes = $8, finished_at = now()
                WHERE id = $1
                """,
                [deliveryId, totals.rows, totals.unblended, totals.netUnblended, totals.amortized, totals.netAmortized,
                 try PostgresJSON(encoding: DeliveryReconciliation(stream.totals)), previous?.id])
        }
        guard let record = try await DeliveryRecord.find(id: deliveryId, on: connection) else {
            throw IngestError(.invalid, "delivery \(deliveryId) vanished after it was loaded")
        }
        return record
    }

    /// Reads, encodes and sends the whole delivery, the three stages overlapping: while batch n's rows travel to the
    /// server, batch n + 1 is encoded and batch n + 2 read and parsed, each on a thread of the blocking pool. A stage
    /// waits only for its own input and for its consumer to take its previous output (one batch each: the memory
    /// stays flat), so the server is never kept waiting by a step of the others.
    private static func pipe(
        _ stream: IngestStream, to writer: PostgresCopyWriter, progress: (@Sendable (CURReadProgress) -> Void)?
    ) async throws {
        let clock = ContinuousClock()
        var lastReport = clock.now
        var reading = Task { try await Blocking.run { try stream.readBatch() } }
        var sending: Task<Void, any Error>?
        do {
            while let batch = try await reading.value {
                reading = Task { try await Blocking.run { try stream.readBatch() } }
                let rows = try await Blocking.run { stream.encode(batch) }
                try await sending?.value
                sending = Task { try await writer.write(bytes: rows) }
                if let progress, clock.now - lastReport > .milliseconds(200) {
                    lastReport = clock.now
                    progress(stream.reader.progress)
                }
            }
            try await sending?.value
        } catch {
            // No stage may outlive the COPY: the writer is valid only inside it.
            reading.cancel()
            _ = try? await reading.value
            _ = try? await sending?.value
            throw error
        }
    }

    /// Records every account seen and its observed membership: from its first to its last usage hour
    /// in this delivery, in this organization.
    static func recordAccounts(
        _ totals: DeliveryTotals, organization: String, delivery: Int, on connection: PostgresConnection
    ) async throws {
        let accounts = totals.presence.keys.sorted()
        try await connection.execute(
            """
            INSERT INTO accounts (account_id, name)
            SELECT id, name FROM unnest($1::text[], $2::text[]) AS seen(id, name)
            ON CONFLICT (account_id) DO UPDATE SET name = COALESCE(accounts.name, EXCLUDED.name)
            """, [accounts, accounts.map { totals.accountNames[$0] }])
        try await connection.execute(
            """
            INSERT INTO account_memberships (account_id, org_id, during, source, delivery_id)
            SELECT id, $4, tstzrange(first_hour, last_hour, '[)'), 'observed', $5
            FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS seen(id, first_hour, last_hour)
            WHERE first_hour < last_hour
            """,
            [accounts, accounts.map { totals.presence[$0]?.first.description }, accounts.map { totals.presence[$0]?.last.description },
             organization, delivery])
    }
}
