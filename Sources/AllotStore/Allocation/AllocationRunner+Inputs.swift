import AllotCore
import Postgres

extension AllocationRunner {
    /// An organization of a run and the number naming its line item partitions.
    struct OrganizationPartition: Sendable, Hashable {
        var org: String
        var partitionKey: Int
    }

    /// The organizations a run reads (those requested, or every one with a current delivery for the
    /// period), read before the run's transaction so that their partitions can be locked first.
    ///
    /// - Throws: `AllocationRunError` `noDeliveries` for a requested organization without a current delivery,
    ///   or when no organization has one.
    static func partitions(_ request: AllocationRequest, on connection: PostgresConnection) async throws -> [OrganizationPartition] {
        let rows = try await connection.query(
            """
            SELECT d.org_id, o.partition_key FROM cur_deliveries AS d JOIN organizations AS o ON o.id = d.org_id
            WHERE d.billing_period = $1::date AND d.status = 'current' AND ($2::text[] IS NULL OR d.org_id = ANY($2::text[]))
            ORDER BY d.org_id
            """, [request.period, request.organizations])
        let partitions = try rows.map {
            OrganizationPartition(org: try $0.decode(String.self, "org_id"), partitionKey: try $0.decode(Int.self, "partition_key"))
        }
        if let requested = request.organizations {
            let missing = Set(requested).subtracting(partitions.map(\.org)).sorted()
            guard missing.isEmpty else {
                throw AllocationRunError(
                    .noDeliveries, "no current delivery for \(request.period) of \(missing.joined(separator: ", "))")
            }
        }
        guard !partitions.isEmpty else {
            throw AllocationRunError(.noDeliveries, "no organization has a current delivery for \(request.period)")
        }
        return partitions
    }

    /// `LOCK TABLE` of the organizations' period partitions (and, recursively, their delivery tables). The
    /// names are built from numbers only (`LineItemPartitions`).
    static func lockStatement(_ partitions: [OrganizationPartition], period: BillingPeriod) -> String {
        let tables = partitions.map { LineItemPartitions.quote(LineItemPartitions.periodTable($0.partitionKey, period)) }
        return "LOCK TABLE \(tables.joined(separator: ", ")) IN ACCESS SHARE MODE"
    }

    /// The current delivery of each organization (inside the run's snapshot).
    static func inputDeliveries(
        _ period: BillingPeriod, organizations: [String], on connection: PostgresConnection
    ) async throws -> [AllocationRun.InputDelivery] {
        let rows = try await connection.query(
            """
            SELECT org_id, id FROM cur_deliveries
            WHERE billing_period = $1::date AND status = 'current' AND org_id = ANY($2::text[])
            ORDER BY org_id
            """, [period, organizations])
        let deliveries = try rows.map {
            AllocationRun.InputDelivery(org: try $0.decode(String.self, "org_id"), delivery: try $0.decode(Int.self, "id"))
        }
        guard deliveries.count == organizations.count else {
            throw AllocationRunError(.failed, "the deliveries of \(period) changed while the run started; run it again")
        }
        return deliveries
    }

    /// Names of the accounts (from CUR data), for `match.account-name`.
    static func accountNames(_ accounts: Set<String>, on connection: PostgresConnection) async throws -> [String: String] {
        let rows = try await connection.query(
            "SELECT account_id, name FROM accounts WHERE name IS NOT NULL AND account_id = ANY($1::text[])", [accounts.sorted()])
        var names: [String: String] = [:]
        for row in rows { names[try row.decode(String.self, "account_id")] = try row.decode(String.self, "name") }
        return names
    }
}
