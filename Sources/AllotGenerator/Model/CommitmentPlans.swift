import AllotCore

/// A Reserved Instance as the generator applies and bills it: the engine's value, the price split
/// by payment option, and its pre-encoded row columns.
///
/// Prices per reservation-hour: `effective = recurring + upfrontHourly`, with `upfrontHourly =
/// effective × upfront share` (100 %, 50 %, 0 %) and the upfront fee `upfrontHourly × term hours`,
/// so that every amortized figure is exact.
struct ReservedInstancePlan: Sendable {
    let entry: CommitmentEntry
    let engineValue: ReservedInstance
    let start: Timestamp
    let end: Timestamp
    let count: Int
    let normalizationFactor: Amount
    /// Recurring fee per reservation-hour.
    let recurringHourly: Amount
    /// Amortized upfront per reservation-hour.
    let upfrontHourly: Amount
    /// The whole upfront fee of the subscription (all reservations).
    let upfrontFee: Amount
    let termHours: Int
    let feeProduct: ProductEntry
    /// The DiscountedUsage product per instance SKU index is the instance's own product.
    var owner: String { engineValue.owner }
}

/// A Savings Plan as the generator applies and bills it.
///
/// Per hour: `commitment = recurringHourly + upfrontHourly`; the upfront fee is
/// `upfrontHourly × term hours`.
struct SavingsPlanPlan: Sendable {
    let entry: CommitmentEntry
    let engineValue: SavingsPlan
    let start: Timestamp
    let end: Timestamp
    let recurringHourly: Amount
    let upfrontHourly: Amount
    let upfrontFee: Amount
    let product: ProductEntry
    let negationDescription: [UInt8]
    var owner: String { engineValue.owner }
}
