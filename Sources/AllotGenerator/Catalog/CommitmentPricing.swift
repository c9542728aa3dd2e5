import AllotCore

/// How much cheaper commitments are than On-Demand: the rates the generator derives when a scenario
/// gives none. Percentages of the On-Demand rate, typical of the public price lists.
///
/// | | 1yr No / Partial / All Upfront | 3yr No / Partial / All Upfront |
/// |---|---|---|
/// | Standard RI, EC2 Instance SP | 62 / 59 / 58 | 43 / 40 / 38 |
/// | Convertible RI | 71 / 68 / 66 | 52 / 48 / 46 |
/// | Compute SP | 72 / 69 / 67 | 52 / 50 / 48 |
///
/// Graviton families (`m6g`, `c6g`, …) get three points more off under Compute Savings Plans, so that
/// the engine's "highest savings percentage first" order has something to choose between.
/// Rates are rounded half-even to 6 places.
enum CommitmentPricing {
    /// The effective hourly cost of a Reserved Instance for an instance whose On-Demand rate is `onDemand`.
    static func reservedInstanceRate(
        onDemand: Amount, term: CommitmentTerm, payment: PaymentOption, offeringClass: String
    ) throws(AmountError) -> Amount {
        let percent = offeringClass.lowercased() == "convertible"
            ? pick(term, payment, oneYear: (71, 68, 66), threeYears: (52, 48, 46))
            : pick(term, payment, oneYear: (62, 59, 58), threeYears: (43, 40, 38))
        return try onDemand.scaled(by: Amount(percent), over: 100).rounded(toPlaces: 6)
    }

    /// The percentage of On-Demand a Savings Plan charges for usage of `family`.
    static func savingsPlanPercent(kind: SavingsPlan.Kind, term: CommitmentTerm, payment: PaymentOption, family: String) -> Int {
        if kind.instanceFamily != nil {
            return pick(term, payment, oneYear: (62, 59, 58), threeYears: (43, 40, 38))
        }
        let base = pick(term, payment, oneYear: (72, 69, 67), threeYears: (52, 50, 48))
        return isGraviton(family) ? base - 3 : base
    }

    /// Whether the family is an AWS Graviton one: a `g` right after the generation digit (`m6g`, `c7gn`).
    static func isGraviton(_ family: String) -> Bool {
        guard let digit = family.firstIndex(where: \.isNumber) else { return false }
        let after = family[family.index(after: digit)...]
        return after.first == "g"
    }

    private static func pick(
        _ term: CommitmentTerm, _ payment: PaymentOption, oneYear: (Int, Int, Int), threeYears: (Int, Int, Int)
    ) -> Int {
        let row = term == .oneYear ? oneYear : threeYears
        switch payment {
        case .noUpfront: return row.0
        case .partialUpfront: return row.1
        default: return row.2
        }
    }
}
