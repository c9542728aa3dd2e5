/// How much of a Reserved Instance subscription was used in the hour.
///
/// Cost Explorer's `ReservationAggregates` for one hour (`reference/aws-billing-rules.md` §4). Every
/// used/unused pair adds up exactly to its total: `usedHours + unusedHours = count`,
/// `usedUnits + unusedUnits = count × normalizationFactor`, `usedCost + unusedCost = count × effectiveHourlyCost`,
/// and ``usedCost`` is exactly the sum of the RI's coverages' effective costs.
public struct ReservedInstanceUtilization: Sendable, Hashable {
    /// ``ReservedInstance/id``.
    public let id: String
    /// The purchasing account, which carries the unused cost (the `RIFee` line, §3.7).
    public let owner: String
    /// Instance-hours reserved: the subscription's count.
    public let reservedHours: Amount
    /// Instance-hours used; fractional for a size-flexible RI (used units ÷ factor).
    public let usedHours: Amount
    /// `reservedHours − usedHours`.
    public let unusedHours: Amount
    /// Normalized units reserved: `count × normalizationFactor`.
    public let reservedUnits: Amount
    /// Normalized units used.
    public let usedUnits: Amount
    /// `reservedUnits − usedUnits`.
    public let unusedUnits: Amount
    /// The hour's effective cost: `count × effectiveHourlyCost`.
    public let totalCost: Amount
    /// The effective cost carried by covered usage.
    public let usedCost: Amount
    /// The effective cost of the unused part (`RIFee` unused fees for the hour).
    public let unusedCost: Amount
    /// What the covered usage would have cost at On-Demand (`OnDemandCostOfRIHoursUsed`).
    public let onDemandCostOfUsedHours: Amount

    public init(
        id: String,
        owner: String,
        reservedHours: Amount,
        usedHours: Amount,
        reservedUnits: Amount,
        usedUnits: Amount,
        totalCost: Amount,
        usedCost: Amount,
        onDemandCostOfUsedHours: Amount
    ) {
        self.id = id
        self.owner = owner
        self.reservedHours = reservedHours
        self.usedHours = usedHours
        self.unusedHours = reservedHours - usedHours
        self.reservedUnits = reservedUnits
        self.usedUnits = usedUnits
        self.unusedUnits = reservedUnits - usedUnits
        self.totalCost = totalCost
        self.usedCost = usedCost
        self.unusedCost = totalCost - usedCost
        self.onDemandCostOfUsedHours = onDemandCostOfUsedHours
    }
}
