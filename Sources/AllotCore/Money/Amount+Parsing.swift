/// Text that is not an exact decimal number.
public struct AmountParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The offending text (shortened when long).
    public let text: String
    /// Why it was rejected.
    public let reason: String

    public var description: String { "\"\(text)\" is not a number (\(reason))" }
}

extension Amount: LosslessStringConvertible {
    /// Parses a decimal in any spelling the CUR uses: `12`, `-0.5`, `+.25`, `2.4E-7`, `1e+3`.
    ///
    /// Digits beyond the 20th fractional place are rounded half-even; a magnitude of 10¹⁸ or more,
    /// an empty string, grouping separators (`1,000`) and anything else are errors. An empty CUR
    /// field means null and is handled by the caller, not here.
    public init(parsing text: some StringProtocol) throws(AmountParseError) {
        var copy = String(text)
        let result = copy.withUTF8 { bytes in Result { () throws(AmountParseError) in try Amount(utf8: bytes) } }
        self = try result.get()
    }

    public init?(_ description: String) {
        guard let value = try? Amount(parsing: description) else { return nil }
        self = value
    }

    /// Parses UTF-8 bytes; the fast path used by the CUR reader.
    public init(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(AmountParseError) {
        var scanner = DecimalScanner()
        if let reason = scanner.scan(bytes) {
            throw AmountParseError(text: Amount.preview(bytes), reason: reason)
        }
        guard let units = scanner.units() else {
            throw AmountParseError(text: Amount.preview(bytes), reason: "magnitude of 10^18 or more")
        }
        self.init(units: units)
    }

    static func preview(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let shown = bytes.prefix(40)
        return String(decoding: shown, as: UTF8.self) + (bytes.count > 40 ? "…" : "")
    }
}

/// The digits of a decimal literal: `significand × 10^exponent`, plus what was dropped past the
/// 38th significant digit (only its first digit and whether anything after it was non-zero).
private struct DecimalScanner {
    static let maxDigits = 38
    var negative = false
    var significand: UInt128 = 0
    var digits = 0
    var exponent = 0
    var droppedFirst: UInt8? = nil
    var droppedSticky = false

    /// Reads the literal; returns why it is invalid, or nil.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        let count = bytes.count
        guard count > 0 else { return "empty" }
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        var sawDigit = false
        var sawPoint = false
        var small: UInt64 = 0
        while index < count {
            let byte = bytes[index]
            if byte &- UInt8(ascii: "0") < 10 {
                let digit = byte &- UInt8(ascii: "0")
                sawDigit = true
                if digits == 0 && digit == 0 {
                    if sawPoint { exponent -= 1 }
                } else if digits < DecimalScanner.maxDigits {
                    if digits < 19 {
                        small = small &* 10 &+ UInt64(digit)
                        if digits == 18 { significand = UInt128(small) }
                    } else {
                        significand = significand &* 10 &+ UInt128(digit)
                    }
                    digits += 1
                    if sawPoint { exponent -= 1 }
                } else {
                    if !sawPoint { exponent += 1 }
                    if droppedFirst == nil { droppedFirst = digit } else if digit != 0 { droppedSticky = true }
                }
            } else if byte == UInt8(ascii: ".") {
                if sawPoint { return "two decimal points" }
                sawPoint = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                guard sawDigit else { return "no digits before the exponent" }
                return scanExponent(bytes, from: index + 1, finishing: small)
            } else {
                return "unexpected character '\(Character(Unicode.Scalar(byte)))'"
            }
            index += 1
        }
        guard sawDigit else { return "no digits" }
        if digits < 19 { significand = UInt128(small) }
        return nil
    }

    private mutating func scanExponent(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, finishing small: UInt64) -> String? {
        if digits < 19 { significand = UInt128(small) }
        var index = start
        var negativeExponent = false
        if index < bytes.count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
            negativeExponent = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < bytes.count else { return "no digits in the exponent" }
        var value = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return "unexpected character in the exponent" }
            value = min(value * 10 + Int(digit), 100_000)
            index += 1
        }
        exponent += negativeExponent ? -value : value
        return nil
    }

    /// The value in units of 10⁻²⁰, rounded half-even; nil when out of range.
    func units() -> Int128? {
        guard significand != 0 else { return 0 }
        let shift = exponent + Amount.scale
        var magnitude: UInt128
        if shift >= 0 {
            // Fits in 38 digits; anything larger is out of range anyway.
            guard shift <= 38 - digits else { return nil }
            magnitude = significand * UInt128(Amount.powerOfTen(shift))
        } else if -shift > 38 {
            magnitude = 0  // below a tenth of a unit: significand < 10^38 < 10^-shift / 10
        } else {
            let divisor = UInt128(Amount.powerOfTen(-shift))
            let (quotient, remainder) = significand.quotientAndRemainder(dividingBy: divisor)
            // Dropped digits only matter at an exact tie; then any non-zero one breaks it upward.
            let tieBroken = remainder * 2 == divisor && ((droppedFirst ?? 0) != 0 || droppedSticky)
            magnitude = RoundingRule.halfEven.round(
                quotient: quotient, remainder: remainder, divisor: divisor, negative: negative)
            if tieBroken && magnitude == quotient { magnitude += 1 }
        }
        if shift >= 0, let first = droppedFirst {
            // Dropped digits sit right below the last kept unit.
            let half: UInt8 = 5
            if first > half || (first == half && (droppedSticky || magnitude & 1 == 1)) { magnitude += 1 }
        }
        guard magnitude < UInt128(Amount.limit) else { return nil }
        return negative ? -Int128(magnitude) : Int128(magnitude)
    }
}
