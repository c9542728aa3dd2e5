/// The `reservation/*` values of a line item (`reference/aws-billing-rules.md` §1.4).
///
/// Every value is nil when its column is absent from the file or empty on the row. Amounts are in
/// the row's currency; quantities are hours or normalized units as AWS defines them.
public struct ReservationDetails: Sendable, Hashable {
    /// `reservation/ReservationARN`: links the RI's Fee, RIFee and DiscountedUsage rows.
    public var arn: String?
    /// `reservation/EffectiveCost` (DiscountedUsage): amortized upfront + recurring fee for the usage.
    public var effectiveCost: Amount?
    /// `reservation/AmortizedUpfrontCostForUsage` (DiscountedUsage).
    public var amortizedUpfrontCostForUsage: Amount?
    /// `reservation/RecurringFeeForUsage` (DiscountedUsage).
    public var recurringFeeForUsage: Amount?
    /// `reservation/AmortizedUpfrontFeeForBillingPeriod` (RIFee).
    public var amortizedUpfrontFeeForBillingPeriod: Amount?
    /// `reservation/UnusedAmortizedUpfrontFeeForBillingPeriod` (RIFee).
    public var unusedAmortizedUpfrontFeeForBillingPeriod: Amount?
    /// `reservation/UnusedRecurringFee` (RIFee).
    public var unusedRecurringFee: Amount?
    /// `reservation/UnusedQuantity` (RIFee): unused RI hours.
    public var unusedQuantity: Amount?
    /// `reservation/UnusedNormalizedUnitQuantity` (RIFee).
    public var unusedNormalizedUnitQuantity: Amount?
    /// `reservation/TotalReservedUnits` (Fee: whole term; RIFee: this month).
    public var totalReservedUnits: Amount?
    /// `reservation/TotalReservedNormalizedUnits`.
    public var totalReservedNormalizedUnits: Amount?
    /// `reservation/UnitsPerReservation`.
    public var unitsPerReservation: Amount?
    /// `reservation/NumberOfReservations`.
    public var numberOfReservations: Amount?
    /// `reservation/NormalizedUnitsPerReservation`.
    public var normalizedUnitsPerReservation: Amount?
    /// `reservation/UpfrontValue`.
    public var upfrontValue: Amount?
    /// `reservation/StartTime`.
    public var startTime: Timestamp?
    /// `reservation/EndTime`.
    public var endTime: Timestamp?
    /// `reservation/AvailabilityZone`: empty (nil) for regional RIs.
    public var availabilityZone: String?
    /// `reservation/SubscriptionId`.
    public var subscriptionId: String?
    /// `reservation/ModificationStatus`.
    public var modificationStatus: String?
    /// `reservation/NetEffectiveCost`: present only when discounts apply.
    public var netEffectiveCost: Amount?
    /// `reservation/NetAmortizedUpfrontCostForUsage`.
    public var netAmortizedUpfrontCostForUsage: Amount?
    /// `reservation/NetRecurringFeeForUsage`.
    public var netRecurringFeeForUsage: Amount?
    /// `reservation/NetAmortizedUpfrontFeeForBillingPeriod`.
    public var netAmortizedUpfrontFeeForBillingPeriod: Amount?
    /// `reservation/NetUnusedAmortizedUpfrontFeeForBillingPeriod`.
    public var netUnusedAmortizedUpfrontFeeForBillingPeriod: Amount?
    /// `reservation/NetUnusedRecurringFee`.
    public var netUnusedRecurringFee: Amount?
    /// `reservation/NetUpfrontValue`.
    public var netUpfrontValue: Amount?

    /// Details with every value nil.
    public init() {}
}
