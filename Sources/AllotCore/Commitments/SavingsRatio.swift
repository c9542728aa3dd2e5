/// The Savings Plan priority of a usage: its savings ratio `rate ÷ onDemandRate` and its rate.
///
/// A plan covers the usage with the highest savings percentage (`1 − rate ÷ onDemandRate`, so the
/// lowest ratio) first, ties to the lowest rate (`reference/aws-billing-rules.md` §3.2). Comparison is
/// exact: the ratio is kept truncated to 20 places with a flag saying whether the division was exact,
/// and equal truncated ratios of inexact divisions are compared by cross-multiplication.
struct SavingsRatio {
    /// `rate ÷ onDemandRate` truncated, in units of 10⁻²⁰; `Int128.max` when the On-Demand rate is
    /// zero (no savings possible: such usage comes last), `Int128.max − 1` when the ratio exceeds 10¹⁸.
    let truncated: Int128
    /// Whether ``truncated`` is the exact ratio.
    let isExact: Bool
    /// The plan's rate per unit.
    let rate: Amount
    /// The usage's On-Demand rate per unit.
    let onDemandRate: Amount

    init(rate: Amount, onDemandRate: Amount) {
        self.rate = rate
        self.onDemandRate = onDemandRate
        guard onDemandRate.units > 0 else {
            (truncated, isExact) = (.max, true)
            return
        }
        let product = rate.units.magnitude.multipliedFullWidth(by: Amount.one.magnitude)
        let divisor = onDemandRate.units.magnitude
        guard product.high < divisor else {
            (truncated, isExact) = (.max - 1, false)
            return
        }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        guard quotient < UInt128(Int128.max - 1) else {
            (truncated, isExact) = (.max - 1, false)
            return
        }
        (truncated, isExact) = (Int128(quotient), remainder == 0)
    }

    /// −1 when `lhs` goes first, 1 when `rhs` does, 0 when they have the same priority (equal ratio
    /// and equal rate).
    ///
    /// Truncation is monotonic, so different truncated ratios order the exact ratios the same way.
    static func compare(_ lhs: SavingsRatio, _ rhs: SavingsRatio) -> Int {
        if lhs.truncated != rhs.truncated { return lhs.truncated < rhs.truncated ? -1 : 1 }
        let sameRates = lhs.rate == rhs.rate && lhs.onDemandRate == rhs.onDemandRate
        if !sameRates, !(lhs.isExact && rhs.isExact), lhs.truncated != .max {
            let left = lhs.rate.units.magnitude.multipliedFullWidth(by: rhs.onDemandRate.units.magnitude)
            let right = rhs.rate.units.magnitude.multipliedFullWidth(by: lhs.onDemandRate.units.magnitude)
            if left.high != right.high { return left.high < right.high ? -1 : 1 }
            if left.low != right.low { return left.low < right.low ? -1 : 1 }
        }
        if lhs.rate != rhs.rate { return lhs.rate < rhs.rate ? -1 : 1 }
        return 0
    }
}
