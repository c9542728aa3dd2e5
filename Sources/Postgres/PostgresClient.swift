import Logging
import NIOPosix

/// A bounded pool of PostgreSQL connections: the entry point for queries, transactions, advisory locks and COPY.
///
/// ```swift
/// let db = PostgresClient(configuration: .init(connectionString: url), logger: logger)
/// let rows = try await db.query("SELECT name FROM orgs WHERE id = $1", [id])
/// try await db.withTransaction { conn in try await conn.execute("…", […]) }
/// await db.close()
/// ```
///
/// At most `maxConnections` connections exist; each serves one task at a time, and tasks wait in FIFO order when
/// all are busy. Blocking libpq calls run on the client's own `NIOThreadPool` (one thread per connection), started
/// here and stopped by `close()`. Idle connections are checked on checkout (pending input is read without
/// blocking, then `PQstatus`), and a connection that broke, or is left inside a transaction or COPY, is closed
/// instead of reused; the next checkout connects anew. The operation that hit the break fails with
/// `connectionClosed` — it is not retried, because it may not be safe to repeat.
///
/// Call `close()` before dropping the client.
public final class PostgresClient: Sendable {
    /// Pool occupancy, for metrics.
    public struct Statistics: Sendable, Hashable {
        /// Connections leased to tasks (including ones being opened for a task).
        public var inUse: Int
        /// Open connections waiting in the pool.
        public var idle: Int
        /// Tasks waiting for a connection.
        public var waiting: Int
        /// The most connections leased at once since the client was created.
        public var peakInUse: Int
        /// The configured bound.
        public var maxConnections: Int
    }

    /// The configuration the client was created with.
    public let configuration: PostgresConfiguration
    let logger: Logger
    private let threadPool: NIOThreadPool
    private let state: LockedPoolState

    /// Creates the pool and starts its thread pool. Connections are opened on first use.
    public init(configuration: PostgresConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        let poolState = ConnectionPoolState(maxConnections: configuration.maxConnections)
        self.state = LockedPoolState(poolState)
        self.threadPool = NIOThreadPool(numberOfThreads: poolState.maxConnections)
        self.threadPool.start()
    }

    deinit {
        // Without close(), at least stop the threads; idle connections are finished by their own deinit.
        if !state.withLock({ $0.isClosed }) {
            threadPool.shutdownGracefully { _ in }
        }
    }

    /// The current pool occupancy.
    public var statistics: Statistics {
        state.withLock {
            Statistics(
                inUse: $0.leased,
                idle: $0.idle.count,
                waiting: $0.waiters.count,
                peakInUse: $0.peakLeased,
                maxConnections: $0.maxConnections
            )
        }
    }

    /// Leases a connection for the duration of `body`, waiting if all are busy, and returns it afterwards (or
    /// closes it if it broke or was left inside a transaction). Do not let the connection escape `body`.
    public func withConnection<Value>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> Value
    ) async throws -> Value {
        let connection = try await checkout()
        let value: Value
        do {
            value = try await body(connection)
        } catch {
            await checkin(connection)
            throw error
        }
        await checkin(connection)
        return value
    }

    /// Closes the pool: waiting tasks fail with `poolClosed`, idle connections are closed, connections still in
    /// use are closed as their tasks return them (this waits for that), then the thread pool stops.
    public func close() async {
        let (idle, waiters) = state.withLock { $0.close() }
        for waiter in waiters { waiter.resume(throwing: PostgresError.poolClosed) }
        for connection in idle { await connection.close() }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            if !state.withLock({ $0.waitForLeasesToReturn(continuation) }) { continuation.resume() }
        }
        do {
            try await threadPool.shutdownGracefully()
        } catch {
            logger.debug("postgres thread pool was already stopped", metadata: ["error": "\(error)"])
        }
        logger.debug("postgres client closed")
    }

    private func checkout() async throws -> PostgresConnection {
        let lease = try await acquireLease()
        if case .reuse(let connection) = lease {
            let healthy = (try? await connection.runToCompletion { _ in connection.isReusable(checkingInput: true) })
            if healthy == true { return connection }
            connection.logger.warning("postgres connection found broken on checkout; reconnecting")
            await connection.close()
        }
        do {
            return try await PostgresConnection.connect(
                configuration: configuration,
                threadPool: threadPool,
                logger: logger
            )
        } catch {
            await release(nil)
            logger.error("postgres connection failed", metadata: ["error": "\(error)"])
            throw error
        }
    }

    private func checkin(_ connection: PostgresConnection) async {
        let reusable = (try? await connection.runToCompletion { _ in connection.isReusable(checkingInput: false) })
        if reusable == true {
            await release(connection)
        } else {
            connection.logger.warning("postgres connection is broken or not idle; closing it instead of reusing it")
            await connection.close()
            await release(nil)
        }
    }

    private func release(_ connection: PostgresConnection?) async {
        let handoff = state.withLock { $0.release(connection) }
        if let waiter = handoff.waiter, let lease = handoff.lease {
            waiter.resume(returning: lease)
        }
        if let connection = handoff.connectionToClose {
            // The pool is closing; close() waits for the close waiters below before stopping the thread pool.
            await connection.close()
        }
        for closeWaiter in handoff.closeWaiters { closeWaiter.resume() }
    }

    private func acquireLease() async throws -> ConnectionPoolState.Lease {
        let waiterID = state.withLock { $0.makeWaiterID() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let acquisition = state.withLock {
                    $0.acquire(waiterID: waiterID, isCancelled: Task.isCancelled, continuation: continuation)
                }
                switch acquisition {
                case .leased(let lease): continuation.resume(returning: lease)
                case .failed(let error): continuation.resume(throwing: error)
                case .queued: break
                }
            }
        } onCancel: {
            state.withLock { $0.cancelWaiter(id: waiterID) }?.resume(throwing: CancellationError())
        }
    }
}
