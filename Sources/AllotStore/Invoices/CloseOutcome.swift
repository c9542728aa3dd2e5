import AllotCore

/// What `allot close` did: issued documents, or nothing (and why).
public struct CloseOutcome: Sendable, Hashable, Codable {
    /// `closed` (invoices issued), `adjusted` (memos issued), `already-closed`, `nothing-to-adjust`.
    public var status: String
    public var period: String
    /// The allocation run the documents come from.
    public var runId: Int
    /// The documents issued by this call (empty for a no-op).
    public var documents: [InvoiceIndexEntry]
    /// What happened, in a sentence, and what to do next when there is something.
    public var message: Advice

    /// Whether this call issued anything.
    public var issuedAnything: Bool { !documents.isEmpty }

    public init(status: String, period: String, runId: Int, documents: [InvoiceIndexEntry], message: Advice) {
        self.status = status
        self.period = period
        self.runId = runId
        self.documents = documents
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case status, period
        case runId = "run_id"
        case documents, message
    }
}
