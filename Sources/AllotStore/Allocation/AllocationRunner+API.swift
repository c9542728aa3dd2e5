import AllotCore

extension AllocationRunner {
    /// The session advisory lock every allocation run of `period` holds while it runs, so that the HTTP server can
    /// tell (with `pg_try_advisory_lock`) that one is running and answer at once instead of queueing behind it.
    public static func periodLockKey(_ period: BillingPeriod) -> Int64 {
        lockKey(period)
    }
}
