/// Why an allocation could not be computed, or did not reconcile.
///
/// `description` is safe to show a user (it names BUs, organizations and rules, never SQL);
/// `debugDescription` adds the code.
public struct AllocationError: Error, Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case invalidSplit = "invalid_split"
            case invalidConfiguration = "invalid_configuration"
            case overflow = "overflow"
            case notReconciled = "not_reconciled"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A split was asked for something it cannot do: no parts, a negative weight, a total finer
        /// than the requested places.
        public static let invalidSplit = Code(.invalidSplit)
        /// The rule set names a BU that is not in the tree, or a policy lacks what it needs
        /// (a central BU, a percentage).
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// An amount left the range of `Amount` (±10¹⁸).
        public static let overflow = Code(.overflow)
        /// Σ ledger ≠ Σ line items for some organization.
        public static let notReconciled = Code(.notReconciled)

        public var description: String { base.rawValue }
    }

    public let code: Code
    /// What went wrong, in terms of the configuration and the data.
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
    public var debugDescription: String { "AllocationError(\(code)): \(message)" }
}
