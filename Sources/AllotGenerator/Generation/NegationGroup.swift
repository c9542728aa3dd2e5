import AllotCore

/// The Savings Plan negation of one hour for one account, SKU, plan, zone and tag set: AWS writes one
/// `SavingsPlanNegation` row per such group, cancelling the On-Demand cost of all its covered rows
/// (`reference/aws-billing-rules.md` §1.3).
struct NegationGroup {
    struct Key: Hashable {
        let account: Int
        let sku: Int
        let plan: Int
        let zone: Int
        let tags: ObjectIdentifier
    }

    let source: DeliveryRun.LineSource
    let plan: Int
    var quantity = Amount.zero
    var onDemandCost = Amount.zero
}
