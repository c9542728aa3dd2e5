import AllotCore

/// `BillingPeriod` as a PostgreSQL `date`: the first day of its month (`2026-06` is `2026-06-01`), the form every
/// `billing_period` column holds. Reading a date that is not the first of a month fails.
extension BillingPeriod: PostgresEncodable, PostgresDecodable {
    public static var postgresDataType: PostgresDataType { .date }

    public func postgresText() -> String? { dateText }

    /// `2026-06-01`: the date literal, for the statements that cannot take parameters (partition bounds).
    public var dateText: String { "\(self)-01" }

    public init(postgresText text: String) throws {
        let date = try LocalDate(parsing: text)
        guard date.day == 1, let period = BillingPeriod(year: date.year, month: date.month) else {
            throw PostgresDecodingFailure("not the first day of a billing period")
        }
        self = period
    }
}
