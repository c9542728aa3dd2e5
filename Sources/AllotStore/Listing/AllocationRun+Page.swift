import AllotCore
import Postgres

extension AllocationRun {
    /// One page of runs, newest first, optionally of one period: those with an id below `before` when given (keyset
    /// pagination, so pages stay stable while runs are added).
    public static func page(
        period: BillingPeriod? = nil, before: Int? = nil, limit: Int, _ client: PostgresClient
    ) async throws -> [AllocationRun] {
        try await client.query(
            """
            SELECT \(columns) FROM allocation_runs
            WHERE ($1::date IS NULL OR billing_period = $1::date) AND ($2::bigint IS NULL OR id < $2)
            ORDER BY id DESC LIMIT $3
            """, [period, before, limit]
        ).map(AllocationRun.init(row:))
    }

    /// The ids of the current runs (the latest successful one of each period) among `ids`.
    public static func currentIDs(among ids: [Int], _ client: PostgresClient) async throws -> Set<Int> {
        guard !ids.isEmpty else { return [] }
        let rows = try await client.query(
            """
            SELECT max(id) AS id FROM allocation_runs
            WHERE status = 'succeeded'
                AND billing_period IN (SELECT billing_period FROM allocation_runs WHERE id = ANY($1::bigint[]))
            GROUP BY billing_period
            """, [ids])
        let current = try rows.map { try $0.decode(Int.self, "id") }
        return Set(current).intersection(ids)
    }
}
