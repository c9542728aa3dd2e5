import Logging

extension PostgresConnection {
    /// Holds the session advisory lock `key` (`pg_advisory_lock`) while `body` runs, waiting for it if another
    /// session holds it, and releases it (`pg_advisory_unlock`) afterwards, also when `body` throws.
    ///
    /// Session locks are independent of transactions, so this works with or without `withTransaction` inside.
    /// Waiting for the lock cannot be interrupted by task cancellation; bound it with `lock_timeout` if needed.
    /// If the unlock cannot run, the connection is closed instead of reused, which releases the lock.
    public func withAdvisoryLock<Value>(
        key: Int64,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> Value
    ) async throws -> Value {
        try await execute("SELECT pg_advisory_lock($1)", [key])
        return try await holdingAdvisoryLock(key: key, body)
    }

    /// Like `withAdvisoryLock`, but returns nil at once without running `body` if another session holds the lock
    /// (`pg_try_advisory_lock`).
    public func tryAdvisoryLock<Value>(
        key: Int64,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> Value
    ) async throws -> Value? {
        let acquired = try await query("SELECT pg_try_advisory_lock($1)", [key]).singleValue(Bool.self)
        guard acquired else { return nil }
        return try await holdingAdvisoryLock(key: key, body)
    }

    private func holdingAdvisoryLock<Value>(
        key: Int64,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> Value
    ) async throws -> Value {
        let value: Value
        do {
            value = try await body(self)
        } catch {
            await unlockAdvisoryLock(key: key)
            throw error
        }
        await unlockAdvisoryLock(key: key)
        return value
    }

    private func unlockAdvisoryLock(key: Int64) async {
        do {
            let rows = try await perform("SELECT pg_advisory_unlock($1)", [key], cancellable: false).rows
            if try rows.singleValue(Bool.self) == false {
                logger.warning("postgres advisory lock was not held at unlock", metadata: ["key": "\(key)"])
            }
        } catch {
            mustDiscard = true
            logger.warning(
                "postgres advisory unlock failed; the connection will be closed to release the lock",
                metadata: ["key": "\(key)", "error": "\(error)"]
            )
        }
    }
}
