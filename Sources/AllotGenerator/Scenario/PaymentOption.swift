import Foundation

/// How a Reserved Instance or Savings Plan is paid: all upfront, partly upfront, or monthly.
///
/// The generator splits a commitment's effective hourly cost accordingly
/// (`reference/aws-billing-rules.md` §1.4–§1.5): All Upfront pays the whole term at purchase and
/// nothing recurring; Partial Upfront pays half at purchase and half hourly; No Upfront pays hourly.
public struct PaymentOption: Sendable, Hashable, CustomStringConvertible {
    private enum Base: Sendable, Hashable { case allUpfront, partialUpfront, noUpfront }
    private let base: Base
    private init(_ base: Base) { self.base = base }

    /// The whole term is paid at purchase (`Fee` / `SavingsPlanUpfrontFee`); the recurring rows are $0.
    public static let allUpfront = PaymentOption(.allUpfront)
    /// Half the term is paid at purchase, the other half hourly.
    public static let partialUpfront = PaymentOption(.partialUpfront)
    /// Everything is paid hourly (`RIFee` / `SavingsPlanRecurringFee`).
    public static let noUpfront = PaymentOption(.noUpfront)

    /// Reads `All Upfront`, `all-upfront`, `AllUpfront` and the like; nil for anything else.
    public init?(_ text: String) {
        let letters = String(text.lowercased().filter(\.isLetter))
        switch letters {
        case "allupfront": base = .allUpfront
        case "partialupfront": base = .partialUpfront
        case "noupfront": base = .noUpfront
        default: return nil
        }
    }

    /// The CUR spelling: `All Upfront`, `Partial Upfront`, `No Upfront`.
    public var description: String {
        switch base {
        case .allUpfront: "All Upfront"
        case .partialUpfront: "Partial Upfront"
        case .noUpfront: "No Upfront"
        }
    }

    /// The spelling inside usage types: `AllUpfront`.
    var compactName: String { description.replacingOccurrences(of: " ", with: "") }

    /// The share of the effective cost paid upfront, in percent: 100, 50 or 0.
    var upfrontPercent: Int {
        switch base {
        case .allUpfront: 100
        case .partialUpfront: 50
        case .noUpfront: 0
        }
    }
}
