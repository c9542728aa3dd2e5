/// One invoice line of a run: the exact Σ of its ledger rows and that amount rounded to the currency's minor unit
/// (see ``RoundedLedger`` for how).
public struct RoundedLine: Sendable, Hashable, Codable {
    public var key: InvoiceLineKey
    /// Σ of the ledger rows at full precision (20 places).
    public var exact: Amount
    /// The amount invoiced: `exact` rounded down or up to the minor unit, never further than one unit away.
    public var amount: Amount
    /// The ledger rows' sources (`rule 'team tag'`, `shared 'security' (proportional, 37.5 %)` …), sorted, unique.
    public var sources: [String]

    public init(key: InvoiceLineKey, exact: Amount, amount: Amount, sources: [String]) {
        self.key = key
        self.exact = exact
        self.amount = amount
        self.sources = sources
    }
}
