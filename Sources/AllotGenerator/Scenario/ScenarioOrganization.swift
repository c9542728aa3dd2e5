import AllotCore

/// One AWS Organization: a payer (management) account and its CUR report.
public struct ScenarioOrganization: Sendable, Hashable {
    /// A short id used in paths and the summary: `retail`.
    public var id: String
    /// A display name: `Acme Retail`.
    public var name: String
    /// The payer (management) account: `bill/PayerAccountId`.
    public var payer: String
    /// The customer that owns the organization.
    public var customer: String
    /// The legacy report name or CUR 2.0 export name: `acme-retail-cur`.
    public var reportName: String
    /// The S3 bucket named in manifests.
    public var bucket: String
    /// Accounts whose RI/SP sharing is off (§3.3); everyone else shares.
    public var sharingOff: [String]
    /// The Enterprise Discount Program discount on On-Demand usage, in percent (0 for none).
    public var edpPercent: Amount
    /// The sales tax (or VAT) rate, in percent (0 for none).
    public var taxPercent: Amount
    /// The `lineItem/TaxType` of tax rows: `Sales Tax` or `VAT`.
    public var taxType: String
    /// The support plan billed to the payer, if any.
    public var support: SupportPlan?

    init(
        id: String, name: String, payer: String, customer: String, reportName: String, bucket: String,
        sharingOff: [String], edpPercent: Amount, taxPercent: Amount, taxType: String, support: SupportPlan?
    ) {
        self.id = id
        self.name = name
        self.payer = payer
        self.customer = customer
        self.reportName = reportName
        self.bucket = bucket
        self.sharingOff = sharingOff
        self.edpPercent = edpPercent
        self.taxPercent = taxPercent
        self.taxType = taxType
        self.support = support
    }

    /// Whether EDP applies, which adds the `NetUnblended*` and `discount/*` columns (§1.2).
    public var hasDiscounts: Bool { !edpPercent.isZero }
}
