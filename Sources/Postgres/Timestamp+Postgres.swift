import AllotCore

/// `Timestamp` as `timestamptz`: sent as ISO 8601 UTC (`2026-06-01T00:00:00Z`), read from the server's ISO
/// output in UTC (`2026-06-01 00:00:00+00`), which every connection is set to produce.
extension Timestamp: PostgresEncodable, PostgresDecodable {
    public static var postgresDataType: PostgresDataType { .timestamptz }

    public func postgresText() -> String? { description }

    public init(postgresText text: String) throws {
        try self.init(parsing: text)
    }
}

extension CopyBinaryEncoder {
    /// Microseconds from the Unix epoch to PostgreSQL's, 2000-01-01 00:00:00 UTC.
    static let postgresEpochMicroseconds: Int64 = 946_684_800_000_000

    /// Appends a `timestamptz` field: microseconds since 2000-01-01 UTC (nil is NULL).
    public mutating func append(_ timestamp: Timestamp?) {
        guard let timestamp else { return appendNull() }
        appendFixed(timestamp.microsecondsSinceEpoch - Self.postgresEpochMicroseconds)
    }

    /// Appends a `date` field: the UTC day of `timestamp`, as days since 2000-01-01.
    public mutating func appendDate(of timestamp: Timestamp) {
        let microseconds = timestamp.microsecondsSinceEpoch - Self.postgresEpochMicroseconds
        let day = microseconds >= 0 ? microseconds / 86_400_000_000 : (microseconds + 1) / 86_400_000_000 - 1
        appendFixed(Int32(truncatingIfNeeded: day))
    }
}
