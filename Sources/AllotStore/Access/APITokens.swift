import Foundation
import Logging
import Postgres

/// The API tokens: created, listed and revoked by `allot tokens`, authenticated by `allot serve`.
///
/// Creating and revoking write the audit log in the same transaction as the change.
public struct APITokens: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// A new token and its secret, which is shown once and never stored.
    public struct Created: Sendable {
        public var record: APITokenRecord
        public var secret: APITokenSecret
    }

    /// Creates a token.
    ///
    /// - Parameters:
    ///   - name: unique among tokens that are not revoked; letters, digits, `_ . @ -`.
    ///   - role: the role; finance and reader tokens need `businessUnits`, admin and planner tokens take none.
    ///   - businessUnits: BUs some rule set declared (the token also sees their descendants).
    ///   - actor: who creates it, for the audit log (`cli:<user>`).
    /// - Throws: ``APITokenError``.
    public func create(name: String, role: APIRole, businessUnits: [String] = [], actor: String) async throws -> Created {
        try Self.checkName(name)
        let units = Array(Set(businessUnits)).sorted()
        if role.isScoped, units.isEmpty {
            throw APITokenError(.invalidScope, "\(role) tokens are limited to business units: name at least one with --bu")
        }
        if !role.isScoped, !units.isEmpty {
            throw APITokenError(.invalidScope, "\(role) tokens see every business unit; --bu is only for finance and reader tokens")
        }
        let secret = APITokenSecret.generate()
        let record = try await client.withTransaction { connection in
            try await Self.checkBusinessUnits(units, on: connection)
            let existing = try await connection.query(
                "SELECT 1 FROM api_tokens WHERE name = $1 AND revoked_at IS NULL", [name])
            guard existing.isEmpty else {
                throw APITokenError(.duplicateName, "a token named '\(name)' exists; revoke it first or choose another name")
            }
            let rows = try await connection.query(
                """
                INSERT INTO api_tokens (name, role, business_units, token_sha256, created_by)
                VALUES ($1, $2, $3::text[], $4, $5)
                RETURNING \(APITokenRecord.columns)
                """, [name, role.description, units, secret.sha256, actor])
            guard let row = rows.first else { throw APITokenError(.notFound, "token '\(name)' was not created") }
            let record = try APITokenRecord(row: row)
            var parameters = ["name": name, "role": role.description]
            if !units.isEmpty { parameters["business_units"] = units.joined(separator: ",") }
            try await AuditLog.record(
                AuditEvent(actor: actor, action: "tokens create", parameters: parameters, outcome: .success), on: connection)
            return record
        }
        logger.info("created API token", metadata: ["token.name": "\(name)", "token.role": "\(role)"])
        return Created(record: record, secret: secret)
    }

    /// Every token, revoked ones included, by name then creation.
    public func list() async throws -> [APITokenRecord] {
        try await client.query("SELECT \(APITokenRecord.columns) FROM api_tokens ORDER BY name, id")
            .map(APITokenRecord.init(row:))
    }

    /// Revokes the token of that name that is not revoked yet; it stops working at once (a server caching
    /// tokens notices within its cache time).
    ///
    /// - Throws: ``APITokenError`` `notFound`.
    public func revoke(name: String, actor: String) async throws -> APITokenRecord {
        let record = try await client.withTransaction { connection in
            let rows = try await connection.query(
                """
                UPDATE api_tokens SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL
                RETURNING \(APITokenRecord.columns)
                """, [name])
            guard let row = rows.first else {
                throw APITokenError(.notFound, "no active token is named '\(name)'")
            }
            let record = try APITokenRecord(row: row)
            try await AuditLog.record(
                AuditEvent(actor: actor, action: "tokens revoke", parameters: ["name": name], outcome: .success),
                on: connection)
            return record
        }
        logger.info("revoked API token", metadata: ["token.name": "\(name)"])
        return record
    }

    private static func checkName(_ name: String) throws {
        let allowed = name.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "_.@-".utf8.contains(byte)
        }
        guard allowed, (1...100).contains(name.utf8.count), let first = name.first, first.isLetter || first.isNumber else {
            throw APITokenError(
                .invalidName, "'\(name)' is not a token name: 1–100 letters, digits, '_', '.', '@' or '-', starting with a letter or digit")
        }
    }

    private static func checkBusinessUnits(_ units: [String], on connection: PostgresConnection) async throws {
        guard !units.isEmpty else { return }
        let known = Set(try await connection.query("SELECT id FROM business_units").map { try $0.decode(String.self, "id") })
        let unknown = units.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            let list = known.isEmpty ? "none yet (apply a configuration first)" : known.sorted().joined(separator: ", ")
            throw APITokenError(
                .unknownBusinessUnit, "unknown business unit\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", ")); known: \(list)")
        }
    }
}
