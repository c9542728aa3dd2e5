/// Σ of a BU's ledger rows that share one value of a dimension (an account, a product code, a category …).
public struct LedgerTotal: Sendable, Hashable, Codable {
    public var bu: String
    /// The dimension's value; empty when the rows have none (no product code).
    public var key: String
    public var amount: Amount

    public init(bu: String, key: String, amount: Amount) {
        self.bu = bu
        self.key = key
        self.amount = amount
    }
}
