/// Text that is not a timestamp in any spelling the CUR uses.
public struct TimestampParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The offending text (shortened when long).
    public let text: String
    /// Why it was rejected.
    public let reason: String

    public var description: String { "\"\(text)\" is not a timestamp (\(reason))" }
}

extension Timestamp {
    /// Parses a timestamp from text; see ``init(utf8:)`` for the spellings.
    public init(parsing text: some StringProtocol) throws(TimestampParseError) {
        var copy = String(text)
        let result = copy.withUTF8 { bytes in Result { () throws(TimestampParseError) in try Timestamp(utf8: bytes) } }
        self = try result.get()
    }

    /// Parses the UTF-8 bytes of a timestamp: the fast path used by the CUR reader.
    ///
    /// Accepts every spelling seen in CURs and their manifests:
    /// `2023-06-01T00:00:00Z`, `2023-06-01T00:00:00.000Z`, `2023-06-01T00:00Z`,
    /// `2023-06-01 00:00:00`, `2023-06-01 00:00:00.000`, `2023-06-01T00:00:00+00:00`
    /// (any offset, also `+0000` and `+00`), the date alone `2023-06-01`, and the ISO basic
    /// forms `20180801T000000.000Z` and `20180801` of legacy manifests. Text without a zone is
    /// UTC. At most six fractional digits may be non-zero (microsecond resolution).
    public init(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(TimestampParseError) {
        if let micros = Timestamp.commonSpelling(bytes) {
            self.init(microsecondsSinceEpoch: micros)
            return
        }
        var scanner = TimestampScanner(bytes: bytes)
        switch scanner.scan() {
        case .success(let micros): self.init(microsecondsSinceEpoch: micros)
        case .failure(let reason): throw TimestampParseError(text: Timestamp.preview(bytes), reason: reason.text)
        }
    }

    /// Parses an `identity/TimeInterval` value, `start/end`
    /// (`2023-06-01T00:00:00Z/2023-06-01T01:00:00Z`); each half in any spelling of ``init(utf8:)``.
    public static func parseInterval(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(TimestampParseError)
        -> (start: Timestamp, end: Timestamp)
    {
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else {
            throw TimestampParseError(text: preview(bytes), reason: "an interval needs start/end")
        }
        let first = UnsafeBufferPointer(rebasing: bytes[..<slash])
        let second = UnsafeBufferPointer(rebasing: bytes[(slash + 1)...])
        let start = try Timestamp(utf8: first)
        let end = try Timestamp(utf8: second)
        guard start <= end else {
            throw TimestampParseError(text: preview(bytes), reason: "the interval ends before it starts")
        }
        return (start, end)
    }

    /// Parses an interval from text; see ``parseInterval(utf8:)``.
    public static func parseInterval(_ text: some StringProtocol) throws(TimestampParseError)
        -> (start: Timestamp, end: Timestamp)
    {
        var copy = String(text)
        let result = copy.withUTF8 { bytes in
            Result { () throws(TimestampParseError) in try Timestamp.parseInterval(utf8: bytes) }
        }
        return try result.get()
    }

    /// The spellings that fill whole CUR columns, read at fixed offsets: `2023-06-01T00:00:00Z`,
    /// `2023-06-01 00:00:00`, and either with `.000` before the (optional) `Z`. Nil for anything
    /// else, which the general scanner then reads (or rejects).
    @inline(__always)
    static func commonSpelling(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        let count = bytes.count
        guard count >= 19, count <= 24, let base = bytes.baseAddress else { return nil }
        /// The two digits at `offset` as a number, or 100 when either is not a digit.
        @inline(__always) func pair(_ offset: Int) -> Int {
            let tens = base[offset] &- UInt8(ascii: "0")
            let ones = base[offset + 1] &- UInt8(ascii: "0")
            return tens < 10 && ones < 10 ? Int(tens) * 10 + Int(ones) : 100
        }
        // Separators first: anything else is not a common spelling.
        guard base[4] == UInt8(ascii: "-"), base[7] == UInt8(ascii: "-"),
            base[10] == UInt8(ascii: "T") || base[10] == UInt8(ascii: " "), base[13] == UInt8(ascii: ":"),
            base[16] == UInt8(ascii: ":")
        else { return nil }
        switch count {
        case 19: break
        case 20: guard base[19] == UInt8(ascii: "Z") else { return nil }
        case 23, 24:
            guard base[19] == UInt8(ascii: "."), base[20] == UInt8(ascii: "0"), base[21] == UInt8(ascii: "0"),
                base[22] == UInt8(ascii: "0"), count == 23 || base[23] == UInt8(ascii: "Z")
            else { return nil }
        default: return nil
        }
        let century = pair(0)
        let yearOfCentury = pair(2)
        let month = pair(5)
        let day = pair(8)
        let hour = pair(11)
        let minute = pair(14)
        let second = pair(17)
        guard century < 100, yearOfCentury < 100 else { return nil }
        let year = century * 100 + yearOfCentury
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month), hour < 24,
            minute < 60, second < 60
        else { return nil }
        let seconds =
            daysSinceEpoch(year: year, month: month, day: day) * secondsPerDay
            + Int64(hour * 3600 + minute * 60 + second)
        return seconds * microsecondsPerSecond
    }

    static func preview(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes.prefix(60), as: UTF8.self) + (bytes.count > 60 ? "…" : "")
    }
}

/// Why a timestamp did not parse (a wrapper so that the scanner can return it without throwing).
struct TimestampScanFailure: Error {
    let text: String
}

/// A byte-level recogniser for the timestamp grammar of ``Timestamp/init(utf8:)``.
private struct TimestampScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func scan() -> Result<Int64, TimestampScanFailure> {
        guard let year = digits(4) else { return .failure(.init(text: "expected a four-digit year")) }
        let extended = peek() == UInt8(ascii: "-")
        if extended { index += 1 }
        guard let month = digits(2) else { return .failure(.init(text: "expected a two-digit month")) }
        if extended && !consume(UInt8(ascii: "-")) { return .failure(.init(text: "expected '-' after the month")) }
        guard let day = digits(2) else { return .failure(.init(text: "expected a two-digit day")) }
        var hour = 0
        var minute = 0
        var second = 0
        var micro = 0
        var offsetSeconds = 0
        if index < bytes.count {
            let separator = bytes[index]
            guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ")
            else { return .failure(.init(text: "expected 'T' or a space after the date")) }
            index += 1
            guard let h = digits(2) else { return .failure(.init(text: "expected a two-digit hour")) }
            hour = h
            if extended && !consume(UInt8(ascii: ":")) { return .failure(.init(text: "expected ':' after the hour")) }
            guard let m = digits(2) else { return .failure(.init(text: "expected two-digit minutes")) }
            minute = m
            if extended ? consume(UInt8(ascii: ":")) : isDigit(peek()) {
                guard let s = digits(2) else { return .failure(.init(text: "expected two-digit seconds")) }
                second = s
                if consume(UInt8(ascii: ".")) || consume(UInt8(ascii: ",")) {
                    guard let fraction = fractionMicroseconds() else {
                        return .failure(.init(text: "fractional seconds finer than a microsecond"))
                    }
                    micro = fraction
                }
            }
            switch zoneOffset() {
            case .success(let offset): offsetSeconds = offset
            case .failure(let failure): return .failure(failure)
            }
        }
        guard index == bytes.count else { return .failure(.init(text: "unexpected text after the timestamp")) }
        guard
            let timestamp = Timestamp(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second, microsecond: micro)
        else { return .failure(.init(text: "a field is out of range")) }
        return .success(timestamp.microsecondsSinceEpoch - Int64(offsetSeconds) * Timestamp.microsecondsPerSecond)
    }

    /// `Z`, `+HH:MM`, `+HHMM`, `+HH` (or `-`), or nothing (UTC); returns seconds east of UTC.
    private mutating func zoneOffset() -> Result<Int, TimestampScanFailure> {
        guard index < bytes.count else { return .success(0) }
        let sign = bytes[index]
        if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
            index += 1
            return .success(0)
        }
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else {
            return .failure(.init(text: "expected a zone (Z or ±HH:MM)"))
        }
        index += 1
        guard let hours = digits(2), hours <= 23 else { return .failure(.init(text: "expected a zone hour")) }
        var minutes = 0
        if index < bytes.count {
            _ = consume(UInt8(ascii: ":"))
            guard let m = digits(2), m <= 59 else { return .failure(.init(text: "expected zone minutes")) }
            minutes = m
        }
        let offset = hours * 3600 + minutes * 60
        return .success(sign == UInt8(ascii: "-") ? -offset : offset)
    }

    /// Up to six significant digits; further digits must be zeros. Nil otherwise.
    private mutating func fractionMicroseconds() -> Int? {
        var value = 0
        var count = 0
        while index < bytes.count, isDigit(bytes[index]) {
            let digit = Int(bytes[index] &- UInt8(ascii: "0"))
            if count < 6 {
                value = value * 10 + digit
            } else if digit != 0 {
                return nil
            }
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 6) { value *= 10 }
        return value
    }

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte &- UInt8(ascii: "0") < 10
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            let digit = bytes[index + offset] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        index += count
        return value
    }
}
