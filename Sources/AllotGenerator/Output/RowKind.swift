/// The `lineItem/LineItemType` of a generated row (`reference/aws-billing-rules.md` §1.3).
enum RowKind: Int, Sendable, CaseIterable {
    case usage, discountedUsage, riFee, fee, savingsPlanCoveredUsage, savingsPlanNegation, savingsPlanRecurringFee
    case savingsPlanUpfrontFee, credit, tax, edpDiscount

    /// The CUR spelling.
    var name: String {
        switch self {
        case .usage: "Usage"
        case .discountedUsage: "DiscountedUsage"
        case .riFee: "RIFee"
        case .fee: "Fee"
        case .savingsPlanCoveredUsage: "SavingsPlanCoveredUsage"
        case .savingsPlanNegation: "SavingsPlanNegation"
        case .savingsPlanRecurringFee: "SavingsPlanRecurringFee"
        case .savingsPlanUpfrontFee: "SavingsPlanUpfrontFee"
        case .credit: "Credit"
        case .tax: "Tax"
        case .edpDiscount: "EdpDiscount"
        }
    }

    /// ``name`` as bytes, one array per kind.
    static let encodedNames: [[UInt8]] = allCases.map { Array($0.name.utf8) }

    var encodedName: [UInt8] { RowKind.encodedNames[rawValue] }
}
