/// Which commitment covered a piece of usage: its kind and ID.
public struct CommitmentReference: Sendable, Hashable, CustomStringConvertible {
    /// Reserved Instance or Savings Plan.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable { case reservedInstance, savingsPlan }
        private let base: Base

        private init(base: Base) {
            self.base = base
        }

        /// Covered by a Reserved Instance: a CUR `DiscountedUsage` line.
        public static let reservedInstance = Kind(base: .reservedInstance)
        /// Covered by a Savings Plan: a CUR `SavingsPlanCoveredUsage` line.
        public static let savingsPlan = Kind(base: .savingsPlan)

        public var description: String {
            switch base {
            case .reservedInstance: "reserved-instance"
            case .savingsPlan: "savings-plan"
            }
        }
    }

    /// The kind of commitment.
    public let kind: Kind
    /// ``ReservedInstance/id`` or ``SavingsPlan/id``.
    public let id: String

    public init(kind: Kind, id: String) {
        self.kind = kind
        self.id = id
    }

    public var description: String { "\(kind) \(id)" }
}
