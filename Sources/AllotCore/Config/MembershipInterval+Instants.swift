extension MembershipInterval {
    /// The instants of `from` and `to`; nil if either does not parse (validation reports it). An open end
    /// (`to` omitted) is a nil `end`.
    public var instants: (start: Timestamp, end: Timestamp?)? {
        guard let start = Self.instant(from) else { return nil }
        guard let to else { return (start, nil) }
        guard let end = Self.instant(to) else { return nil }
        return (start, end)
    }

    /// Parses a date (`2026-01-01`, midnight UTC) or an RFC 3339 instant (`2026-10-15T00:00:00Z`,
    /// `2026-10-15T02:00:00+02:00`, fractional seconds allowed); nil for anything else, including instants
    /// without a zone, which would be ambiguous.
    public static func instant(_ text: String) -> Timestamp? {
        let bytes = Array(text.utf8)
        guard isDate(bytes[...]) else { return nil }
        if bytes.count > 10 {
            guard isRFC3339Time(bytes[10...]) else { return nil }
        }
        return try? Timestamp(parsing: text)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// `YYYY-MM-DD` at the start of the bytes.
    private static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 10 else { return false }
        let base = bytes.startIndex
        return (0..<10).allSatisfy { offset in
            let byte = bytes[base + offset]
            return offset == 4 || offset == 7 ? byte == UInt8(ascii: "-") : isDigit(byte)
        }
    }

    /// `THH:MM:SS[.fraction](Z|±HH:MM)` (`t` and a space are accepted for `T`, `z` for `Z`).
    private static func isRFC3339Time(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        func take(_ predicate: (UInt8) -> Bool) -> Bool {
            guard index < bytes.endIndex, predicate(bytes[index]) else { return false }
            index += 1
            return true
        }
        func digits(_ count: Int) -> Bool { (0..<count).allSatisfy { _ in take(isDigit) } }
        func byte(_ expected: Character) -> Bool { take { $0 == expected.asciiValue } }
        guard byte("T") || byte("t") || byte(" "), digits(2), byte(":"), digits(2), byte(":"), digits(2) else { return false }
        if byte(".") {
            guard take(isDigit) else { return false }
            while take(isDigit) {}
        }
        if byte("Z") || byte("z") { return index == bytes.endIndex }
        guard byte("+") || byte("-"), digits(2), byte(":"), digits(2) else { return false }
        return index == bytes.endIndex
    }
}
