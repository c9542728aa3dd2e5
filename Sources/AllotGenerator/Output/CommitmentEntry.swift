/// The fixed columns of one Reserved Instance or Savings Plan, pre-encoded: the ARN and the terms
/// that its Fee, RIFee, DiscountedUsage and SavingsPlan* rows repeat.
final class CommitmentEntry: Sendable {
    /// `arn:aws:ec2:us-east-1:111122223333:reserved-instances/…` or `arn:aws:savingsplans::…:savingsplan/…`.
    let arn: String
    /// The owner (holding) account, as the ARN says.
    let owner: String
    let encodedARN: [UInt8]
    /// `reservation/AvailabilityZone` (empty for regional RIs) or `savingsPlan/Region`.
    let encodedLocation: [UInt8]
    /// `reservation/StartTime` / `savingsPlan/StartTime`.
    let encodedStart: [UInt8]
    /// `reservation/EndTime` / `savingsPlan/EndTime`.
    let encodedEnd: [UInt8]
    /// `reservation/SubscriptionId` (RIs) or `savingsPlan/InstanceTypeFamily` (EC2 Instance SPs).
    let encodedDetail: [UInt8]
    /// `pricing/LeaseContractLength` / `savingsPlan/PurchaseTerm`: `1yr`.
    let encodedTerm: [UInt8]
    /// `pricing/OfferingClass` (RIs) or `savingsPlan/OfferingType` (SPs).
    let encodedOffering: [UInt8]
    /// `pricing/PurchaseOption` / `savingsPlan/PaymentOption`: `All Upfront`.
    let encodedPayment: [UInt8]
    /// Descriptions of the commitment's rows.
    let coveredDescription: [UInt8]
    let recurringDescription: [UInt8]
    let upfrontDescription: [UInt8]

    init(
        arn: String, owner: String, location: String, start: String, end: String, detail: String, term: String,
        offering: String, payment: String, coveredDescription: String, recurringDescription: String,
        upfrontDescription: String
    ) {
        self.arn = arn
        self.owner = owner
        encodedARN = CSVText.field(arn)
        encodedLocation = CSVText.field(location)
        encodedStart = CSVText.field(start)
        encodedEnd = CSVText.field(end)
        encodedDetail = CSVText.field(detail)
        encodedTerm = CSVText.field(term)
        encodedOffering = CSVText.field(offering)
        encodedPayment = CSVText.field(payment)
        self.coveredDescription = CSVText.field(coveredDescription)
        self.recurringDescription = CSVText.field(recurringDescription)
        self.upfrontDescription = CSVText.field(upfrontDescription)
    }
}
