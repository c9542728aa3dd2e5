import AllotCore

/// The generator's own account of one delivery, for `summary.json`: what an ingest of the files must
/// reproduce (rows and sums per line item type, account and invoice), and the commitments' figures.
///
/// Amounts are exact decimal strings. The cost views are those of `reference/aws-billing-rules.md`
/// §1.6 (`AllotCore`'s `LineItem` computes the same from the files).
public struct DeliverySummary: Sendable, Codable, Hashable {
    /// Rows and cost views of a group of rows (a line item type, an account, an invoice).
    public struct CostLine: Sendable, Codable, Hashable {
        public var key: String
        public var rows: Int
        public var unblended: Amount
        public var netUnblended: Amount
        public var amortized: Amount
        public var netAmortized: Amount
    }

    /// One data file.
    public struct FileLine: Sendable, Codable, Hashable {
        /// Path below the output folder (the S3 key).
        public var key: String
        public var rows: Int
        public var bytes: Int64
    }

    /// A Reserved Instance's month in this organization (its `RIFee` row's figures).
    public struct ReservedInstanceLine: Sendable, Codable, Hashable {
        public var arn: String
        public var owner: String
        /// Hours applied in this organization.
        public var hours: Int
        public var recurringFee: Amount
        public var amortizedUpfrontFee: Amount
        /// Σ effective cost of its DiscountedUsage rows.
        public var usedEffectiveCost: Amount
        public var unusedRecurringFee: Amount
        public var unusedAmortizedUpfrontFee: Amount
        public var unusedHours: Amount
        public var unusedNormalizedUnits: Amount
        /// Σ On-Demand cost of the usage it covered.
        public var coveredOnDemandCost: Amount
    }

    /// A Savings Plan's month in this organization.
    public struct SavingsPlanLine: Sendable, Codable, Hashable {
        public var arn: String
        public var owner: String
        public var hours: Int
        /// Σ `TotalCommitmentToDate` of its hourly rows.
        public var commitment: Amount
        public var usedCommitment: Amount
        public var unusedCommitment: Amount
        public var coveredOnDemandCost: Amount
    }

    /// A credit of the scenario as applied here.
    public struct CreditLine: Sendable, Codable, Hashable {
        public var account: String
        public var description: String
        public var granted: Amount
        /// What eligible charges allowed (≤ granted).
        public var applied: Amount
        public var late: Bool
    }

    public var organization: String
    public var payerAccountId: String
    /// `2026-10`.
    public var billingPeriod: String
    /// The assembly id (legacy) or execution id (CUR 2.0).
    public var deliveryId: String
    /// The manifests, relative to the output folder.
    public var manifests: [String]
    public var files: [FileLine]
    public var rows: Int
    /// Σ over every row.
    public var totals: CostLine
    /// Σ unblended over the invoices: the amount AWS bills (§1.6 a).
    public var invoiceTotal: Amount
    public var byLineItemType: [CostLine]
    /// Per usage account, by account id.
    public var byAccount: [CostLine]
    /// Per `bill/InvoiceId`.
    public var byInvoice: [CostLine]
    public var reservedInstances: [ReservedInstanceLine]
    public var savingsPlans: [SavingsPlanLine]
    public var credits: [CreditLine]
    /// The support fee, if any.
    public var supportFee: Amount?
    /// Σ tax.
    public var tax: Amount
}
