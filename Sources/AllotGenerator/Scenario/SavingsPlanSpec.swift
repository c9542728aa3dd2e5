import AllotCore

/// A Savings Plan as the scenario declares it: a $/hour commitment of a type, term and payment option.
public struct SavingsPlanSpec: Sendable, Hashable {
    /// The plan id (the ARN's last part); nil draws one from the seed.
    public var id: String?
    /// Compute, or EC2 Instance (family and Region).
    public var kind: SavingsPlan.Kind
    /// The commitment per hour (amortized upfront + recurring).
    public var commitment: Amount
    /// 1 or 3 years.
    public var term: CommitmentTerm
    /// All, Partial or No Upfront.
    public var paymentOption: PaymentOption
    /// The purchase instant, on a whole hour.
    public var start: Timestamp
    /// The plan's rate as a percentage of On-Demand, for every eligible usage; nil takes ``CommitmentPricing``.
    public var ratePercentOfOnDemand: Amount?

    init(
        id: String?, kind: SavingsPlan.Kind, commitment: Amount, term: CommitmentTerm, paymentOption: PaymentOption,
        start: Timestamp, ratePercentOfOnDemand: Amount?
    ) {
        self.id = id
        self.kind = kind
        self.commitment = commitment
        self.term = term
        self.paymentOption = paymentOption
        self.start = start
        self.ratePercentOfOnDemand = ratePercentOfOnDemand
    }

    /// The end of the term (exclusive).
    public var end: Timestamp { start.adding(seconds: Int64(term.hours) * 3600) }
}
