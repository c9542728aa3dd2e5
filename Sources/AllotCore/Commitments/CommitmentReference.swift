/// Which commitment covered a piece of usage: its kind and ID.
public struct CommitmentReference: Sendable, Hashable, CustomStringConvertible {
    /// The kind of commitment.
    public let kind: CommitmentKind
    /// ``ReservedInstance/id`` or ``SavingsPlan/id``.
    public let id: String

    public init(kind: CommitmentKind, id: String) {
        self.kind = kind
        self.id = id
    }

    public var description: String { "\(kind == .savingsPlan ? "savings-plan" : "reserved-instance") \(id)" }
}
