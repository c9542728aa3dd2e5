import Logging
import Postgres

/// The audit log: every state-changing request and CLI action, appended, never edited.
public struct AuditLog: Sendable {
    public let client: PostgresClient

    public init(client: PostgresClient) {
        self.client = client
    }

    /// Appends one event.
    public func record(_ event: AuditEvent) async throws {
        try await client.withConnection { try await Self.record(event, on: $0) }
    }

    /// Appends one event on `connection` (inside the caller's transaction, so the event and the change it
    /// describes are committed together).
    static func record(_ event: AuditEvent, on connection: PostgresConnection) async throws {
        try await connection.execute(
            """
            INSERT INTO audit_log (actor, token_id, action, parameters, client_address, outcome, status, request_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """,
            [event.actor, event.tokenId, event.action, try PostgresJSON(encoding: event.parameters), event.clientAddress,
             event.outcome.description, event.status, event.requestId])
    }

    /// Entries newest first, those older than `before` (an entry id) when given.
    ///
    /// - Parameter limit: at most this many entries.
    public func entries(before: Int? = nil, limit: Int) async throws -> [AuditEntry] {
        try await client.query(
            """
            SELECT \(AuditEntry.columns) FROM audit_log
            WHERE ($1::bigint IS NULL OR id < $1)
            ORDER BY id DESC LIMIT $2
            """, [before, limit]
        ).map(AuditEntry.init(row:))
    }
}
