import AllotCore

/// `Amount` as `numeric`, exactly: encoded as its canonical plain text (`-12.5`), decoded with `Amount(parsing:)`.
///
/// Decoding fails for `NaN`, `Infinity` and magnitudes of 10^18 or more; digits beyond the 20th fractional place
/// are rounded half-even by `Amount(parsing:)` (declare money columns with at most 20 fractional digits).
extension Amount: PostgresEncodable, PostgresDecodable {
    public static var postgresDataType: PostgresDataType { .numeric }

    public func postgresText() -> String? { description }

    public init(postgresText text: String) throws {
        try self.init(parsing: text)
    }
}

extension CopyRowEncoder {
    /// Appends an amount as a `numeric` field without building a `String` (nil is NULL).
    public mutating func append(_ amount: Amount?) {
        guard let amount else {
            append(nil as String?)
            return
        }
        appendField { amount.appendText(to: &$0) }
    }
}

extension CopyBinaryEncoder {
    /// Appends an amount as a `numeric` field, exactly (nil is NULL): base-10000 digits, most significant first,
    /// with the scale `Amount.description` writes (`12.5` has scale 1), as the text form would store it.
    public mutating func append(_ amount: Amount?) {
        guard let amount else { return appendNull() }
        // Ten base-10000 groups, least significant first; groups 0–4 hold the 20 fractional digits.
        var groups = InlineArray<10, UInt16>(repeating: 0)
        let magnitude = amount.units.magnitude
        let split: UInt64 = 10_000_000_000_000_000  // 10^16: four groups
        let high = UInt64(truncatingIfNeeded: magnitude >> 64)
        if high < split {
            // One hardware division: magnitude = upper · 10^16 + lower, both fit in 64 bits.
            var (upper, lower) = split.dividingFullWidth((high, UInt64(truncatingIfNeeded: magnitude)))
            for index in 0..<4 {
                groups[index] = UInt16(truncatingIfNeeded: lower % 10_000)
                lower /= 10_000
            }
            for index in 4..<10 {
                groups[index] = UInt16(truncatingIfNeeded: upper % 10_000)
                upper /= 10_000
            }
        } else {
            var rest = magnitude
            for index in 0..<10 {
                groups[index] = UInt16(truncatingIfNeeded: rest % 10_000)
                rest /= 10_000
            }
        }
        var first = 9
        while first >= 0 && groups[first] == 0 { first -= 1 }
        guard first >= 0 else {
            // Zero: no digits, weight 0, positive, scale 0.
            return appendFixed(UInt64(0))
        }
        var last = 0
        while groups[last] == 0 { last += 1 }
        var scale = 0
        if last < 5 {
            var group = groups[last]
            var zeros = 0
            while group % 10 == 0 {
                group /= 10
                zeros += 1
            }
            scale = (5 - last) * 4 - zeros
        }
        let digits = first - last + 1
        startField()
        appendInteger(Int32(8 + 2 * digits))
        appendInteger(Int16(digits))
        appendInteger(Int16(first - 5))  // the weight: the power of 10,000 of the first digit
        appendInteger(UInt16(amount.units < 0 ? 0x4000 : 0))
        appendInteger(Int16(scale))
        for index in stride(from: first, through: last, by: -1) { appendInteger(groups[index]) }
    }
}
