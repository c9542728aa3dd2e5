import AllotCore
import AllotStore
import Postgres

/// Lets one allocation or close of a billing period run at a time through the API, and answers 409 at once
/// instead of queueing behind one that is running.
///
/// The API's own session advisory lock per period is held for the whole operation, so two API requests for one
/// period exclude each other exactly. The locks the store takes (``AllocationRunner/periodLockKey(_:)`` while a
/// run runs, ``Invoices/periodLockKey(_:)`` while documents are issued) are only probed, because the store takes
/// them itself on other connections: a command-line `allot allocate` or `allot close` holding one is refused too.
/// One that starts between the probe and the store's own lock is waited for by the store, which is still correct.
struct PeriodLock: Sendable {
    let client: PostgresClient

    /// Runs `body` holding the period's API lock.
    ///
    /// - Throws: ``APIProblem`` 409 `period-busy` when an allocation or a close of the period is running.
    func exclusive<Value>(
        _ period: BillingPeriod,
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> Value
    ) async throws -> Value {
        let value = try await client.tryAdvisoryLock(key: Self.key(period)) { connection in
            for key in [AllocationRunner.periodLockKey(period), Invoices.periodLockKey(period)] {
                guard try await connection.tryAdvisoryLock(key: key, { _ in () }) != nil else {
                    throw Self.busy(period)
                }
            }
            return try await body()
        }
        guard let value else { throw Self.busy(period) }
        return value
    }

    static func busy(_ period: BillingPeriod) -> APIProblem {
        .conflict("an allocation or a close of \(period) is running; try again when it has finished", kind: "period-busy")
    }

    /// A stable 64-bit key (FNV-1a) of the API's lock of one period.
    static func key(_ period: BillingPeriod) -> Int64 {
        advisoryLockKey("allot-api-period", period)
    }
}
