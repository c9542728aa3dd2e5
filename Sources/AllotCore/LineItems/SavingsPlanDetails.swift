/// The `savingsPlan/*` values of a line item (`reference/aws-billing-rules.md` §1.5).
///
/// Every value is nil when its column is absent from the file or empty on the row.
public struct SavingsPlanDetails: Sendable, Hashable {
    /// `savingsPlan/SavingsPlanARN`.
    public var arn: String?
    /// `savingsPlan/SavingsPlanRate` (CoveredUsage): the SP rate for the usage.
    public var rate: Amount?
    /// `savingsPlan/SavingsPlanEffectiveCost` (CoveredUsage): the share of the commitment for this usage.
    public var effectiveCost: Amount?
    /// `savingsPlan/TotalCommitmentToDate` (RecurringFee): amortized upfront + recurring for the hour.
    public var totalCommitmentToDate: Amount?
    /// `savingsPlan/UsedCommitment` (RecurringFee).
    public var usedCommitment: Amount?
    /// `savingsPlan/AmortizedUpfrontCommitmentForBillingPeriod` (RecurringFee).
    public var amortizedUpfrontCommitmentForBillingPeriod: Amount?
    /// `savingsPlan/RecurringCommitmentForBillingPeriod` (RecurringFee).
    public var recurringCommitmentForBillingPeriod: Amount?
    /// `savingsPlan/NetSavingsPlanEffectiveCost`: present only when discounts apply.
    public var netEffectiveCost: Amount?
    /// `savingsPlan/NetAmortizedUpfrontCommitmentForBillingPeriod`.
    public var netAmortizedUpfrontCommitmentForBillingPeriod: Amount?
    /// `savingsPlan/NetRecurringCommitmentForBillingPeriod`.
    public var netRecurringCommitmentForBillingPeriod: Amount?
    /// `savingsPlan/OfferingType`: `ComputeSavingsPlans`, `EC2InstanceSavingsPlans`, ….
    public var offeringType: String?
    /// `savingsPlan/PaymentOption`: `All Upfront`, `Partial Upfront`, `No Upfront`.
    public var paymentOption: String?
    /// `savingsPlan/PurchaseTerm`: `1yr`, `3yr`.
    public var purchaseTerm: String?
    /// `savingsPlan/Region`.
    public var region: String?
    /// `savingsPlan/InstanceTypeFamily` (EC2 Instance SPs).
    public var instanceTypeFamily: String?
    /// `savingsPlan/StartTime`.
    public var startTime: Timestamp?
    /// `savingsPlan/EndTime`.
    public var endTime: Timestamp?

    /// Details with every value nil.
    public init() {}
}
