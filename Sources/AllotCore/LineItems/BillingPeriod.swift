/// A calendar month of AWS billing, in UTC: `2023-06` runs from 2023-06-01T00:00:00Z (inclusive)
/// to 2023-07-01T00:00:00Z (exclusive).
///
/// Every CUR delivery covers one billing period per payer (`reference/aws-billing-rules.md` §2.1);
/// the `bill/BillingPeriodStartDate` of a row names its period.
public struct BillingPeriod: Sendable, Hashable, Comparable {
    /// The year, e.g. 2023.
    public let year: Int
    /// The month, 1–12.
    public let month: Int

    /// Creates a period; nil when the month is not 1–12 or the year not 1–9998.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1...9998).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// The period an instant falls in.
    public init(containing timestamp: Timestamp) {
        let parts = timestamp.components
        self.year = parts.year
        self.month = parts.month
    }

    /// The first instant of the period.
    public var start: Timestamp {
        Timestamp(
            secondsSinceEpoch: Timestamp.daysSinceEpoch(year: year, month: month, day: 1) * Timestamp.secondsPerDay)
    }

    /// The first instant after the period (the start of the next one).
    public var end: Timestamp { next.start }

    /// The following month.
    public var next: BillingPeriod {
        month == 12
            ? BillingPeriod(uncheckedYear: year + 1, month: 1) : BillingPeriod(uncheckedYear: year, month: month + 1)
    }

    /// The preceding month.
    public var previous: BillingPeriod {
        month == 1
            ? BillingPeriod(uncheckedYear: year - 1, month: 12) : BillingPeriod(uncheckedYear: year, month: month - 1)
    }

    /// Whether the instant lies in `start..<end`.
    public func contains(_ timestamp: Timestamp) -> Bool {
        start <= timestamp && timestamp < end
    }

    private init(uncheckedYear year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    public static func < (lhs: BillingPeriod, rhs: BillingPeriod) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}

/// Text that does not name a billing period.
public struct BillingPeriodParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The offending text.
    public let text: String
    /// Why it was rejected.
    public let reason: String

    public var description: String { "\"\(text)\" is not a billing period (\(reason))" }
}

extension BillingPeriod: CustomStringConvertible, LosslessStringConvertible {
    /// `2023-06`.
    public var description: String {
        var bytes: [UInt8] = []
        Timestamp.appendDigits(year, count: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Timestamp.appendDigits(month, count: 2, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The compact range that names a legacy CUR folder: `20230601-20230701`.
    public var folderName: String {
        func compact(_ period: BillingPeriod) -> String {
            var bytes: [UInt8] = []
            Timestamp.appendDigits(period.year, count: 4, to: &bytes)
            Timestamp.appendDigits(period.month, count: 2, to: &bytes)
            bytes.append(contentsOf: "01".utf8)
            return String(decoding: bytes, as: UTF8.self)
        }
        return compact(self) + "-" + compact(next)
    }

    /// Parses `2023-06` or the legacy folder spelling `20230601-20230701`, whose range must be
    /// exactly one calendar month.
    public init(parsing text: some StringProtocol) throws(BillingPeriodParseError) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        let failure = { (reason: String) in BillingPeriodParseError(text: String(text), reason: reason) }
        if bytes.count == 7, bytes[4] == UInt8(ascii: "-"), let year = number(0..<4), let month = number(5..<7) {
            guard let period = BillingPeriod(year: year, month: month) else { throw failure("month out of range") }
            self = period
            return
        }
        guard bytes.count == 17, bytes[8] == UInt8(ascii: "-"),
            let startYear = number(0..<4), let startMonth = number(4..<6), let startDay = number(6..<8),
            let endYear = number(9..<13), let endMonth = number(13..<15), let endDay = number(15..<17)
        else { throw failure("expected YYYY-MM or YYYYMMDD-YYYYMMDD") }
        guard startDay == 1, endDay == 1, let period = BillingPeriod(year: startYear, month: startMonth),
            period.next == BillingPeriod(year: endYear, month: endMonth)
        else { throw failure("the range is not one calendar month") }
        self = period
    }

    public init?(_ description: String) {
        guard let period = try? BillingPeriod(parsing: description) else { return nil }
        self = period
    }
}
