import AllotCore
import Postgres

/// A row of `cur_deliveries`: one delivery ever ingested (or attempted).
public struct DeliveryRecord: Sendable, Codable, Hashable {
    public var id: Int
    public var organization: String
    public var billingPeriod: String
    public var format: String
    public var assemblyId: String?
    public var contentSHA256: String
    public var status: String
    public var rowCount: Int?
    public var unblendedTotal: Amount?
    public var amortizedTotal: Amount?
    public var netUnblendedTotal: Amount?
    public var netAmortizedTotal: Amount?
    public var supersedes: Int?
    public var supersededBy: Int?
    public var error: String?
    public var startedAt: String
    public var finishedAt: String?

    static let columns = """
        id, org_id, to_char(billing_period, 'YYYY-MM') AS billing_period, format, assembly_id, content_sha256, status,
        row_count, unblended_total, amortized_total, net_unblended_total, net_amortized_total, supersedes, superseded_by,
        error, to_char(started_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS started_at,
        to_char(finished_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS finished_at
        """

    init(row: PostgresRow) throws {
        id = try row.decode(Int.self, "id")
        organization = try row.decode(String.self, "org_id")
        billingPeriod = try row.decode(String.self, "billing_period")
        format = try row.decode(String.self, "format")
        assemblyId = try row.decode(String?.self, "assembly_id")
        contentSHA256 = try row.decode(String.self, "content_sha256")
        status = try row.decode(String.self, "status")
        rowCount = try row.decode(Int?.self, "row_count")
        unblendedTotal = try row.decode(Amount?.self, "unblended_total")
        amortizedTotal = try row.decode(Amount?.self, "amortized_total")
        netUnblendedTotal = try row.decode(Amount?.self, "net_unblended_total")
        netAmortizedTotal = try row.decode(Amount?.self, "net_amortized_total")
        supersedes = try row.decode(Int?.self, "supersedes")
        supersededBy = try row.decode(Int?.self, "superseded_by")
        error = try row.decode(String?.self, "error")
        startedAt = try row.decode(String.self, "started_at")
        finishedAt = try row.decode(String?.self, "finished_at")
    }

    /// Deliveries, newest first, optionally of one organization and/or period.
    public static func list(
        organization: String? = nil, period: BillingPeriod? = nil, limit: Int = 1000, _ client: PostgresClient
    ) async throws -> [DeliveryRecord] {
        try await client.query(
            """
            SELECT \(columns) FROM cur_deliveries
            WHERE ($1::text IS NULL OR org_id = $1) AND ($2::date IS NULL OR billing_period = $2::date)
            ORDER BY id DESC LIMIT $3
            """, [organization, period, limit]
        ).map(DeliveryRecord.init(row:))
    }

    static func find(id: Int, on connection: PostgresConnection) async throws -> DeliveryRecord? {
        try await connection.query("SELECT \(columns) FROM cur_deliveries WHERE id = $1", [id]).first.map(DeliveryRecord.init(row:))
    }
}
