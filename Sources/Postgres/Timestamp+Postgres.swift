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

extension CopyRowEncoder {
    /// Appends a timestamp as a `timestamptz` field without building a `String` (nil is NULL).
    public mutating func append(_ timestamp: Timestamp?) {
        guard let timestamp else {
            append(nil as String?)
            return
        }
        appendField { timestamp.appendISO8601(to: &$0) }
    }

    /// Appends a field whose text needs no COPY escaping (digits, dates), as is.
    public mutating func appendUnescaped(_ text: String) {
        appendField { $0.append(contentsOf: text.utf8) }
    }
}
