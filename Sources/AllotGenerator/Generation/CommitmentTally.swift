import AllotCore

/// What one Reserved Instance did in one delivery, summed over the hours it was in the organization:
/// the figures of its `RIFee` row (§1.4) and the check of its monthly identity.
struct ReservedInstanceTally: Sendable {
    /// Hours the RI was applied in this organization.
    var hours = 0
    var firstHour = Int.max
    var lastHour = -1
    /// Σ `reservation/RecurringFeeForUsage` of its DiscountedUsage rows.
    var recurringForUsage = Amount.zero
    /// Σ `reservation/AmortizedUpfrontCostForUsage` of its DiscountedUsage rows.
    var upfrontForUsage = Amount.zero
    /// Σ `reservation/EffectiveCost` of its DiscountedUsage rows.
    var effectiveCost = Amount.zero
    /// Σ On-Demand cost of the usage it covered.
    var coveredOnDemand = Amount.zero
    /// Σ of the engine's hourly used cost, unused cost, unused hours and unused normalized units.
    var engineUsedCost = Amount.zero
    var engineUnusedCost = Amount.zero
    var unusedHours = Amount.zero
    var unusedUnits = Amount.zero

    mutating func addHour(_ hour: Int, utilization: ReservedInstanceUtilization) {
        hours += 1
        firstHour = min(firstHour, hour)
        lastHour = max(lastHour, hour)
        engineUsedCost += utilization.usedCost
        engineUnusedCost += utilization.unusedCost
        unusedHours += utilization.unusedHours
        unusedUnits += utilization.unusedUnits
    }
}

/// What one Savings Plan did in one delivery.
struct SavingsPlanTally: Sendable {
    var hours = 0
    var commitment = Amount.zero
    var usedCommitment = Amount.zero
    var coveredOnDemand = Amount.zero
}
