import AllotCore

/// The files of one CUR delivery, resolved from what the user named: a file, several files, a
/// directory, or a manifest (`reference/aws-billing-rules.md` §2).
///
/// Nothing is read beyond the manifest; ``CURReader`` opens the files. Paths are kept as resolved
/// (relative paths stay relative) and are what error messages show.
public struct CURDelivery: Sendable, Hashable {
    /// One data file.
    public struct File: Sendable, Hashable {
        /// The path, as resolved.
        public let path: String
        /// Its size in bytes on disk (compressed size for gzip).
        public let size: Int64
    }

    /// How the delivery was named.
    public struct Source: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case files, directory, legacyManifest = "legacy manifest", dataExportsManifest = "CUR 2.0 manifest"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// One or more data files named directly.
        public static let files = Source(.files)
        /// Every `*.csv` / `*.csv.gz` file of a directory.
        public static let directory = Source(.directory)
        /// A legacy CUR `<report>-Manifest.json` (`assemblyId`, `reportKeys`).
        public static let legacyManifest = Source(.legacyManifest)
        /// A CUR 2.0 (Data Exports) manifest (`executionId`, `dataFiles`).
        public static let dataExportsManifest = Source(.dataExportsManifest)

        public var description: String { base.rawValue }
    }

    /// The data files in reading order.
    public let files: [File]
    /// How the delivery was named.
    public let source: Source
    /// The manifest the files came from, if any.
    public let manifestPath: String?
    /// The legacy `assemblyId` (one per report version).
    public let assemblyId: String?
    /// The CUR 2.0 `executionId`.
    public let executionId: String?
    /// The billing period the manifest declares (or a CUR 2.0 `BILLING_PERIOD=` path names).
    /// Rows may still fall outside it: the ingest decides what to do with those.
    public let billingPeriod: BillingPeriod?
    /// The legacy manifest's `reportName`.
    public let reportName: String?
    /// The legacy manifest's `account` (the payer that owns the report).
    public let account: String?

    /// The sum of the file sizes: the total for byte progress.
    public var totalBytes: Int64 {
        files.reduce(0) { $0 + $1.size }
    }

    /// The id that identifies this version of the report: the assembly or execution id.
    public var deliveryId: String? {
        assemblyId ?? executionId
    }

    init(
        files: [File], source: Source, manifestPath: String? = nil, assemblyId: String? = nil,
        executionId: String? = nil, billingPeriod: BillingPeriod? = nil, reportName: String? = nil,
        account: String? = nil
    ) {
        self.files = files
        self.source = source
        self.manifestPath = manifestPath
        self.assemblyId = assemblyId
        self.executionId = executionId
        self.billingPeriod = billingPeriod
        self.reportName = reportName
        self.account = account
    }
}
