extension Timestamp: CustomStringConvertible {
    /// ISO-8601 in UTC: `2023-06-01T00:00:00Z`; fractional seconds only when non-zero
    /// (`2023-06-01T00:00:00.25Z`).
    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(27)
        appendISO8601(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the ``description`` text as UTF-8 without allocating a `String`.
    public func appendISO8601(to bytes: inout [UInt8]) {
        let parts = components
        var year = parts.year
        if year < 0 {
            bytes.append(UInt8(ascii: "-"))
            year = -year
        }
        Timestamp.appendDigits(year, count: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Timestamp.appendDigits(parts.month, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Timestamp.appendDigits(parts.day, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        Timestamp.appendDigits(parts.hour, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Timestamp.appendDigits(parts.minute, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Timestamp.appendDigits(parts.second, count: 2, to: &bytes)
        if parts.microsecond != 0 {
            bytes.append(UInt8(ascii: "."))
            var fraction = parts.microsecond
            var digits = 6
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            Timestamp.appendDigits(fraction, count: digits, to: &bytes)
        }
        bytes.append(UInt8(ascii: "Z"))
    }

    /// Appends `value` as exactly `count` decimal digits, zero-padded (more if it needs them).
    static func appendDigits(_ value: Int, count: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        var width = 1
        while width < count || divisor * 10 <= value {
            divisor *= 10
            width += 1
        }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}

extension Timestamp: LosslessStringConvertible {
    /// Parses any spelling ``init(utf8:)`` accepts; nil when the text is not a timestamp.
    public init?(_ description: String) {
        guard let value = try? Timestamp(parsing: description) else { return nil }
        self = value
    }
}
