import AllotCore

/// Why an allocation run did not succeed. `description` is safe to show a user; when a run record was
/// created it is named (`run 12`) and kept with status `failed` and this message, without ledger rows.
public struct AllocationRunError: RemediableError, Sendable {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case noRuleSet = "no_rule_set"
            case noDeliveries = "no_deliveries"
            case invalidRuleSet = "invalid_rule_set"
            case notReconciled = "not_reconciled"
            case failed = "failed"
            case noRun = "no_run"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// No rule set is in force for the period (`allot apply` first).
        public static let noRuleSet = Code(.noRuleSet)
        /// An organization of the request (or every organization) has no current delivery for the period.
        public static let noDeliveries = Code(.noDeliveries)
        /// The rule set cannot be used (a BU outside its tree, a policy without what it needs).
        public static let invalidRuleSet = Code(.invalidRuleSet)
        /// Σ ledger ≠ Σ line items for some organization; nothing was stored.
        public static let notReconciled = Code(.notReconciled)
        /// The run failed for another reason (see the message); nothing was stored.
        public static let failed = Code(.failed)
        /// No successful run exists for the period.
        public static let noRun = Code(.noRun)

        public var description: String { base.rawValue }
    }

    public let code: Code
    public let message: String
    /// The run record kept with status `failed`, if one was created.
    public let runId: Int?
    /// What to do about it, when something can be done.
    public let remedy: Remedy?

    init(_ code: Code, _ message: String, runId: Int? = nil, remedy: Remedy? = nil) {
        self.code = code
        self.message = message
        self.runId = runId
        self.remedy = remedy
    }

    public var description: String { runId.map { "run \($0): \(message)" } ?? message }

    public var advice: Advice { Advice(description, remedy: remedy) }
}
