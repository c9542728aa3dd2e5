/// One normalised CUR row: the typed values Allot stores per line item, whatever the naming
/// scheme of the file it came from (legacy CSV, Athena-style or CUR 2.0).
///
/// Optional values are nil when the column is absent from the file or empty on the row (an empty
/// CUR field is null). The cost views derived from the raw columns live in
/// `LineItem+Amortization.swift`: ``netUnblendedCost``, ``amortizedCost``, ``netAmortizedCost``
/// (`reference/aws-billing-rules.md` §1.6). Column names in the docs below are the legacy
/// spellings; the Athena and CUR 2.0 names map to the same properties.
public struct LineItem: Sendable, Hashable {
    // MARK: Bill

    /// `bill/PayerAccountId`: the management (payer) account of the organization. Filled by the
    /// reader from its options when the file has no such column.
    public var payerAccountId: String?
    /// `bill_payer_account_name` (CUR 2.0 only).
    public var payerAccountName: String?
    /// `bill/BillType`: `Anniversary`, `Purchase`, `Refund`.
    public var billType: String?
    /// `bill/BillingPeriodStartDate`.
    public var billingPeriodStart: Timestamp?
    /// `bill/BillingPeriodEndDate`.
    public var billingPeriodEnd: Timestamp?
    /// `bill/InvoiceId`: nil until the month's invoice is issued.
    public var invoiceId: String?
    /// `bill/BillingEntity`: `AWS`, `AWS Marketplace`, ….
    public var billingEntity: String?
    /// `bill/InvoicingEntity`.
    public var invoicingEntity: String?

    // MARK: Line item

    /// `lineItem/UsageAccountId`: the consuming account, or the owner for fee lines.
    public var usageAccountId: String
    /// `line_item_usage_account_name` (CUR 2.0 only).
    public var usageAccountName: String?
    /// `lineItem/LineItemType`.
    public var type: LineItemType
    /// `lineItem/UsageStartDate` (inclusive), or the start of `identity/TimeInterval` when the
    /// file has no usage start column.
    public var usageStart: Timestamp
    /// `lineItem/UsageEndDate` (exclusive).
    public var usageEnd: Timestamp?
    /// `lineItem/ProductCode`.
    public var productCode: String?
    /// `lineItem/UsageType`.
    public var usageType: String?
    /// `lineItem/Operation`.
    public var operation: String?
    /// `lineItem/AvailabilityZone`.
    public var availabilityZone: String?
    /// `lineItem/ResourceId`.
    public var resourceId: String?
    /// `lineItem/UsageAmount`.
    public var usageAmount: Amount?
    /// `lineItem/NormalizationFactor`.
    public var normalizationFactor: Amount?
    /// `lineItem/NormalizedUsageAmount`.
    public var normalizedUsageAmount: Amount?
    /// `lineItem/CurrencyCode`.
    public var currency: String?
    /// `lineItem/UnblendedRate`.
    public var unblendedRate: Amount?
    /// `lineItem/UnblendedCost`: the invoice (cash) basis.
    public var unblendedCost: Amount
    /// `lineItem/NetUnblendedRate`.
    public var netUnblendedRate: Amount?
    /// `lineItem/NetUnblendedCost` as reported; see ``netUnblendedCost`` for the fallback.
    public var reportedNetUnblendedCost: Amount?
    /// `lineItem/LineItemDescription`.
    public var lineItemDescription: String?
    /// `lineItem/TaxType`.
    public var taxType: String?
    /// `lineItem/LegalEntity`.
    public var legalEntity: String?

    // MARK: Pricing

    /// `pricing/publicOnDemandRate`.
    public var publicOnDemandRate: Amount?
    /// `pricing/publicOnDemandCost`.
    public var publicOnDemandCost: Amount?
    /// `pricing/term`: `OnDemand`, `Reserved`; nil for Spot.
    public var pricingTerm: String?
    /// `pricing/unit`.
    public var pricingUnit: String?
    /// `pricing/PurchaseOption`.
    public var purchaseOption: String?
    /// `pricing/OfferingClass`.
    public var offeringClass: String?
    /// `pricing/LeaseContractLength`.
    public var leaseContractLength: String?

    // MARK: Product (what the commitment engine matches on)

    /// The region code: `product/regionCode`, else `product/region` (`us-east-1`).
    public var region: String?
    /// `product/instanceType` (`m5.large`).
    public var instanceType: String?
    /// `product/instanceTypeFamily` (`m5`), else the part of ``instanceType`` before the first `.`.
    public var instanceTypeFamily: String?
    /// `product/operatingSystem`.
    public var operatingSystem: String?
    /// `product/tenancy`.
    public var tenancy: String?
    /// `product/licenseModel`.
    public var licenseModel: String?
    /// `product/preInstalledSw`: with the operating system and license model, the RI platform.
    public var preInstalledSoftware: String?

    // MARK: Commitments and discounts

    /// The `reservation/*` values (stored out of line: most rows have none).
    public var reservation: ReservationDetails {
        get { reservationBox.value }
        _modify { yield &reservationBox.value }
    }

    /// The `savingsPlan/*` values (stored out of line: most rows have none).
    public var savingsPlan: SavingsPlanDetails {
        get { savingsPlanBox.value }
        _modify { yield &savingsPlanBox.value }
    }

    private var reservationBox = CopyOnWriteBox<ReservationDetails>()
    private var savingsPlanBox = CopyOnWriteBox<SavingsPlanDetails>()
    /// `discount/TotalDiscount` (`discount_total_discount`).
    public var totalDiscount: Amount?
    /// `discount/BundledDiscount` (`discount_bundled_discount`).
    public var bundledDiscount: Amount?

    // MARK: Dynamic columns

    /// Resource tags, canonical key (``AttributeKey``) → value; empty values omitted.
    public var tags: AttributeList
    /// Cost categories, canonical name → value; empty values omitted.
    public var costCategories: AttributeList
    /// Every other `product/*` column (and CUR 2.0 `product` map entry), canonical key → value.
    public var productAttributes: AttributeList
    /// Other `discount/*` columns and CUR 2.0 `discount` map entries, canonical key → value.
    public var discounts: AttributeList

    /// A line item with the four values every CUR row has; everything else nil or empty.
    public init(usageAccountId: String, type: LineItemType, usageStart: Timestamp, unblendedCost: Amount) {
        self.usageAccountId = usageAccountId
        self.type = type
        self.usageStart = usageStart
        self.unblendedCost = unblendedCost
        self.tags = AttributeList()
        self.costCategories = AttributeList()
        self.productAttributes = AttributeList()
        self.discounts = AttributeList()
    }
}

extension LineItem {
    /// The billing period of the row: the month of ``billingPeriodStart``, or of ``usageStart``
    /// when the file has no billing period column.
    public var billingPeriod: BillingPeriod {
        BillingPeriod(containing: billingPeriodStart ?? usageStart)
    }

    /// The RI or SP this row refers to, from `savingsPlan/SavingsPlanARN` on `SavingsPlan*` rows
    /// and `reservation/ReservationARN` otherwise (falling back to whichever is present).
    public var commitment: CommitmentARN? {
        if type.isSavingsPlan, let arn = savingsPlan.arn { return CommitmentARN(arn, kind: .savingsPlan) }
        if let arn = reservation.arn { return CommitmentARN(arn, kind: .reservedInstance) }
        if let arn = savingsPlan.arn { return CommitmentARN(arn, kind: .savingsPlan) }
        return nil
    }
}
