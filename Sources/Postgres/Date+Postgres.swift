import Foundation

/// `Date` as `timestamptz`: ISO 8601 text in UTC with microseconds (PostgreSQL's resolution), e.g.
/// `2026-11-29 13:57:03.123456+00`. Encoding rounds to the nearest microsecond.
///
/// Decoding accepts the server's `timestamptz` output with any UTC offset (`+00`, `+05:30`, `-03:30:15`), and
/// `timestamp without time zone` values, which are taken to be UTC. `infinity` and BC dates fail to decode.
extension Date: PostgresEncodable, PostgresDecodable {
    public static var postgresDataType: PostgresDataType { .timestamptz }

    private static let secondsFrom1970To2001: Int64 = 978_307_200

    public func postgresText() throws -> String? {
        // Split at whole seconds first: subtracting the integral part of a Double is exact, so the microsecond
        // rounding works on the fraction alone.
        let sinceReference = timeIntervalSinceReferenceDate
        guard sinceReference.isFinite, abs(sinceReference) < 3e11 else {
            throw PostgresError(code: .encoding, message: "date is out of range for timestamptz")
        }
        var seconds = Int64(sinceReference.rounded(.down)) + Self.secondsFrom1970To2001
        var micros = Int64(((sinceReference - sinceReference.rounded(.down)) * 1_000_000).rounded())
        if micros == 1_000_000 {
            seconds += 1
            micros = 0
        }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let date = try LocalDate(daysSinceUnixEpoch: Int(days))
        let time =
            LocalDate.padded(secondOfDay / 3600, 2) + ":" + LocalDate.padded(secondOfDay / 60 % 60, 2) + ":"
            + LocalDate.padded(secondOfDay % 60, 2) + "." + LocalDate.padded(Int(micros), 6)
        return "\(date) \(time)+00"
    }

    public init(postgresText text: String) throws {
        let utf8 = Array(text.utf8)
        // YYYY-MM-DD HH:MM:SS[.ffffff][±HH[:MM[:SS]]]
        guard utf8.count >= 19, utf8[10] == UInt8(ascii: " ") || utf8[10] == UInt8(ascii: "T"),
            utf8[13] == UInt8(ascii: ":"), utf8[16] == UInt8(ascii: ":"),
            let hour = Self.number(utf8, 11, 2), let minute = Self.number(utf8, 14, 2),
            let second = Self.number(utf8, 17, 2), hour < 24, minute < 60, second < 60
        else {
            throw PostgresDecodingFailure("not a timestamp in ISO form (YYYY-MM-DD HH:MM:SS[.ffffff]±HH)")
        }
        let date = try LocalDate(parsing: text.prefix(10))
        var index = 19
        var micros = 0
        if index < utf8.count, utf8[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < utf8.count, let digit = Self.digit(utf8[index]) {
                if digits < 6 { micros = micros * 10 + digit }
                digits += 1
                index += 1
            }
            guard digits > 0 else { throw PostgresDecodingFailure("timestamp has an empty fraction") }
            for _ in digits..<max(digits, 6) { micros *= 10 }
        }
        var offsetSeconds = 0
        if index < utf8.count {
            let sign: Int
            switch utf8[index] {
            case UInt8(ascii: "+"): sign = 1
            case UInt8(ascii: "-"): sign = -1
            case UInt8(ascii: "Z") where index == utf8.count - 1: sign = 0
            default: throw PostgresDecodingFailure("timestamp has an unexpected suffix")
            }
            index += 1
            var parts: [Int] = []
            while sign != 0, parts.count < 3, let part = Self.number(utf8, index, 2) {
                parts.append(part)
                index += 2
                if index < utf8.count, utf8[index] == UInt8(ascii: ":") { index += 1 } else { break }
            }
            guard index == utf8.count, sign == 0 || !parts.isEmpty else {
                throw PostgresDecodingFailure("timestamp has a malformed UTC offset")
            }
            offsetSeconds = sign * parts.enumerated().reduce(0) { $0 + $1.element * [3600, 60, 1][$1.offset] }
        }
        let unixSeconds = date.daysSinceUnixEpoch * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        let sinceReference = Int64(unixSeconds) - Self.secondsFrom1970To2001
        self.init(timeIntervalSinceReferenceDate: Double(sinceReference) + Double(micros) / 1_000_000)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    private static func number(_ utf8: [UInt8], _ start: Int, _ width: Int) -> Int? {
        guard start + width <= utf8.count else { return nil }
        var value = 0
        for byte in utf8[start..<start + width] {
            guard let digit = digit(byte) else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}
