/// The `lineItem/LineItemType` of a CUR row (`reference/aws-billing-rules.md` §1.3).
///
/// The raw text is kept verbatim. The types AWS documents have constants; any other value
/// (AWS adds types from time to time, e.g. `FlatRateSubscription`) is still a valid type whose
/// ``isOther`` is true: it is never an error, and the cost views treat it like `Usage`
/// (its unblended cost counts as is).
public struct LineItemType: Sendable, Hashable, RawRepresentable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The type exactly as the CUR spells it.
    public let rawValue: String
    /// The classification used by the cost formulas; `.other` for unknown types.
    let known: Known

    public init(rawValue: String) {
        self.rawValue = rawValue
        self.known = Known(rawValue: rawValue) ?? .other
    }

    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    public var description: String { rawValue }

    /// Whether AWS's documentation does not list this type; such rows are reported as "other".
    public var isOther: Bool { known == .other }

    /// The reporting class: the raw type for known types, `other` for the rest.
    public var reportingClass: String { isOther ? "other" : rawValue }

    /// Whether this is one of the discount types (`EdpDiscount`, `PrivateRateDiscount`,
    /// `BundledDiscount`, `RiVolumeDiscount`, `SppDiscount`, `DistributorDiscount`).
    public var isDiscount: Bool {
        switch known {
        case .edpDiscount, .privateRateDiscount, .bundledDiscount, .riVolumeDiscount, .sppDiscount,
            .distributorDiscount:
            true
        default:
            false
        }
    }

    /// Whether this is one of the four `SavingsPlan*` types.
    public var isSavingsPlan: Bool {
        switch known {
        case .savingsPlanCoveredUsage, .savingsPlanNegation, .savingsPlanRecurringFee, .savingsPlanUpfrontFee: true
        default: false
        }
    }

    /// On-Demand, Spot, tiered… usage at its billed rate.
    public static let usage = LineItemType(rawValue: "Usage")
    /// Usage covered by a Reserved Instance (unblended 0; cost in `reservation/EffectiveCost`).
    public static let discountedUsage = LineItemType(rawValue: "DiscountedUsage")
    /// The monthly recurring line of a Reserved Instance.
    public static let riFee = LineItemType(rawValue: "RIFee")
    /// A one-time fee: RI upfront (with an RI ARN) or another subscription fee.
    public static let fee = LineItemType(rawValue: "Fee")
    /// Usage covered by a Savings Plan (unblended at the On-Demand rate).
    public static let savingsPlanCoveredUsage = LineItemType(rawValue: "SavingsPlanCoveredUsage")
    /// The negative line that cancels the unblended cost of SP-covered usage.
    public static let savingsPlanNegation = LineItemType(rawValue: "SavingsPlanNegation")
    /// The recurring (hourly) Savings Plan commitment charge.
    public static let savingsPlanRecurringFee = LineItemType(rawValue: "SavingsPlanRecurringFee")
    /// The one-time upfront payment of a Savings Plan.
    public static let savingsPlanUpfrontFee = LineItemType(rawValue: "SavingsPlanUpfrontFee")
    /// A credit applied to the bill.
    public static let credit = LineItemType(rawValue: "Credit")
    /// Money refunded.
    public static let refund = LineItemType(rawValue: "Refund")
    /// VAT, sales tax and similar.
    public static let tax = LineItemType(rawValue: "Tax")
    /// Enterprise Discount Program discount.
    public static let edpDiscount = LineItemType(rawValue: "EdpDiscount")
    /// Private rate card discount.
    public static let privateRateDiscount = LineItemType(rawValue: "PrivateRateDiscount")
    /// Bundled (cross-service) discount.
    public static let bundledDiscount = LineItemType(rawValue: "BundledDiscount")
    /// Reserved Instance volume tier discount.
    public static let riVolumeDiscount = LineItemType(rawValue: "RiVolumeDiscount")
    /// Solution Provider Program discount.
    public static let sppDiscount = LineItemType(rawValue: "SppDiscount")
    /// Distributor discount.
    public static let distributorDiscount = LineItemType(rawValue: "DistributorDiscount")

    /// Every type with a constant above, in that order.
    public static let allKnown: [LineItemType] = [
        .usage, .discountedUsage, .riFee, .fee, .savingsPlanCoveredUsage, .savingsPlanNegation,
        .savingsPlanRecurringFee, .savingsPlanUpfrontFee, .credit, .refund, .tax, .edpDiscount,
        .privateRateDiscount, .bundledDiscount, .riVolumeDiscount, .sppDiscount, .distributorDiscount,
    ]

    enum Known: String, Sendable, Hashable {
        case usage = "Usage"
        case discountedUsage = "DiscountedUsage"
        case riFee = "RIFee"
        case fee = "Fee"
        case savingsPlanCoveredUsage = "SavingsPlanCoveredUsage"
        case savingsPlanNegation = "SavingsPlanNegation"
        case savingsPlanRecurringFee = "SavingsPlanRecurringFee"
        case savingsPlanUpfrontFee = "SavingsPlanUpfrontFee"
        case credit = "Credit"
        case refund = "Refund"
        case tax = "Tax"
        case edpDiscount = "EdpDiscount"
        case privateRateDiscount = "PrivateRateDiscount"
        case bundledDiscount = "BundledDiscount"
        case riVolumeDiscount = "RiVolumeDiscount"
        case sppDiscount = "SppDiscount"
        case distributorDiscount = "DistributorDiscount"
        case other = ""
    }
}
