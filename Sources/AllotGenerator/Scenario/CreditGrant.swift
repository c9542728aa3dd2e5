import AllotCore

/// A credit on an account's bill (§6): applied to its eligible charges, largest service first,
/// never more than them and never to RI/SP upfront fees, support or tax.
public struct CreditGrant: Sendable, Hashable {
    /// The account the credit is applied to.
    public var account: String
    /// The credit, a positive amount; the `Credit` rows are negative.
    public var amount: Amount
    /// `lineItem/LineItemDescription`: `AWS Activate Credits`.
    public var description: String
    /// Only this product code (`AmazonEC2`), or any eligible service when nil.
    public var productCode: String?
    /// A credit AWS adds after the month closed: present only in a restated delivery (`--restated`).
    public var late: Bool

    init(account: String, amount: Amount, description: String, productCode: String?, late: Bool) {
        self.account = account
        self.amount = amount
        self.description = description
        self.productCode = productCode
        self.late = late
    }
}
