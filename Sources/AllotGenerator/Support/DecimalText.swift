import AllotCore

/// Writes numbers as CUR text straight into a byte buffer, without creating `String`s: the row
/// encoder's hot path.
///
/// Amounts are written exactly (all 20 fractional digits when needed, trailing zeros dropped), so
/// that reading a generated file back gives the very values the generator summed: `0.096`, `-12.5`,
/// `0.00000000000000000001`, `3`.
enum DecimalText {
    private static let tenToTheTen: UInt128 = 10_000_000_000
    private static let unitsPerOne = UInt128(Amount.one)

    /// Appends the exact decimal text of `amount`.
    static func append(_ amount: Amount, to bytes: inout [UInt8]) {
        let units = amount.units
        if units < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = units.magnitude
        let integer = magnitude / unitsPerOne
        let fraction = magnitude - integer * unitsPerOne
        if integer <= UInt128(UInt64.max) {
            append(UInt64(integer), to: &bytes)
        } else {
            appendWide(integer, to: &bytes)
        }
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        let high = UInt64(fraction / tenToTheTen)
        let low = UInt64(fraction % tenToTheTen)
        if low == 0 {
            appendFraction(high, trimming: true, to: &bytes)
        } else {
            appendFraction(high, trimming: false, to: &bytes)
            appendFraction(low, trimming: true, to: &bytes)
        }
    }

    /// Appends a non-negative integer in decimal.
    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(value))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[23 - count] = UInt8(ascii: "0") &+ UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(24 - count)...])
        }
    }

    /// Appends an integer in decimal.
    static func append(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        append(UInt64(value.magnitude), to: &bytes)
    }

    /// Ten fractional digits of `value` (< 10¹⁰), zero-padded on the left; trailing zeros dropped when `trimming`.
    private static func appendFraction(_ value: UInt64, trimming: Bool, to bytes: inout [UInt8]) {
        var digits: (UInt64, UInt64) = (0, 0)
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            for position in stride(from: 9, through: 0, by: -1) {
                buffer[position] = UInt8(ascii: "0") &+ UInt8(rest % 10)
                rest /= 10
            }
            var end = 10
            if trimming {
                while end > 0 && buffer[end - 1] == UInt8(ascii: "0") { end -= 1 }
            }
            bytes.append(contentsOf: buffer[0..<end])
        }
    }

    private static func appendWide(_ value: UInt128, to bytes: inout [UInt8]) {
        var text: [UInt8] = []
        var rest = value
        while rest > 0 {
            text.append(UInt8(ascii: "0") &+ UInt8(rest % 10))
            rest /= 10
        }
        bytes.append(contentsOf: text.reversed())
    }
}
