import AllotCore

extension Invoices {
    /// The advisory lock a close (or an issue of adjustments) of `period` holds while it stores documents, so that
    /// the HTTP server can tell that one is running and answer at once instead of queueing behind it.
    public static func periodLockKey(_ period: BillingPeriod) -> Int64 {
        lockKey(period)
    }
}
