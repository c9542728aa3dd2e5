/// How a value that falls between two representable numbers is rounded.
///
/// Allot rounds only where money is presented or split, and always names the rule it uses.
/// Half-even (banker's rounding) is the default: it has no bias over many roundings.
public struct RoundingRule: Sendable, Hashable, CustomStringConvertible {
    private enum Base: Sendable, Hashable {
        case halfEven, halfAwayFromZero, towardZero, awayFromZero, floor, ceiling
    }

    private let base: Base

    /// To the nearest; ties to the even neighbour (1.225 → 1.22, 1.235 → 1.24).
    public static let halfEven = RoundingRule(base: .halfEven)
    /// To the nearest; ties away from zero (1.225 → 1.23, −1.225 → −1.23).
    public static let halfAwayFromZero = RoundingRule(base: .halfAwayFromZero)
    /// Truncation (1.229 → 1.22, −1.229 → −1.22).
    public static let towardZero = RoundingRule(base: .towardZero)
    /// Away from zero (1.221 → 1.23, −1.221 → −1.23).
    public static let awayFromZero = RoundingRule(base: .awayFromZero)
    /// Toward negative infinity (1.229 → 1.22, −1.221 → −1.23).
    public static let floor = RoundingRule(base: .floor)
    /// Toward positive infinity (1.221 → 1.23, −1.229 → −1.22).
    public static let ceiling = RoundingRule(base: .ceiling)

    public var description: String {
        switch base {
        case .halfEven: "half-even"
        case .halfAwayFromZero: "half-away-from-zero"
        case .towardZero: "toward-zero"
        case .awayFromZero: "away-from-zero"
        case .floor: "floor"
        case .ceiling: "ceiling"
        }
    }

    /// Rounds the non-negative magnitude `quotient + remainder / divisor` (with `remainder < divisor`)
    /// of a value whose sign is `negative` to an integer magnitude.
    func round(quotient: UInt128, remainder: UInt128, divisor: UInt128, negative: Bool) -> UInt128 {
        guard remainder != 0 else { return quotient }
        let up: Bool
        switch base {
        case .towardZero: up = false
        case .awayFromZero: up = true
        case .floor: up = negative
        case .ceiling: up = !negative
        case .halfEven, .halfAwayFromZero:
            let rest = divisor - remainder
            if remainder > rest {
                up = true
            } else if remainder < rest {
                up = false
            } else {
                up = base == .halfAwayFromZero || quotient & 1 == 1
            }
        }
        return up ? quotient + 1 : quotient
    }
}
