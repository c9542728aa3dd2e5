import Foundation

/// The bookkeeping of `PostgresClient`'s pool: idle connections, how many are leased, who is waiting.
///
/// Pure state transitions, called under `LockedPoolState`'s lock; they return what to do (resume a waiter, close
/// a connection) so that the caller does it after releasing the lock. No libpq calls happen here.
struct ConnectionPoolState {
    /// What a task gets when it may use a connection.
    enum Lease: Sendable {
        /// An idle connection to validate and use.
        case reuse(PostgresConnection)
        /// A permit to open a new connection (counted as leased, so the pool stays bounded).
        case connect
    }

    enum Acquisition {
        case leased(Lease)
        case failed(any Error)
        case queued
    }

    struct Handoff {
        var waiter: CheckedContinuation<Lease, any Error>?
        var lease: Lease?
        var connectionToClose: PostgresConnection?
        var closeWaiters: [CheckedContinuation<Void, Never>] = []
    }

    let maxConnections: Int
    private(set) var idle: [PostgresConnection] = []
    /// Connections handed out plus permits to connect that are in use.
    private(set) var leased = 0
    private(set) var peakLeased = 0
    /// FIFO: the longest-waiting task gets the next connection.
    private(set) var waiters: [(id: UInt64, continuation: CheckedContinuation<Lease, any Error>)] = []
    private(set) var isClosed = false
    private var nextWaiterID: UInt64 = 0
    private var closeWaiters: [CheckedContinuation<Void, Never>] = []

    init(maxConnections: Int) {
        self.maxConnections = max(1, maxConnections)
    }

    mutating func makeWaiterID() -> UInt64 {
        nextWaiterID += 1
        return nextWaiterID
    }

    /// Hands out an idle connection or a permit to connect, or queues the caller.
    mutating func acquire(
        waiterID: UInt64,
        isCancelled: Bool,
        continuation: CheckedContinuation<Lease, any Error>
    ) -> Acquisition {
        if isClosed { return .failed(PostgresError.poolClosed) }
        if isCancelled { return .failed(CancellationError()) }
        if let connection = idle.popLast() {
            lease()
            return .leased(.reuse(connection))
        }
        if leased < maxConnections {
            lease()
            return .leased(.connect)
        }
        waiters.append((waiterID, continuation))
        return .queued
    }

    /// Removes a cancelled waiter; returns its continuation if it was still waiting.
    mutating func cancelWaiter(id: UInt64) -> CheckedContinuation<Lease, any Error>? {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
        return waiters.remove(at: index).continuation
    }

    /// Takes back a leased connection (`reusable`), or the slot of a discarded one or of a failed connect
    /// (`connection == nil`), passing it straight to the first waiter if there is one.
    mutating func release(_ connection: PostgresConnection?) -> Handoff {
        var handoff = Handoff()
        if isClosed {
            leased -= 1
            handoff.connectionToClose = connection
            if leased == 0 {
                handoff.closeWaiters = closeWaiters
                closeWaiters = []
            }
        } else if !waiters.isEmpty {
            handoff.waiter = waiters.removeFirst().continuation
            handoff.lease = connection.map { .reuse($0) } ?? .connect
        } else {
            leased -= 1
            if let connection { idle.append(connection) }
        }
        return handoff
    }

    /// Marks the pool closed and returns the idle connections to close and the waiters to fail.
    mutating func close() -> (idle: [PostgresConnection], waiters: [CheckedContinuation<Lease, any Error>]) {
        isClosed = true
        defer {
            idle = []
            waiters = []
        }
        return (idle, waiters.map(\.continuation))
    }

    /// Registers a `close()` call waiting for leased connections to come back; false if none are out.
    mutating func waitForLeasesToReturn(_ continuation: CheckedContinuation<Void, Never>) -> Bool {
        guard leased > 0 else { return false }
        closeWaiters.append(continuation)
        return true
    }

    private mutating func lease() {
        leased += 1
        peakLeased = max(peakLeased, leased)
    }
}

/// `ConnectionPoolState` behind a lock.
///
/// `@unchecked Sendable` because every access to `state` goes through `withLock`, which holds `lock`.
final class LockedPoolState: @unchecked Sendable {
    private let lock = NSLock()
    private var state: ConnectionPoolState

    init(_ state: ConnectionPoolState) {
        self.state = state
    }

    func withLock<Value>(_ body: (inout ConnectionPoolState) throws -> Value) rethrows -> Value {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}

extension PostgresError {
    static let poolClosed = PostgresError(code: .poolClosed, message: "the PostgreSQL client has been closed")
}
