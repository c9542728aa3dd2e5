import AllotCore

/// The `reservation/*` values of one row (§1.4); nil values are written as empty fields. The `Net*`
/// columns, present when the organization has discounts, repeat these values: the generator's EDP
/// discounts only On-Demand usage.
struct ReservationColumns {
    var commitment: CommitmentEntry
    /// Whether the row repeats the subscription's terms (start, end, subscription id): RIFee and Fee rows.
    var showsTerms = false
    var amortizedUpfrontCostForUsage: Amount?
    var amortizedUpfrontFeeForBillingPeriod: Amount?
    var effectiveCost: Amount?
    var normalizedUnitsPerReservation: Amount?
    var numberOfReservations: Amount?
    var recurringFeeForUsage: Amount?
    var totalReservedNormalizedUnits: Amount?
    var totalReservedUnits: Amount?
    var unitsPerReservation: Amount?
    var unusedAmortizedUpfrontFee: Amount?
    var unusedNormalizedUnitQuantity: Amount?
    var unusedQuantity: Amount?
    var unusedRecurringFee: Amount?
    var upfrontValue: Amount?

    init(commitment: CommitmentEntry) {
        self.commitment = commitment
    }
}
