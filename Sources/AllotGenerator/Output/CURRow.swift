import AllotCore

/// One row to write: what varies per row, with references to the pre-encoded account, product, tags
/// and commitment it shares with other rows.
///
/// Times are hour boundaries of the delivery's span (``HourTable``): `start` 0 is the first hour.
struct CURRow {
    var kind: RowKind
    var account: AccountEntry
    var product: ProductEntry
    var tags: TagSet
    var start: Int
    var end: Int
    /// `bill/InvoiceId`.
    var invoice: [UInt8]
    /// `bill/BillType`: Anniversary, or Purchase for upfront fees.
    var isPurchase = false
    var availabilityZone: [UInt8] = []
    var resourceId: [UInt8] = []
    var usageAmount: Amount?
    var normalizationFactor: Amount?
    var unblendedRate: Amount?
    var unblendedCost: Amount
    /// The EDP discount on this row (≥ 0): `lineItem/NetUnblendedCost = UnblendedCost − discount`.
    var discount: Amount = .zero
    /// `lineItem/NetUnblendedRate` when it differs from the unblended rate (discounted usage).
    var netUnblendedRate: Amount?
    /// `lineItem/LineItemDescription`, pre-encoded.
    var description: [UInt8]
    var isTax = false
    var publicOnDemandRate: Amount?
    var publicOnDemandCost: Amount?
    /// `pricing/term`: OnDemand, Reserved, or empty.
    var pricingTerm: PricingTerm = .none
    /// The reservation columns of DiscountedUsage, RIFee and RI Fee rows.
    var reservation: ReservationColumns?
    /// The Savings Plan columns of SavingsPlan* rows.
    var savingsPlan: SavingsPlanColumns?

    init(
        kind: RowKind, account: AccountEntry, product: ProductEntry, tags: TagSet, start: Int, end: Int,
        invoice: [UInt8], unblendedCost: Amount, description: [UInt8]
    ) {
        self.kind = kind
        self.account = account
        self.product = product
        self.tags = tags
        self.start = start
        self.end = end
        self.invoice = invoice
        self.unblendedCost = unblendedCost
        self.description = description
    }

    /// `pricing/term` values.
    enum PricingTerm {
        case none, onDemand, reserved

        var encoded: [UInt8] {
            switch self {
            case .none: []
            case .onDemand: Array("OnDemand".utf8)
            case .reserved: Array("Reserved".utf8)
            }
        }
    }

    /// The net unblended cost: unblended less the EDP discount; 0 on EdpDiscount rows, whose amount
    /// the usage rows' net columns already hold (so Σ net unblended = Σ unblended, §1.6 e).
    var netUnblendedCost: Amount {
        kind == .edpDiscount ? .zero : unblendedCost - discount
    }

    /// The amortized cost: the CASE of `reference/aws-billing-rules.md` §1.6 b.
    var amortizedCost: Amount {
        switch kind {
        case .savingsPlanCoveredUsage: savingsPlan?.effectiveCost ?? .zero
        case .savingsPlanRecurringFee: (savingsPlan?.totalCommitment ?? .zero) - (savingsPlan?.usedCommitment ?? .zero)
        case .savingsPlanNegation, .savingsPlanUpfrontFee: .zero
        case .discountedUsage: reservation?.effectiveCost ?? .zero
        case .riFee: (reservation?.unusedAmortizedUpfrontFee ?? .zero) + (reservation?.unusedRecurringFee ?? .zero)
        case .fee where reservation != nil: .zero
        default: unblendedCost
        }
    }

    /// The net amortized cost (§1.6 e): amortized, with net unblended in place of unblended. Commitment
    /// rows are not discounted (their net columns equal the gross ones), so only `Usage` and
    /// `EdpDiscount` rows differ from ``amortizedCost``.
    var netAmortizedCost: Amount {
        switch kind {
        case .usage, .edpDiscount: netUnblendedCost
        default: amortizedCost
        }
    }
}
