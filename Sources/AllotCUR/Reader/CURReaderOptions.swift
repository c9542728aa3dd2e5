/// How a ``CURReader`` reads.
public struct CURReaderOptions: Sendable, Hashable {
    /// The payer account for rows without `bill/PayerAccountId` (a file without the column, or an
    /// empty value); nil leaves ``AllotCore/LineItem/payerAccountId`` nil for such rows.
    public var payerAccountId: String?
    /// How many row problems an ``CURReadError/Code/invalidRows`` error lists; the rest are counted.
    public var problemLimit: Int
    /// The size of the read buffer in bytes; records longer than it make it grow.
    public var bufferSize: Int

    public init(payerAccountId: String? = nil, problemLimit: Int = 10, bufferSize: Int = 4 * 1024 * 1024) {
        self.payerAccountId = payerAccountId
        self.problemLimit = problemLimit
        self.bufferSize = bufferSize
    }
}
