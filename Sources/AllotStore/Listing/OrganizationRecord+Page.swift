import Postgres

extension OrganizationRecord {
    /// One page of organizations by id: those after `after` when given.
    public static func page(after: String? = nil, limit: Int, _ client: PostgresClient) async throws -> [OrganizationRecord] {
        try await client.query(
            """
            SELECT \(columns) FROM organizations
            WHERE ($1::text IS NULL OR id > $1)
            ORDER BY id LIMIT $2
            """, [after, limit]
        ).map(OrganizationRecord.init(row:))
    }
}
