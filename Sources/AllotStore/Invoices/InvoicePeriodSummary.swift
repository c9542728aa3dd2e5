import AllotCore

/// A period's invoicing at a glance (`allot invoice list`): open or closed, the runs involved, and its documents.
public struct InvoicePeriodSummary: Sendable, Hashable, Codable {
    public var period: String
    /// `open` (documents are drafts of the current run) or `closed` (documents are final).
    public var status: String
    /// The period's current (latest successful) allocation run, if any.
    public var currentRunId: Int?
    /// For a closed period: the run it was closed with, when, and by whom.
    public var closedRunId: Int?
    public var closedAt: String?
    public var closedBy: String?
    /// For a closed period: the run the latest final document was computed from.
    public var latestIssuedRunId: Int?
    /// Why the current run does not describe the current deliveries, if it does not.
    public var staleRun: Advice?
    /// For a closed period: whether a newer run exists than the documents were issued from (`allot adjustments`
    /// shows whether it changes anything).
    public var newerRun: Bool
    /// The documents: final ones when closed, drafts when open (with the file names an export would use).
    public var documents: [InvoiceIndexEntry]

    enum CodingKeys: String, CodingKey {
        case period, status
        case currentRunId = "current_run_id"
        case closedRunId = "closed_run_id"
        case closedAt = "closed_at"
        case closedBy = "closed_by"
        case latestIssuedRunId = "latest_issued_run_id"
        case staleRun = "stale_run"
        case newerRun = "newer_run"
        case documents
    }
}
