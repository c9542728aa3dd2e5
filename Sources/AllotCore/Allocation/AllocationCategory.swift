/// The category of a ledger row: what kind of cost it is, after allocation.
///
/// Line item types map to categories depending on the cost basis (`reference/aws-billing-rules.md`
/// §1.3, §1.6, §3.7):
///
/// | line item type | amortized / net amortized | unblended |
/// |---|---|---|
/// | `Usage` | usage | usage |
/// | `DiscountedUsage`, `SavingsPlanCoveredUsage`, `SavingsPlanNegation` | commitment-covered | commitment-covered |
/// | `RIFee`, `SavingsPlanRecurringFee` | commitment-unused (their amortized value is the unused part) | fee (holding BU) |
/// | `SavingsPlanUpfrontFee`, `Fee` with an RI ARN | fee (0 when amortized) | fee (holding BU) |
/// | `Fee` without an RI ARN (support, domains, …) | fee | fee |
/// | `Credit`, `Refund` | credit | credit |
/// | `Tax` | tax | tax |
/// | discount types, unknown types | other | other |
///
/// Policies add `savings-adjustment` rows, and shared-cost rules move rows into `shared:<rule name>`.
/// A struct over the raw text rather than an enum, because shared categories carry a rule name and
/// new categories must not break callers.
public struct AllocationCategory: Sendable, Hashable, Comparable, Codable, RawRepresentable, CustomStringConvertible {
    /// The category as stored in the ledger (`usage`, `shared:security`, …).
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Usage at its billed rate (`Usage`).
    public static let usage = AllocationCategory(rawValue: "usage")
    /// Usage covered by an RI or a Savings Plan, at its effective cost (amortized bases).
    public static let commitmentCovered = AllocationCategory(rawValue: "commitment-covered")
    /// The unused part of a commitment (`RIFee`, `SavingsPlanRecurringFee` on the amortized bases).
    public static let commitmentUnused = AllocationCategory(rawValue: "commitment-unused")
    /// Fees: support and other subscriptions; on the unblended basis also RI/SP fees.
    public static let fee = AllocationCategory(rawValue: "fee")
    /// Credits and refunds.
    public static let credit = AllocationCategory(rawValue: "credit")
    /// Taxes.
    public static let tax = AllocationCategory(rawValue: "tax")
    /// What the savings policy moves between consumers and the central BU.
    public static let savingsAdjustment = AllocationCategory(rawValue: "savings-adjustment")
    /// Discount types and line item types AWS does not document.
    public static let other = AllocationCategory(rawValue: "other")

    /// The category of cost re-allocated by the shared-cost rule `name`.
    public static func shared(_ name: String) -> AllocationCategory {
        AllocationCategory(rawValue: sharedPrefix + name)
    }

    /// The shared-cost rule's name for `shared:<name>`, else nil.
    public var sharedRuleName: String? {
        rawValue.hasPrefix(Self.sharedPrefix) ? String(rawValue.dropFirst(Self.sharedPrefix.count)) : nil
    }

    public var isShared: Bool { rawValue.hasPrefix(Self.sharedPrefix) }

    public var description: String { rawValue }

    public static func < (lhs: AllocationCategory, rhs: AllocationCategory) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    private static let sharedPrefix = "shared:"
}
