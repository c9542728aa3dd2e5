/// One row of an allocation ledger: an amount a BU is charged (or credited), where it came from and why.
///
/// Rows are aggregated per (BU, organization, account, product code, category, source), so a ledger
/// stays small; amounts are exact at full precision (20 places). Rounding to the currency's minor
/// unit happens only on invoices. For every organization, Σ rows = Σ line items on the run's cost
/// basis (see `Reconciliation`).
public struct LedgerEntry: Sendable, Hashable, Codable {
    /// The BU charged.
    public var bu: String
    /// The organization the cost was billed in (kept when a policy moves cost across organizations,
    /// so that each organization reconciles on its own).
    public var org: String
    /// The account of the line items (for shared costs and moved commitments: the source account).
    public var account: String
    /// The product code of the line items, if they name one.
    public var productCode: String?
    public var category: AllocationCategory
    /// Why the BU carries it: `rule 'by cost centre'`, `default BU`, `holding account 333333333333`,
    /// `unused commitment arn:…`, `credits pooled per org`, `shared 'security' (proportional, 37.5 %)` …
    public var source: String
    public var amount: Amount

    public init(
        bu: String, org: String, account: String, productCode: String?, category: AllocationCategory, source: String,
        amount: Amount
    ) {
        self.bu = bu
        self.org = org
        self.account = account
        self.productCode = productCode
        self.category = category
        self.source = source
        self.amount = amount
    }

    /// Everything but the amount: what rows are aggregated by.
    public struct Key: Sendable, Hashable, Comparable {
        public var bu: String
        public var org: String
        public var account: String
        public var productCode: String?
        public var category: AllocationCategory
        public var source: String

        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.bu, lhs.org, lhs.account, lhs.productCode ?? "", lhs.category.rawValue, lhs.source)
                < (rhs.bu, rhs.org, rhs.account, rhs.productCode ?? "", rhs.category.rawValue, rhs.source)
        }
    }

    public var key: Key {
        Key(bu: bu, org: org, account: account, productCode: productCode, category: category, source: source)
    }

    /// Sums entries with the same key, drops those that sum to zero, and sorts by key.
    public static func aggregate(_ entries: some Sequence<LedgerEntry>) -> [LedgerEntry] {
        var sums: [Key: Amount] = [:]
        for entry in entries { sums[entry.key, default: .zero] += entry.amount }
        return sums.filter { !$0.value.isZero }.sorted { $0.key < $1.key }.map { key, amount in
            LedgerEntry(
                bu: key.bu, org: key.org, account: key.account, productCode: key.productCode, category: key.category,
                source: key.source, amount: amount)
        }
    }
}
