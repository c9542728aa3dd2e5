/// The engine's arithmetic: `Amount` operations that report overflow as a ``CommitmentError``, with exact
/// fast paths for the common operands.
///
/// Amounts are counts of 10⁻²⁰, so a general product needs a 256-bit intermediate and a 256-by-128-bit
/// division. Usage quantities and prices rarely have more than 10 decimals; when an operand's units are
/// a multiple of 10¹⁰, the product fits 128 bits and the division is by 10¹⁰ (or disappears). The result is
/// the same value, rounded once half-even, as `Amount.multiplied(by:)` and `scaled(by:over:)` give.
extension Amount {
    /// 10¹⁰: the factor that splits the 20 fractional digits in two.
    private static let halfScale: Int128 = 10_000_000_000

    /// `self × other`, rounded half-even to 20 places.
    @inline(__always)
    func times(_ other: Amount, _ context: @autoclosure () -> String) throws(CommitmentError) -> Amount {
        if units == Amount.one { return other }
        if other.units == Amount.one { return self }
        if let fast = Self.fastProduct(units, other.units) { return Amount(units: fast) }
        do {
            return try multiplied(by: other)
        } catch {
            throw CommitmentError.overflow(context(), error)
        }
    }

    /// `self ÷ other`, rounded half-even to 20 places; `other` is never zero here (validated input).
    @inline(__always)
    func over(_ other: Amount, _ context: @autoclosure () -> String) throws(CommitmentError) -> Amount {
        if other.units == Amount.one { return self }
        if other.units % Amount.one == 0, let fast = Self.roundedQuotient(units, other.units / Amount.one) {
            return Amount(units: fast)
        }
        do {
            return try divided(by: other)
        } catch {
            throw CommitmentError.overflow(context(), error)
        }
    }

    /// `self × numerator ÷ denominator` with one half-even rounding.
    @inline(__always)
    func share(_ numerator: Amount, of denominator: Amount, _ context: @autoclosure () -> String)
        throws(CommitmentError) -> Amount
    {
        if numerator == denominator { return self }
        // An exact product over a whole-number denominator: one integer division.
        if denominator.units % Amount.one == 0, let product = Self.exactProduct(units, numerator.units),
            let fast = Self.roundedQuotient(product, denominator.units / Amount.one)
        {
            return Amount(units: fast)
        }
        do {
            return try scaled(by: numerator, over: denominator)
        } catch {
            throw CommitmentError.overflow(context(), error)
        }
    }

    /// The smallest positive amount, 10⁻²⁰.
    static let ulp = Amount(units: 1)

    /// `x × y ÷ 10²⁰` rounded half-even, when one factor is a multiple of 10¹⁰ and the rest fits 128 bits.
    static func fastProduct(_ x: Int128, _ y: Int128) -> Int128? {
        let reducedX = reduced(x)
        let reducedY = reduced(y)
        if let reducedX, let reducedY {
            let (product, overflow) = reducedX.multipliedReportingOverflow(by: reducedY)
            return overflow ? nil : product
        }
        guard let (factor, other) = reducedX.map({ ($0, y) }) ?? reducedY.map({ ($0, x) }) else { return nil }
        let (product, overflow) = factor.multipliedReportingOverflow(by: other)
        guard !overflow else { return nil }
        return roundedQuotient(product, halfScale)
    }

    /// `x × y ÷ 10²⁰` when both factors are multiples of 10¹⁰: exact, no rounding.
    static func exactProduct(_ x: Int128, _ y: Int128) -> Int128? {
        guard let reducedX = reduced(x), let reducedY = reduced(y) else { return nil }
        let (product, overflow) = reducedX.multipliedReportingOverflow(by: reducedY)
        return overflow ? nil : product
    }

    /// `units ÷ 10¹⁰` when exact. 10¹⁰ = 2¹⁰ · 5¹⁰: the low ten bits are tested first, for free.
    @inline(__always)
    private static func reduced(_ units: Int128) -> Int128? {
        guard units & 1023 == 0 else { return nil }
        let (quotient, remainder) = units.magnitude.quotientAndRemainder(dividingBy: UInt128(halfScale))
        guard remainder == 0 else { return nil }
        return units < 0 ? -Int128(quotient) : Int128(quotient)
    }

    /// `dividend ÷ divisor` rounded half-even (divisor > 0).
    static func roundedQuotient(_ dividend: Int128, _ divisor: Int128) -> Int128? {
        guard divisor > 0 else { return nil }
        let magnitude = dividend.magnitude
        let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: divisor.magnitude)
        let rounded = RoundingRule.halfEven.round(quotient: quotient, remainder: remainder, divisor: divisor.magnitude, negative: dividend < 0)
        guard rounded <= UInt128(Int128.max) else { return nil }
        return dividend < 0 ? -Int128(rounded) : Int128(rounded)
    }
}

extension CommitmentError {
    /// An arithmetic overflow while computing `context`.
    static func overflow(_ context: String, _ error: AmountError) -> CommitmentError {
        CommitmentError(code: .arithmeticOverflow, message: "\(context) does not fit an exact amount", underlying: error)
    }
}
