/// One-call helpers that lease a connection, run, and return it to the pool.
extension PostgresClient {
    /// Runs one statement with bound parameters on a pooled connection and returns its rows.
    /// See `PostgresConnection.query(_:_:)`.
    @discardableResult
    public func query(_ sql: String, _ parameters: [(any PostgresEncodable)?] = []) async throws -> PostgresRows {
        try await withConnection { try await $0.query(sql, parameters) }
    }

    /// Runs one statement with bound parameters on a pooled connection and returns the affected row count.
    /// See `PostgresConnection.execute(_:_:)`.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [(any PostgresEncodable)?] = []) async throws -> Int {
        try await withConnection { try await $0.execute(sql, parameters) }
    }

    /// Runs multi-statement SQL text without parameters on a pooled connection.
    /// See `PostgresConnection.executeScript(_:)`.
    public func executeScript(_ sql: String) async throws {
        try await withConnection { try await $0.executeScript(sql) }
    }

    /// Runs `body` in a transaction on one pooled connection: committed if it returns, rolled back if it throws.
    /// See `PostgresConnection.withTransaction(_:)`.
    public func withTransaction<Value>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> Value
    ) async throws -> Value {
        try await withConnection { connection in
            try await connection.withTransaction(body)
        }
    }

    /// Runs `body` on one pooled connection while holding the session advisory lock `key`, waiting for it if
    /// needed. See `PostgresConnection.withAdvisoryLock(key:_:)`.
    public func withAdvisoryLock<Value>(
        key: Int64,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> Value
    ) async throws -> Value {
        try await withConnection { connection in
            try await connection.withAdvisoryLock(key: key, body)
        }
    }

    /// Runs `body` on one pooled connection if the session advisory lock `key` is free, holding it meanwhile;
    /// returns nil without running `body` if another session holds it.
    public func tryAdvisoryLock<Value>(
        key: Int64,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> Value
    ) async throws -> Value? {
        try await withConnection { connection in
            try await connection.tryAdvisoryLock(key: key, body)
        }
    }
}
