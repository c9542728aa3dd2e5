import CLibPQ
import Logging

extension PostgresConnection {
    /// Runs `body` inside `BEGIN` … `COMMIT`. If `body` throws, the transaction is rolled back and the error
    /// rethrown. Throws `transactionRolledBack` if `COMMIT` answers `ROLLBACK` (a statement failed inside `body` and
    /// its error was caught).
    ///
    /// `COMMIT` and `ROLLBACK` run even if the task has been cancelled, so the connection never stays inside a
    /// transaction; if `ROLLBACK` cannot run, the pool closes the connection. Nest with `withSavepoint`, not with
    /// another `withTransaction`.
    public func withTransaction<Value>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> Value
    ) async throws -> Value {
        try await run { connection in
            guard PQtransactionStatus(connection) == PQTRANS_IDLE else {
                throw PostgresError(
                    code: .unexpectedResult,
                    message: "withTransaction called inside a transaction; use withSavepoint to nest",
                    statement: "BEGIN"
                )
            }
            let result = PQexec(connection, "BEGIN")
            defer { PQclear(result) }
            _ = try Self.rows(from: result, connection: connection, statement: "BEGIN")
        }
        let value: Value
        do {
            value = try await body(self)
        } catch {
            await rollback()
            throw error
        }
        let tag: String
        do {
            tag = try await perform("COMMIT", [], cancellable: false).rows.commandTag
        } catch {
            await rollback()
            throw error
        }
        guard tag == "COMMIT" else {
            throw PostgresError(
                code: .transactionRolledBack,
                message: "the transaction was rolled back because a statement in it failed",
                statement: "COMMIT"
            )
        }
        return value
    }

    /// Runs `body` inside `SAVEPOINT` … `RELEASE SAVEPOINT`, rolling back to the savepoint if it throws. Use inside
    /// `withTransaction` to let part of a transaction fail without aborting the rest.
    public func withSavepoint<Value>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> Value
    ) async throws -> Value {
        savepointCounter += 1
        let name = "allot_savepoint_\(savepointCounter)"
        try await execute("SAVEPOINT \(name)")
        let value: Value
        do {
            value = try await body(self)
        } catch {
            do {
                try await perform("ROLLBACK TO SAVEPOINT \(name)", [], cancellable: false)
                try await perform("RELEASE SAVEPOINT \(name)", [], cancellable: false)
            } catch let rollbackError {
                logger.warning(
                    "postgres rollback to savepoint failed",
                    metadata: ["error": "\(rollbackError)", "savepoint": "\(name)"]
                )
            }
            throw error
        }
        try await execute("RELEASE SAVEPOINT \(name)")
        return value
    }

    /// Rolls back, ignoring cancellation; marks the connection for closing if that fails.
    private func rollback() async {
        do {
            try await perform("ROLLBACK", [], cancellable: false)
        } catch {
            mustDiscard = true
            logger.warning("postgres rollback failed; the connection will be closed", metadata: ["error": "\(error)"])
        }
    }
}
