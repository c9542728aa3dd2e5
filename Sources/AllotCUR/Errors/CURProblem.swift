/// One bad row found while reading: a wrong field count or a value that does not parse.
public struct CURProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file, as resolved by ``CURDelivery``.
    public let file: String
    /// The physical line where the record starts (the header is line 1).
    public let line: Int
    /// The column as the file spells it, when the problem is a value.
    public let column: String?
    /// What is wrong, e.g. `"12,5" is not a number`.
    public let message: String
    /// The parser's reason (for logs), e.g. `unexpected character ','`.
    public let detail: String?

    /// `file:line: column 'lineItem/UnblendedCost': "12,5" is not a number`.
    public var description: String {
        if let column { return "\(file):\(line): column '\(column)': \(message)" }
        return "\(file):\(line): \(message)"
    }
}
