/// What identifies an invoice line: the BU that carries the cost, and where the cost was billed (organization,
/// account, service) and what kind of cost it is.
///
/// Ledger rows with the same key (rows differ by their `source` too) make one invoice line. Adjustments compare
/// what was invoiced with a new run line by line, by this key.
public struct InvoiceLineKey: Sendable, Hashable, Comparable, Codable {
    public var bu: String
    public var org: String
    public var account: String
    /// The product code (service); nil when the rows name none.
    public var productCode: String?
    public var category: AllocationCategory

    public init(bu: String, org: String, account: String, productCode: String?, category: AllocationCategory) {
        self.bu = bu
        self.org = org
        self.account = account
        self.productCode = productCode
        self.category = category
    }

    /// The key of a ledger row.
    public init(_ entry: LedgerEntry) {
        self.init(bu: entry.bu, org: entry.org, account: entry.account, productCode: entry.productCode, category: entry.category)
    }

    /// Organization, account, service, category, then BU: the order lines are listed in on an invoice.
    public static func < (lhs: InvoiceLineKey, rhs: InvoiceLineKey) -> Bool {
        (lhs.org, lhs.account, lhs.productCode ?? "", lhs.category.rawValue, lhs.bu)
            < (rhs.org, rhs.account, rhs.productCode ?? "", rhs.category.rawValue, rhs.bu)
    }

    enum CodingKeys: String, CodingKey {
        case bu, org, account
        case productCode = "product_code"
        case category
    }
}
