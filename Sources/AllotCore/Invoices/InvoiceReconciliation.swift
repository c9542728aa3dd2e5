/// `allot reconcile`: per organization, the AWS invoices (Σ unblended cost per invoice id) and, per cost basis, Σ of
/// the BU invoices against Σ of the organization's line items on that basis, to the minor unit.
///
/// Which BU invoices are summed for a basis (``Check/source``):
/// - the basis of the period's current run: the **issued** documents (final invoices and memos) once the period is
///   closed, else the **draft** invoices of the current run;
/// - every other basis checked (unblended and amortized are always checked): invoices **computed** from the same
///   rule set and the same deliveries on that basis, in memory (nothing is stored), exactly as a run on that
///   basis would produce them.
///
/// The unblended check compares with the AWS total: Σ unblended per organization rounded half-even once (AWS rounds
/// each invoice on its own, so Σ of rounded AWS invoices may differ from it by a cent per invoice; both are shown).
/// Any difference, or a run that no longer matches the current deliveries, makes the reconciliation fail.
public struct InvoiceReconciliation: Sendable, Hashable, Codable {
    /// One AWS invoice (`bill/InvoiceId`) of an organization.
    public struct AWSInvoice: Sendable, Hashable, Codable {
        /// nil for line items without an invoice id (estimated, not yet invoiced).
        public var invoiceId: String?
        /// Σ unblended cost, exact.
        public var unblended: Amount
        /// Rounded half-even to the minor unit.
        public var rounded: InvoiceMoney

        public init(invoiceId: String?, unblended: Amount, places: Int) {
            self.invoiceId = invoiceId
            self.unblended = unblended
            self.rounded = InvoiceMoney(unblended, places: places)
        }

        enum CodingKeys: String, CodingKey {
            case invoiceId = "invoice_id"
            case unblended, rounded
        }
    }

    /// Σ BU invoices against Σ line items on one basis.
    public struct Check: Sendable, Hashable, Codable {
        /// `unblended`, `amortized` or `net-amortized`.
        public var basis: String
        /// `issued` (final documents), `draft` (the current run's drafts) or `computed` (in memory, on this basis).
        public var source: String
        /// Σ of the BU invoices' lines billed in the organization.
        public var invoiced: InvoiceMoney
        /// Σ of the organization's line items on the basis, rounded half-even.
        public var expected: InvoiceMoney
        /// The same, exact.
        public var expectedExact: Amount
        public var difference: InvoiceMoney
        public var holds: Bool

        public init(basis: String, source: String, invoiced: Amount, expected: Amount, places: Int) {
            self.basis = basis
            self.source = source
            self.invoiced = InvoiceMoney(invoiced, places: places)
            self.expected = InvoiceMoney(expected, places: places)
            self.expectedExact = expected
            self.difference = self.invoiced - self.expected
            self.holds = self.difference.isZero
        }

        enum CodingKeys: String, CodingKey {
            case basis, source, invoiced, expected
            case expectedExact = "expected_exact"
            case difference, holds
        }
    }

    /// One organization.
    public struct Organization: Sendable, Hashable, Codable {
        public var org: String
        public var name: String
        public var awsInvoices: [AWSInvoice]
        /// Σ unblended of the organization, rounded half-even once.
        public var awsTotal: InvoiceMoney
        public var checks: [Check]
        public var holds: Bool { checks.allSatisfy(\.holds) }

        public init(org: String, name: String, awsInvoices: [AWSInvoice], awsTotal: InvoiceMoney, checks: [Check]) {
            self.org = org
            self.name = name
            self.awsInvoices = awsInvoices
            self.awsTotal = awsTotal
            self.checks = checks
        }

        enum CodingKeys: String, CodingKey {
            case org, name
            case awsInvoices = "aws_invoices"
            case awsTotal = "aws_total"
            case checks, holds
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            org = try container.decode(String.self, forKey: .org)
            name = try container.decode(String.self, forKey: .name)
            awsInvoices = try container.decode([AWSInvoice].self, forKey: .awsInvoices)
            awsTotal = try container.decode(InvoiceMoney.self, forKey: .awsTotal)
            checks = try container.decode([Check].self, forKey: .checks)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(org, forKey: .org)
            try container.encode(name, forKey: .name)
            try container.encode(awsInvoices, forKey: .awsInvoices)
            try container.encode(awsTotal, forKey: .awsTotal)
            try container.encode(checks, forKey: .checks)
            try container.encode(holds, forKey: .holds)
        }
    }

    public var period: String
    /// The current run and its basis.
    public var runId: Int
    public var costBasis: String
    public var currency: String
    /// Whether the period is closed (then the run's basis is checked on the issued documents).
    public var closed: Bool
    public var organizations: [Organization]
    /// Failures that are not a difference (a stale run), and hints (adjustments pending).
    public var problems: [Advice]
    public var holds: Bool { problems.isEmpty && organizations.allSatisfy(\.holds) }

    public init(
        period: String, runId: Int, costBasis: String, currency: String, closed: Bool, organizations: [Organization],
        problems: [Advice]
    ) {
        self.period = period
        self.runId = runId
        self.costBasis = costBasis
        self.currency = currency
        self.closed = closed
        self.organizations = organizations
        self.problems = problems
    }

    enum CodingKeys: String, CodingKey {
        case period
        case runId = "run_id"
        case costBasis = "cost_basis"
        case currency, closed, organizations, problems, holds
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        period = try container.decode(String.self, forKey: .period)
        runId = try container.decode(Int.self, forKey: .runId)
        costBasis = try container.decode(String.self, forKey: .costBasis)
        currency = try container.decode(String.self, forKey: .currency)
        closed = try container.decode(Bool.self, forKey: .closed)
        organizations = try container.decode([Organization].self, forKey: .organizations)
        problems = try container.decode([Advice].self, forKey: .problems)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(period, forKey: .period)
        try container.encode(runId, forKey: .runId)
        try container.encode(costBasis, forKey: .costBasis)
        try container.encode(currency, forKey: .currency)
        try container.encode(closed, forKey: .closed)
        try container.encode(organizations, forKey: .organizations)
        try container.encode(problems, forKey: .problems)
        try container.encode(holds, forKey: .holds)
    }
}
