/// One document in an export's index file (`index.json`, `index.csv`, `index.html`).
public struct InvoiceIndexEntry: Sendable, Hashable, Codable {
    /// The document's file, beside the index.
    public var file: String
    public var number: String
    /// `invoice`, `credit-memo` or `debit-memo`.
    public var kind: String
    /// `draft` or `final`.
    public var status: String
    public var businessUnit: String
    public var businessUnitName: String
    public var period: String
    public var issueDate: String
    /// For a memo: the number of the invoice it adjusts.
    public var adjusts: String?
    /// The document's total, with the currency's decimals.
    public var total: String
    public var currency: String

    /// The entry of `document` exported as `file`.
    public init(_ document: InvoiceDocument, file: String) {
        self.file = file
        self.number = document.number
        self.kind = document.kind.rawValue
        self.status = document.status.rawValue
        self.businessUnit = document.businessUnit.id
        self.businessUnitName = document.businessUnit.name
        self.period = document.period
        self.issueDate = document.issueDate
        self.adjusts = document.adjusts?.number
        self.total = document.total.description
        self.currency = document.currency.code
    }

    enum CodingKeys: String, CodingKey {
        case file, number, kind, status
        case businessUnit = "business_unit"
        case businessUnitName = "business_unit_name"
        case period
        case issueDate = "issue_date"
        case adjusts, total, currency
    }
}
