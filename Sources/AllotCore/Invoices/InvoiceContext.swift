/// Everything an invoice shows besides its lines: the run it comes from, the rule set it was allocated with,
/// and the names of organizations, accounts and BUs.
public struct InvoiceContext: Sendable, Hashable {
    public var period: BillingPeriod
    public var runId: Int
    public var ruleSetVersion: Int
    public var costBasis: CostBasis
    /// The rule set of the run: currency, `invoices.level`, policies and shared-cost rules (for the explanations).
    public var configuration: AllotConfiguration
    /// The BU tree the run allocated with.
    public var tree: BusinessUnitTree
    /// Organization id → name (ids without a name are shown as they are).
    public var organizationNames: [String: String]
    /// Account id → name.
    public var accountNames: [String: String]
    /// `YYYY-MM-DD`: when the documents are (or would be) issued.
    public var issueDate: String

    public init(
        period: BillingPeriod, runId: Int, ruleSetVersion: Int, costBasis: CostBasis, configuration: AllotConfiguration,
        tree: BusinessUnitTree, organizationNames: [String: String] = [:], accountNames: [String: String] = [:],
        issueDate: String
    ) {
        self.period = period
        self.runId = runId
        self.ruleSetVersion = ruleSetVersion
        self.costBasis = costBasis
        self.configuration = configuration
        self.tree = tree
        self.organizationNames = organizationNames
        self.accountNames = accountNames
        self.issueDate = issueDate
    }

    /// The invoice currency and its minor unit.
    public var currency: InvoiceCurrency { InvoiceCurrency(code: configuration.currency) }

    /// Which BUs get documents of their own.
    public var level: InvoiceLevel { configuration.invoices.invoiceLevel }
}
