import Foundation
import Postgres

/// A row of `audit_log`.
public struct AuditEntry: Sendable, Hashable {
    public var id: Int
    public var at: Date
    public var event: AuditEvent

    static let columns = "id, at, actor, token_id, action, parameters, client_address, outcome, status, request_id"

    init(row: PostgresRow) throws {
        id = try row.decode(Int.self, "id")
        at = try row.decode(Date.self, "at")
        let outcome = try row.decode(String.self, "outcome")
        event = AuditEvent(
            actor: try row.decode(String.self, "actor"),
            tokenId: try row.decode(Int?.self, "token_id"),
            action: try row.decode(String.self, "action"),
            parameters: try row.decodeJSON([String: String].self, "parameters"),
            clientAddress: try row.decode(String?.self, "client_address"),
            outcome: outcome == "success" ? .success : .failure,
            status: try row.decode(Int?.self, "status"),
            requestId: try row.decode(String?.self, "request_id"))
    }
}
