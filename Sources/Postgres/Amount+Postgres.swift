import AllotCore

/// `Amount` as `numeric`, exactly: encoded as its canonical plain text (`-12.5`), decoded with `Amount(parsing:)`.
///
/// Decoding fails for `NaN`, `Infinity` and magnitudes of 10^18 or more; digits beyond the 20th fractional place
/// are rounded half-even by `Amount(parsing:)` (declare money columns with at most 20 fractional digits).
extension Amount: PostgresEncodable, PostgresDecodable {
    public static var postgresDataType: PostgresDataType { .numeric }

    public func postgresText() -> String? { description }

    public init(postgresText text: String) throws {
        try self.init(parsing: text)
    }
}

extension CopyRowEncoder {
    /// Appends an amount as a `numeric` field without building a `String` (nil is NULL).
    public mutating func append(_ amount: Amount?) {
        guard let amount else {
            append(nil as String?)
            return
        }
        appendField { amount.appendText(to: &$0) }
    }
}
