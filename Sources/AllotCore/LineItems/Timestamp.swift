/// An instant in UTC with microsecond resolution: the timestamps of CUR rows and billing periods.
///
/// Stored as a signed count of microseconds since 1970-01-01T00:00:00Z, which is what PostgreSQL's
/// `timestamptz` holds (shifted to its 2000 epoch), so values round-trip through the database
/// without loss. CUR timestamps are whole seconds; the finer resolution only keeps stray
/// fractional digits exact instead of silently dropping them. Time zones are resolved when
/// parsing; a `Timestamp` has none.
public struct Timestamp: Sendable, Hashable, Comparable {
    /// Microseconds since the Unix epoch (negative before 1970).
    public let microsecondsSinceEpoch: Int64

    static let microsecondsPerSecond: Int64 = 1_000_000
    static let secondsPerDay: Int64 = 86_400

    /// Creates a timestamp from microseconds since the Unix epoch.
    public init(microsecondsSinceEpoch: Int64) {
        self.microsecondsSinceEpoch = microsecondsSinceEpoch
    }

    /// Creates a timestamp from whole seconds since the Unix epoch.
    public init(secondsSinceEpoch: Int64) {
        self.microsecondsSinceEpoch = secondsSinceEpoch * Timestamp.microsecondsPerSecond
    }

    /// Creates a UTC timestamp from calendar fields; nil when a field is out of range
    /// (month 1–12, a day that exists in that month, hour 0–23, minute and second 0–59).
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, microsecond: Int = 0)
    {
        guard (1...12).contains(month), day >= 1, day <= Timestamp.daysInMonth(year: year, month: month),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
            (0..<1_000_000).contains(microsecond), (-9999...9999).contains(year)
        else { return nil }
        let days = Timestamp.daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * Timestamp.secondsPerDay + Int64(hour * 3600 + minute * 60 + second)
        self.microsecondsSinceEpoch = seconds * Timestamp.microsecondsPerSecond + Int64(microsecond)
    }

    /// The Unix epoch, 1970-01-01T00:00:00Z.
    public static let epoch = Timestamp(microsecondsSinceEpoch: 0)

    /// Whole seconds since the Unix epoch, rounded down.
    public var secondsSinceEpoch: Int64 {
        microsecondsSinceEpoch.floorDivided(by: Timestamp.microsecondsPerSecond)
    }

    /// The calendar fields of this instant in UTC.
    public var components: Components {
        let seconds = secondsSinceEpoch
        let days = seconds.floorDivided(by: Timestamp.secondsPerDay)
        let secondOfDay = Int(seconds - days * Timestamp.secondsPerDay)
        let (year, month, day) = Timestamp.civilDate(daysSinceEpoch: days)
        return Components(
            year: year, month: month, day: day,
            hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60,
            microsecond: Int(microsecondsSinceEpoch - seconds * Timestamp.microsecondsPerSecond))
    }

    /// This instant moved by a number of seconds.
    public func adding(seconds: Int64) -> Timestamp {
        Timestamp(microsecondsSinceEpoch: microsecondsSinceEpoch + seconds * Timestamp.microsecondsPerSecond)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.microsecondsSinceEpoch < rhs.microsecondsSinceEpoch
    }

    /// Calendar fields of a ``Timestamp`` in UTC.
    public struct Components: Sendable, Hashable {
        public var year: Int
        public var month: Int
        public var day: Int
        public var hour: Int
        public var minute: Int
        public var second: Int
        public var microsecond: Int
    }
}

extension Timestamp {
    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day count from 1970-01-01 (`civil_from_days`).
    static func civilDate(daysSinceEpoch days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        let month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}

extension Int64 {
    /// Division rounding toward negative infinity.
    func floorDivided(by divisor: Int64) -> Int64 {
        let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? quotient - 1 : quotient
    }
}
