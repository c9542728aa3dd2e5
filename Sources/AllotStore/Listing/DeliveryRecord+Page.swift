import AllotCore
import Postgres

extension DeliveryRecord {
    /// One page of deliveries, newest first: those with an id below `before` when given (keyset pagination, so
    /// pages stay stable while deliveries arrive).
    public static func page(
        organization: String? = nil, period: BillingPeriod? = nil, before: Int? = nil, limit: Int, _ client: PostgresClient
    ) async throws -> [DeliveryRecord] {
        try await client.query(
            """
            SELECT \(columns) FROM cur_deliveries
            WHERE ($1::text IS NULL OR org_id = $1) AND ($2::date IS NULL OR billing_period = $2::date)
                AND ($3::bigint IS NULL OR id < $3)
            ORDER BY id DESC LIMIT $4
            """, [organization, period, before, limit]
        ).map(DeliveryRecord.init(row:))
    }

    /// One delivery, nil if there is none with that id.
    public static func find(id: Int, _ client: PostgresClient) async throws -> DeliveryRecord? {
        try await client.withConnection { try await find(id: id, on: $0) }
    }
}
