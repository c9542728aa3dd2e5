/// Applies commitments to organization-hours, one after another, keeping working memory and per-SKU
/// facts between them.
///
/// ``CommitmentApplication/apply()`` is `var engine = CommitmentEngine(); try engine.apply(application)`.
/// A generator or simulation applying a month of hours should keep one engine: the results are the same
/// (and do not depend on what the engine applied before), but usage keys are numbered, families and
/// Reserved Instances matched, and buffers allocated once rather than every hour.
///
/// ```swift
/// var engine = CommitmentEngine()
/// for hour in month {
///     let result = try engine.apply(CommitmentApplication(memberAccounts: accounts, usage: usage(hour),
///                                                         reservedInstances: ris, savingsPlans: plans))
///     write(result)
/// }
/// ```
public struct CommitmentEngine: Sendable {
    var workspace = EngineWorkspace()

    /// An engine with nothing cached.
    public init() {}

    /// Applies the commitments to the usage of one organization-hour (see ``CommitmentApplication``).
    ///
    /// - Throws: ``CommitmentError`` when the input is inconsistent; the engine stays usable.
    public mutating func apply(_ application: CommitmentApplication) throws(CommitmentError) -> ApplicationResult {
        var ledger = try ApplicationLedger(application, workspace: &workspace)
        try ledger.applyReservedInstances()
        try ledger.applySavingsPlans(workspace: &workspace)
        let result = try ledger.result()
        ledger.returnBuffers(to: &workspace)
        return result
    }
}
