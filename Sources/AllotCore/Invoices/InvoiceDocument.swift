/// One invoice document of a business unit for a billing period: an invoice, or an adjustment (credit or debit
/// memo) issued after AWS restated a closed period. What `allot invoice show` prints and every export renders;
/// its JSON form is documented by `schemas/invoice.schema.json`.
///
/// Lines are grouped organization → account → service (product code); each line is one category of cost
/// (usage, commitment covered, unused commitment, savings adjustment, credits, a shared-cost rule, tax, fee,
/// other) carried by one BU. Amounts are rounded to the currency's minor unit once per line (``RoundedLedger``);
/// subtotals and the total are sums of rounded lines, so they add up exactly.
///
/// A draft (`number` `DRAFT`) is computed from the period's current allocation run whenever it is asked for; a
/// final document is stored when the period is closed and never changes.
public struct InvoiceDocument: Sendable, Hashable, Codable {
    /// The value of ``format``: the JSON format and its version.
    public static let currentFormat = "allot-invoice/1"
    /// The number of a document that is not final.
    public static let draftNumber = "DRAFT"

    /// `allot-invoice/1`.
    public var format: String
    public var kind: Kind
    public var status: Status
    /// `ALLOT-2026-000042` once final; `DRAFT` before.
    public var number: String
    /// The BU invoiced.
    public var businessUnit: BusinessUnit
    /// The BUs whose costs the document carries: the BU alone, or its subtree (`invoices.level`).
    public var includedBusinessUnits: [String]
    /// `YYYY-MM`.
    public var period: String
    /// `unblended`, `amortized` or `net-amortized`: the cost basis of the allocation run.
    public var costBasis: String
    /// The rule-set version the run allocated with.
    public var ruleSetVersion: Int
    /// The allocation run the amounts come from.
    public var runId: Int
    public var currency: InvoiceCurrency
    /// `YYYY-MM-DD` (UTC).
    public var issueDate: String
    /// For a memo: the invoice it adjusts (nil when the BU had no invoice for the period).
    public var adjusts: Reference?
    /// For a memo: the final documents (invoice and earlier memos) whose amounts it starts from.
    public var previousDocuments: [Reference]?
    public var organizations: [Organization]
    /// Σ of the lines.
    public var total: InvoiceMoney
    /// Plain-language notes: the cost basis and amortization, each shared-cost rule that appears, rounding.
    public var explanations: [Explanation]

    public init(
        kind: Kind, status: Status, number: String, businessUnit: BusinessUnit, includedBusinessUnits: [String],
        period: String, costBasis: String, ruleSetVersion: Int, runId: Int, currency: InvoiceCurrency, issueDate: String,
        adjusts: Reference? = nil, previousDocuments: [Reference]? = nil, organizations: [Organization],
        explanations: [Explanation]
    ) {
        self.format = Self.currentFormat
        self.kind = kind
        self.status = status
        self.number = number
        self.businessUnit = businessUnit
        self.includedBusinessUnits = includedBusinessUnits
        self.period = period
        self.costBasis = costBasis
        self.ruleSetVersion = ruleSetVersion
        self.runId = runId
        self.currency = currency
        self.issueDate = issueDate
        self.adjusts = adjusts
        self.previousDocuments = previousDocuments
        self.organizations = organizations
        self.total = organizations.map(\.subtotal).sum(places: currency.minorUnit)
        self.explanations = explanations
    }

    /// Every line with the organization, account and service it is listed under, in document order.
    public var flatLines: [FlatLine] {
        organizations.flatMap { organization in
            organization.accounts.flatMap { account in
                account.services.flatMap { service in
                    service.lines.map { FlatLine(organization: organization, account: account, service: service, line: $0) }
                }
            }
        }
    }

    /// A line with its place in the document.
    public struct FlatLine: Sendable, Hashable {
        public var organization: Organization
        public var account: Account
        public var service: Service
        public var line: Line

        /// The line's key (to compare documents line by line).
        public var key: InvoiceLineKey {
            InvoiceLineKey(
                bu: line.businessUnit, org: organization.id, account: account.id, productCode: service.productCode,
                category: line.category)
        }
    }

    /// The document as issued: final, with its number and issue date (`YYYY-MM-DD`).
    public func finalized(number: String, issueDate: String) -> InvoiceDocument {
        var copy = self
        copy.status = .final
        copy.number = number
        copy.issueDate = issueDate
        return copy
    }

    /// A human title: `Invoice ALLOT-2026-000042`, `Credit memo DRAFT` …
    public var title: String { "\(kind.title) \(number)" }

    enum CodingKeys: String, CodingKey {
        case format, kind, status, number
        case businessUnit = "business_unit"
        case includedBusinessUnits = "included_business_units"
        case period
        case costBasis = "cost_basis"
        case ruleSetVersion = "rule_set_version"
        case runId = "run_id"
        case currency
        case issueDate = "issue_date"
        case adjusts
        case previousDocuments = "previous_documents"
        case organizations, total, explanations
    }
}
