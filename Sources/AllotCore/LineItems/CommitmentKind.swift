/// Which kind of commitment a line item refers to: a Reserved Instance or a Savings Plan.
public struct CommitmentKind: Sendable, Hashable, CustomStringConvertible {
    private enum Base: Sendable, Hashable {
        case reservedInstance
        case savingsPlan
    }

    private let base: Base

    /// A reservation (`reservation/ReservationARN`): EC2, RDS, ElastiCache, Redshift, OpenSearch….
    public static let reservedInstance = CommitmentKind(base: .reservedInstance)
    /// A Savings Plan (`savingsPlan/SavingsPlanARN`).
    public static let savingsPlan = CommitmentKind(base: .savingsPlan)

    /// `ri` or `sp`: the short form stored in the database.
    public var description: String {
        switch base {
        case .reservedInstance: "ri"
        case .savingsPlan: "sp"
        }
    }

    /// Parses the short form, `ri` or `sp`.
    public init?(_ text: String) {
        switch text {
        case "ri": self = .reservedInstance
        case "sp": self = .savingsPlan
        default: return nil
        }
    }

    private init(base: Base) {
        self.base = base
    }
}
