/// Cost that no mapping rule matched and that went to the default BU, per (organization, account,
/// product code): reported with every run so rules can be completed. Nothing is ever dropped.
public struct UnmappedCost: Sendable, Hashable, Codable {
    public var org: String
    public var account: String
    public var productCode: String?
    /// Σ on the run's cost basis.
    public var amount: Amount
    /// The BU it went to (the configuration's `default-bu`).
    public var bu: String

    public init(org: String, account: String, productCode: String?, amount: Amount, bu: String) {
        self.org = org
        self.account = account
        self.productCode = productCode
        self.amount = amount
        self.bu = bu
    }
}
