import AllotCore

/// What `allot ingest` (and `POST /v1/deliveries`) asks for: one delivery.
public struct IngestRequest: Sendable {
    /// Files, a directory, or a manifest (legacy `…-Manifest.json` or CUR 2.0).
    public var paths: [String]
    /// The organization; default: the one whose payer account the rows name.
    public var organization: String?
    /// Register an unknown payer as a new organization instead of failing.
    public var createOrganization: Bool
    /// Wait for a running ingest of the same organization and period instead of failing.
    public var wait: Bool

    public init(paths: [String], organization: String? = nil, createOrganization: Bool = false, wait: Bool = true) {
        self.paths = paths
        self.organization = organization
        self.createOrganization = createOrganization
        self.wait = wait
    }
}

/// Progress of a running ingest, reported a few times a second.
public struct IngestProgress: Sendable {
    public var bytesRead: Int64
    public var totalBytes: Int64
    public var rows: Int
    public var elapsed: Duration
}

/// The result of an ingest.
public struct IngestOutcome: Sendable, Codable {
    /// `ingested`, or `unchanged` when the files are identical to the current delivery.
    public var status: String
    public var delivery: DeliveryRecord
    public var reconciliation: DeliveryReconciliation?
    /// Seconds spent reading, parsing and loading; nil when nothing was loaded.
    public var seconds: Double?

    public var isUnchanged: Bool { status == "unchanged" }
}
