/// What the engine keeps of one usage line after reading it: numbers only, no strings.
struct LineFacts {
    /// ``UsageLine/quantity``.
    let quantity: Amount
    /// ``UsageLine/onDemandRate``.
    let onDemandRate: Amount
    /// ``UsageLine/normalizationFactor``; zero when the line has none (a present factor is positive).
    let normalizationFactor: Amount
    /// ``UsageLine/id``.
    let id: Int
    /// The number of the line's usage key among the engine's keys.
    let key: Int32
    /// The number of the line's account, by first appearance (see ``AccountIndex`` for ranks).
    let account: Int32
    /// The number of the line's Region among the commitments' Regions, or −1.
    let region: Int32
    /// The number of the line's family among the commitments' families, or −1 (also for lines without
    /// usage or not EC2 instances).
    let family: Int32
    /// What may cover the line (nothing when its quantity is zero).
    let eligibility: Eligibility

    /// Which commitments may cover a line, by its category.
    struct Eligibility: OptionSet {
        let rawValue: UInt8
        static let computeSavingsPlans = Eligibility(rawValue: 1)
        static let sageMakerSavingsPlans = Eligibility(rawValue: 2)
    }

    /// The normalization factor, or nil when the line has none.
    var factor: Amount? { normalizationFactor.isZero ? nil : normalizationFactor }
}
