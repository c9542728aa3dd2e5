import Postgres

/// A row of `organizations`, as ingestion and allocation need it.
public struct OrganizationRecord: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var payerAccountId: String
    public var customer: String
    public var currency: String
    /// A number naming the organization's partitions (`line_items_o<key>`).
    public var partitionKey: Int

    static let columns = "id, name, payer_account_id, customer, currency, partition_key"

    init(row: PostgresRow) throws {
        id = try row.decode(String.self, "id")
        name = try row.decode(String.self, "name")
        payerAccountId = try row.decode(String.self, "payer_account_id")
        customer = try row.decode(String.self, "customer")
        currency = try row.decode(String.self, "currency")
        partitionKey = try row.decode(Int.self, "partition_key")
    }

    /// Every organization, by id.
    public static func all(_ client: PostgresClient) async throws -> [OrganizationRecord] {
        try await client.query("SELECT \(columns) FROM organizations ORDER BY id").map(OrganizationRecord.init(row:))
    }

    public static func find(id: String, _ client: PostgresClient) async throws -> OrganizationRecord? {
        try await client.query("SELECT \(columns) FROM organizations WHERE id = $1", [id]).first.map(OrganizationRecord.init(row:))
    }

    public static func find(payer: String, _ client: PostgresClient) async throws -> OrganizationRecord? {
        try await client.query("SELECT \(columns) FROM organizations WHERE payer_account_id = $1", [payer])
            .first.map(OrganizationRecord.init(row:))
    }

    /// Registers an organization; its payer account is recorded as a management account.
    public static func create(
        id: String, name: String, payerAccountId: String, customer: String = "default", currency: String = "USD",
        _ client: PostgresClient
    ) async throws -> OrganizationRecord {
        try await client.withTransaction { connection in
            try await connection.execute(
                """
                INSERT INTO accounts (account_id, kind) VALUES ($1, 'management')
                ON CONFLICT (account_id) DO NOTHING
                """, [payerAccountId])
            let rows = try await connection.query(
                """
                INSERT INTO organizations (id, name, payer_account_id, customer, currency) VALUES ($1, $2, $3, $4, $5)
                RETURNING \(columns)
                """, [id, name, payerAccountId, customer, currency])
            guard let row = rows.first else { throw IngestError(.invalid, "organization \(id) was not created") }
            return try OrganizationRecord(row: row)
        }
    }
}
