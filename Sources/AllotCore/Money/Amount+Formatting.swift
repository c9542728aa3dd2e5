extension Amount: CustomStringConvertible {
    /// Canonical plain text: no exponent, no trailing fractional zeros (`-12.5`, `0`, `0.00000024`).
    /// PostgreSQL's `numeric` reads it exactly.
    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(48)
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The value with exactly `places` fractional digits after half-even rounding (`12.50`).
    public func formatted(places: Int) -> String {
        let places = min(max(places, 0), Amount.scale)
        let rounded = rounded(toPlaces: places)
        var bytes: [UInt8] = []
        rounded.appendText(to: &bytes, minimumFractionDigits: places)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the canonical text as UTF-8: the allocation-free path used when encoding COPY data.
    public func appendText(to bytes: inout [UInt8], minimumFractionDigits: Int = 0) {
        if units < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = units.magnitude
        let (integer, fraction) = magnitude.quotientAndRemainder(dividingBy: UInt128(Amount.one))
        Amount.appendDecimal(integer, to: &bytes)
        guard fraction != 0 || minimumFractionDigits > 0 else { return }
        // Twenty fractional digits, as two ten-digit halves that fit in UInt64.
        let (high, low) = fraction.quotientAndRemainder(dividingBy: 10_000_000_000)
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: Amount.scale)
        var value = UInt64(low)
        for position in stride(from: 19, through: 10, by: -1) {
            digits[position] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
        value = UInt64(high)
        for position in stride(from: 9, through: 0, by: -1) {
            digits[position] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
        var end = Amount.scale
        while end > minimumFractionDigits && digits[end - 1] == UInt8(ascii: "0") { end -= 1 }
        bytes.append(UInt8(ascii: "."))
        bytes.append(contentsOf: digits[0..<end])
    }

    private static func appendDecimal(_ value: UInt128, to bytes: inout [UInt8]) {
        if value <= UInt128(UInt64.max) {
            appendDecimal(UInt64(value), to: &bytes)
        } else {
            let (high, low) = value.quotientAndRemainder(dividingBy: 10_000_000_000_000_000_000)
            appendDecimal(high, to: &bytes)
            let text = String(UInt64(low))
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 19 - text.utf8.count))
            bytes.append(contentsOf: text.utf8)
        }
    }

    private static func appendDecimal(_ value: UInt64, to bytes: inout [UInt8]) {
        guard value >= 10 else {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: enough for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &buffer) { raw in
            var rest = value
            while rest > 0 {
                raw[23 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            bytes.append(contentsOf: raw[(24 - count)...])
        }
    }
}

extension Amount: Codable {
    /// Amounts travel as JSON strings (`"12.34"`) so no client reads them into a binary float.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Amount(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
