import CLibPQ
import Logging
import NIOPosix

/// One libpq connection (`PGconn*`) to PostgreSQL.
///
/// Usually obtained from `PostgresClient.withConnection` or `withTransaction`; the pool validates, replaces and
/// closes connections. Every blocking libpq call runs on the `NIOThreadPool` the connection was created with,
/// never on the Swift concurrency cooperative pool.
///
/// `@unchecked Sendable` because libpq allows a `PGconn` to be used from any thread but not from two at once.
/// That is guaranteed by how the type is used, not by the compiler: a connection belongs to exactly one task at a
/// time (the pool hands it to one `withConnection` body, and the body's calls are sequential `await`s), and each
/// libpq call happens inside one thread-pool work item that the owning task awaits. The mutable state below is
/// only touched by that owner. Do not share a connection between concurrently running tasks.
public final class PostgresConnection: @unchecked Sendable {
    /// The `PGconn*`; nil once finished, so `PQfinish` runs exactly once.
    private var handle: OpaquePointer?
    /// Where notices are logged. Kept alive as long as the connection; libpq holds an unretained pointer to it.
    private let noticeSink: NoticeSink
    let threadPool: NIOThreadPool
    /// The logger given at connect time, with `postgres.backend_pid` metadata.
    public let logger: Logger
    /// The server process serving this connection (`pg_backend_pid()`).
    public let backendPID: Int32
    /// Set when cleanup (ROLLBACK, advisory unlock, COPY end) could not run, so the session may hold state
    /// that must not leak to the next user; the pool closes such connections instead of reusing them.
    var mustDiscard = false
    /// Numbers savepoints so nested `withSavepoint` calls get distinct names.
    var savepointCounter = 0

    private init(handle: OpaquePointer, noticeSink: NoticeSink, threadPool: NIOThreadPool, logger: Logger) {
        self.handle = handle
        self.noticeSink = noticeSink
        self.threadPool = threadPool
        self.backendPID = PQbackendPID(handle)
        var logger = logger
        logger[metadataKey: "postgres.backend_pid"] = "\(PQbackendPID(handle))"
        self.logger = logger
    }

    deinit {
        finish()
    }

    /// Opens a connection with libpq's `PQconnectdbParams` (`expand_dbname = 1`) on `threadPool`.
    ///
    /// Adds `application_name`, `connect_timeout`, `client_encoding=UTF8` and the session settings the decoders
    /// rely on (`DateStyle=ISO`, `TimeZone=UTC`, `IntervalStyle=iso_8601`, `extra_float_digits=3`).
    public static func connect(
        configuration: PostgresConfiguration,
        threadPool: NIOThreadPool,
        logger: Logger
    ) async throws -> PostgresConnection {
        let noticeSink = NoticeSink(logger: logger)
        let handle = try await runOnThreadPool(threadPool) { () throws -> UnsafeHandle in
            let connection = configuration.withConnectionParameterArrays { keywords, values in
                PQconnectdbParams(keywords, values, 1)
            }
            guard let connection else {
                throw PostgresError(code: .connectionFailed, message: "libpq could not allocate a connection")
            }
            guard PQstatus(connection) == CONNECTION_OK else {
                let error = PostgresError.from(connection: connection, code: .connectionFailed, statement: nil)
                PQfinish(connection)
                throw PostgresError(code: .connectionFailed, message: error.message)
            }
            if let problem = sessionProblem(connection) {
                PQfinish(connection)
                throw PostgresError(code: .connectionFailed, message: problem)
            }
            noticeSink.install(on: connection)
            return UnsafeHandle(pointer: connection)
        }
        let connection = PostgresConnection(
            handle: handle.pointer,
            noticeSink: noticeSink,
            threadPool: threadPool,
            logger: logger
        )
        connection.logger.debug("postgres connection opened")
        return connection
    }

    /// Closes the connection (`PQfinish`). Further calls fail with `connectionClosed`. Safe to call twice.
    public func close() async {
        guard handle != nil else { return }
        do {
            try await runToCompletion { _ in self.finish() }
        } catch {
            // The thread pool is gone; PQfinish only sends a 5-byte Terminate message, so do it here.
            finish()
        }
    }

    /// Whether the connection has been closed by `close()` or by the pool.
    public var isClosed: Bool { handle == nil }

    func finish() {
        guard let handle else { return }
        PQfinish(handle)
        self.handle = nil
    }

    /// Runs `body` with the `PGconn*` on the thread pool. Skipped with `CancellationError` if the task is cancelled
    /// before the work starts, which is harmless between statements.
    func run<Value: Sendable>(
        _ body: @escaping @Sendable (OpaquePointer) throws -> Value
    ) async throws -> Value {
        try await Self.runOnThreadPool(threadPool) { () throws -> Value in
            guard let handle = self.handle else {
                throw PostgresError(code: .connectionClosed, message: "the connection is closed")
            }
            return try body(handle)
        }
    }

    /// Like `run`, but ignores task cancellation: for cleanup that must happen once started (ROLLBACK, unlock,
    /// ending a COPY), so a cancelled task cannot leave the session in a transaction or COPY state.
    func runToCompletion<Value: Sendable>(
        _ body: @escaping @Sendable (OpaquePointer) throws -> Value
    ) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            threadPool.submit { state in
                guard case .active = state else {
                    continuation.resume(throwing: PostgresError.threadPoolStopped)
                    return
                }
                guard let handle = self.handle else {
                    continuation.resume(
                        throwing: PostgresError(code: .connectionClosed, message: "the connection is closed")
                    )
                    return
                }
                continuation.resume(with: Result { try body(handle) })
            }
        }
    }

    private static func runOnThreadPool<Value: Sendable>(
        _ threadPool: NIOThreadPool,
        _ body: @escaping @Sendable () throws -> Value
    ) async throws -> Value {
        do {
            return try await threadPool.runIfActive(body)
        } catch is NIOThreadPoolError.ThreadPoolInactive {
            throw PostgresError.threadPoolStopped
        }
    }

    /// Whether the connection can be handed to the next user: open, not marked, idle outside a transaction.
    /// Reads pending input first (non-blocking) so a server-side disconnect shows up as `CONNECTION_BAD`.
    /// Call only on the thread pool.
    func isReusable(checkingInput: Bool) -> Bool {
        guard let handle, !mustDiscard else { return false }
        if checkingInput {
            // A terminated backend leaves its FATAL message and then end-of-file on the socket; one call reads the
            // message, the next sees EOF and marks the connection bad. On a healthy idle socket each call returns at
            // once with nothing to read.
            for _ in 0..<3 {
                guard PQconsumeInput(handle) == 1 else { return false }
            }
            // Parsing the input passes a FATAL message that arrived while idle to the notice sink; the socket may
            // still be open for a moment while the backend exits.
            while let notification = PQnotifies(handle) { PQfreemem(notification) }
        }
        return !noticeSink.receivedFatal && PQstatus(handle) == CONNECTION_OK
            && PQtransactionStatus(handle) == PQTRANS_IDLE
    }

    /// Checks that the server accepted the settings the text decoders depend on.
    private static func sessionProblem(_ connection: OpaquePointer) -> String? {
        func parameter(_ name: String) -> String? {
            PQparameterStatus(connection, name).map { String(cString: $0) }
        }
        if parameter("client_encoding") != "UTF8" {
            return "server did not accept client_encoding=UTF8 (got \(parameter("client_encoding") ?? "nothing"))"
        }
        if let dateStyle = parameter("DateStyle"), !dateStyle.hasPrefix("ISO") {
            return "server did not accept DateStyle=ISO (got \(dateStyle)); is a proxy dropping startup options?"
        }
        return nil
    }
}

/// Carries a `PGconn*` out of the thread-pool closure; the connection is not shared until wrapped.
private struct UnsafeHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}

extension PostgresError {
    static let threadPoolStopped = PostgresError(
        code: .poolClosed,
        message: "the PostgreSQL client has been closed (its thread pool is stopped)"
    )
}
