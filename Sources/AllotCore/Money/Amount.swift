/// An exact fixed-point decimal number: money, rates and usage quantities.
///
/// The value is held as an `Int128` count of 10⁻²⁰ units, so every decimal with up to 20
/// fractional digits and an absolute value below 10¹⁸ is represented exactly. Twenty fractional
/// digits cover every number seen in real and synthetic CUR files (rates such as `2.4E-7`,
/// generator output such as `0.00012345678901234567`); the range covers any single CUR value
/// and sums of many millions of them.
///
/// Addition, subtraction and comparison are exact. Multiplication and division round once, to
/// 20 fractional digits, with an explicit ``RoundingRule`` (half-even by default). `Double` and
/// `Float` never hold money in Allot; this type replaces them.
public struct Amount: Sendable, Hashable {
    /// The number of fractional digits the representation keeps.
    public static let scale = 20
    /// 10^scale: the number of units in 1.
    public static let one: Int128 = 100_000_000_000_000_000_000
    /// Absolute values must stay below this bound (10¹⁸), which keeps products and parses in range.
    public static let limit: Int128 = 1_000_000_000_000_000_000 * one

    /// The value in units of 10⁻²⁰.
    public let units: Int128

    /// Creates an amount from a count of 10⁻²⁰ units.
    public init(units: Int128) {
        self.units = units
    }

    /// Creates an amount equal to an integer.
    public init(_ value: Int) {
        self.units = Int128(value) * Amount.one
    }

    /// Creates `value × 10^-exponent`, e.g. `Amount(minorUnits: 1234, exponent: 2)` is 12.34.
    public init(minorUnits value: Int128, exponent: Int) {
        self.units = value * Amount.powerOfTen(Amount.scale - exponent)
    }

    public static let zero = Amount(units: 0)

    public var isZero: Bool { units == 0 }
    public var isNegative: Bool { units < 0 }
    public var magnitude: Amount { Amount(units: units < 0 ? -units : units) }

    /// 10^n for 0 ≤ n ≤ 38.
    static func powerOfTen(_ n: Int) -> Int128 {
        powersOfTen[n]
    }

    private static let powersOfTen: [Int128] = {
        var powers: [Int128] = [1]
        for _ in 1...38 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()
}

extension Amount: Comparable {
    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.units < rhs.units }
}

extension Amount: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension Amount: AdditiveArithmetic {
    /// Exact sum. Traps on overflow, like `Int`; values read from input are bounded by
    /// ``limit`` when parsed, so sums of real data stay far from the representable range.
    public static func + (lhs: Amount, rhs: Amount) -> Amount { Amount(units: lhs.units + rhs.units) }
    public static func - (lhs: Amount, rhs: Amount) -> Amount { Amount(units: lhs.units - rhs.units) }
    public static func += (lhs: inout Amount, rhs: Amount) { lhs = lhs + rhs }
    public static func -= (lhs: inout Amount, rhs: Amount) { lhs = lhs - rhs }
    public static prefix func - (value: Amount) -> Amount { Amount(units: -value.units) }
}

extension Sequence where Element == Amount {
    /// The exact sum of the amounts.
    public func sum() -> Amount {
        reduce(.zero, +)
    }
}
