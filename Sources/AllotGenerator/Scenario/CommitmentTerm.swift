/// The length of a Reserved Instance or Savings Plan: one or three years of 365 days.
public struct CommitmentTerm: Sendable, Hashable, CustomStringConvertible {
    private enum Base: Sendable, Hashable { case oneYear, threeYears }
    private let base: Base
    private init(_ base: Base) { self.base = base }

    /// 8,760 hours.
    public static let oneYear = CommitmentTerm(.oneYear)
    /// 26,280 hours.
    public static let threeYears = CommitmentTerm(.threeYears)

    /// Reads `1yr`, `1 year`, `3yr`, `3 years`; nil for anything else.
    public init?(_ text: String) {
        switch text.lowercased().filter({ !$0.isWhitespace }) {
        case "1yr", "1year", "1years", "1y": base = .oneYear
        case "3yr", "3year", "3years", "3y": base = .threeYears
        default: return nil
        }
    }

    /// The term in hours: the denominator of the amortized upfront per hour.
    public var hours: Int {
        switch base {
        case .oneYear: 8_760
        case .threeYears: 26_280
        }
    }

    /// The CUR spelling (`pricing/LeaseContractLength`, `savingsPlan/PurchaseTerm`): `1yr` or `3yr`.
    public var description: String {
        switch base {
        case .oneYear: "1yr"
        case .threeYears: "3yr"
        }
    }

    /// `1 year` / `3 year`, as line item descriptions spell it.
    var descriptionWords: String {
        switch base {
        case .oneYear: "1 year"
        case .threeYears: "3 year"
        }
    }
}
