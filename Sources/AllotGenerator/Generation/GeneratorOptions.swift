import AllotCore

/// How ``CURGenerator`` writes: where, in which format, with which seed.
public struct GeneratorOptions: Sendable {
    /// The output folder: deliveries go to `<output>/<org>/…`, the summary to `<output>/summary.json`.
    public var output: String
    /// Legacy CUR or CUR 2.0 CSV.
    public var format: DeliveryFormat
    /// The seed; nil takes the scenario's, else 1. The same seed gives byte-identical files.
    public var seed: UInt64?
    /// Whether to write the restated version of the deliveries: with the scenario's late credits, under
    /// new assembly (execution) ids, as AWS re-delivers a closed month.
    public var restated: Bool
    /// Rows per data file before a new numbered file starts.
    public var rowsPerFile: Int
    /// zlib level, 1 (fastest) to 9. Level 1 keeps up with encoding on one core; CUR text compresses ~15:1 anyway.
    public var compressionLevel: Int32
    /// Whether gzip runs on a thread of its own (two cores), rather than inline.
    public var compressInBackground: Bool

    public init(
        output: String, format: DeliveryFormat = .legacyCSV, seed: UInt64? = nil, restated: Bool = false,
        rowsPerFile: Int = 1_000_000, compressionLevel: Int32 = 1, compressInBackground: Bool = true
    ) {
        self.output = output
        self.format = format
        self.seed = seed
        self.restated = restated
        self.rowsPerFile = rowsPerFile
        self.compressionLevel = compressionLevel
        self.compressInBackground = compressInBackground
    }
}

/// How far a generation has got, reported once per generated day of each delivery.
public struct GenerationProgress: Sendable {
    public var organization: String
    public var period: AllotCore.BillingPeriod
    public var hoursDone: Int
    public var hours: Int
    /// Rows of this delivery written so far.
    public var rows: Int
}
