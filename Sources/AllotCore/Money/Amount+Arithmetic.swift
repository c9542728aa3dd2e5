/// A number that cannot be represented, or an operation without a result.
public struct AmountError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Base: Sendable, Hashable { case overflow, divisionByZero }
    private let base: Base
    /// The operation that failed, e.g. "12.5 × 3".
    public let operation: String

    public static func overflow(_ operation: String) -> AmountError { AmountError(base: .overflow, operation: operation) }
    public static func divisionByZero(_ operation: String) -> AmountError {
        AmountError(base: .divisionByZero, operation: operation)
    }

    public var description: String {
        switch base {
        case .overflow: "\(operation): the result is outside the range of an exact amount (±10^18)"
        case .divisionByZero: "\(operation): division by zero"
        }
    }
}

extension Amount {
    /// The product, rounded once to 20 fractional digits.
    public func multiplied(by other: Amount, rounding rule: RoundingRule = .halfEven) throws(AmountError) -> Amount {
        guard let units = Amount.multiplyDivide(units, other.units, Amount.one, rule) else {
            throw .overflow("\(self) × \(other)")
        }
        return Amount(units: units)
    }

    /// The quotient, rounded once to 20 fractional digits.
    public func divided(by other: Amount, rounding rule: RoundingRule = .halfEven) throws(AmountError) -> Amount {
        guard !other.isZero else { throw .divisionByZero("\(self) ÷ \(other)") }
        guard let units = Amount.multiplyDivide(units, Amount.one, other.units, rule) else {
            throw .overflow("\(self) ÷ \(other)")
        }
        return Amount(units: units)
    }

    /// `self × numerator ÷ denominator` with a single rounding: the exact way to take a share.
    public func scaled(by numerator: Amount, over denominator: Amount, rounding rule: RoundingRule = .halfEven)
        throws(AmountError) -> Amount
    {
        guard !denominator.isZero else { throw .divisionByZero("\(self) × \(numerator) ÷ \(denominator)") }
        guard let units = Amount.multiplyDivide(units, numerator.units, denominator.units, rule) else {
            throw .overflow("\(self) × \(numerator) ÷ \(denominator)")
        }
        return Amount(units: units)
    }

    /// The value rounded to `places` fractional digits (0…20), e.g. 2 for US cents.
    public func rounded(toPlaces places: Int, rule: RoundingRule = .halfEven) -> Amount {
        let places = min(max(places, 0), Amount.scale)
        guard places < Amount.scale else { return self }
        let divisor = UInt128(Amount.powerOfTen(Amount.scale - places))
        let (quotient, remainder) = units.magnitude.quotientAndRemainder(dividingBy: divisor)
        let rounded = rule.round(quotient: quotient, remainder: remainder, divisor: divisor, negative: units < 0)
        let magnitude = Int128(rounded) * Int128(divisor)
        return Amount(units: units < 0 ? -magnitude : magnitude)
    }

    /// The value as an integer count of 10^-places, rounded, e.g. cents for `places: 2`.
    public func minorUnits(places: Int, rule: RoundingRule = .halfEven) -> Int128 {
        let places = min(max(places, 0), Amount.scale)
        return rounded(toPlaces: places, rule: rule).units / Amount.powerOfTen(Amount.scale - places)
    }

    /// x × y ÷ z on units, rounded once; nil when the result does not fit.
    static func multiplyDivide(_ x: Int128, _ y: Int128, _ z: Int128, _ rule: RoundingRule) -> Int128? {
        let negative = ((x < 0) != (y < 0)) != (z < 0)
        let divisor = z.magnitude
        let product = x.magnitude.multipliedFullWidth(by: y.magnitude)
        guard product.high < divisor else { return nil }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        let rounded = rule.round(quotient: quotient, remainder: remainder, divisor: divisor, negative: negative)
        guard rounded <= UInt128(Int128.max) else { return nil }
        return negative ? -Int128(rounded) : Int128(rounded)
    }
}
