import Postgres

/// Why a delivery was not ingested. Nothing of it was written (except its `failed` record).
///
/// The ``description`` is safe to show a user and to store in `cur_deliveries.error`: database errors are
/// mapped (``init(database:)``) to a message without SQL; the ``debugDescription`` keeps the original.
public struct IngestError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case unknownOrganization = "unknown_organization"
            case payerMismatch = "payer_mismatch"
            case mixedPayers = "mixed_payers"
            case outsideBillingPeriod = "outside_billing_period"
            case busy = "busy"
            case unreadable = "unreadable"
            case invalid = "invalid"
            case noRows = "no_rows"
            case duplicateFiles = "duplicate_files"
            case refusedByDatabase = "refused_by_database"
            case databaseFailure = "database_failure"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The payer (or `--org`) names no registered organization.
        public static let unknownOrganization = Code(.unknownOrganization)
        /// Rows of a payer that is not the organization's.
        public static let payerMismatch = Code(.payerMismatch)
        /// One delivery with rows of several payers.
        public static let mixedPayers = Code(.mixedPayers)
        /// Rows whose billing period is not the delivery's.
        public static let outsideBillingPeriod = Code(.outsideBillingPeriod)
        /// Another ingest of the same organization and period is running (`--no-wait`).
        public static let busy = Code(.busy)
        /// The files could not be read (see the message: file, line, column).
        public static let unreadable = Code(.unreadable)
        /// Invalid request (bad organization id, …).
        public static let invalid = Code(.invalid)
        /// The delivery holds no rows.
        public static let noRows = Code(.noRows)
        /// The delivery names one file twice: the same path, a link to it, or a copy (the same content).
        public static let duplicateFiles = Code(.duplicateFiles)
        /// PostgreSQL refused a value of the delivery (a constraint the reader does not check).
        public static let refusedByDatabase = Code(.refusedByDatabase)
        /// The database failed during the ingest (a lost connection, a cancelled statement); nothing was kept.
        public static let databaseFailure = Code(.databaseFailure)

        public var description: String { base.rawValue }
    }

    public let code: Code
    public let message: String
    /// The error behind this one (a ``PostgresError``), for ``debugDescription`` and logs only.
    public let underlying: (any Error & Sendable)?

    init(_ code: Code, _ message: String, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    /// A database error met while ingesting, told without its statement: a refused value (SQLSTATE classes 22
    /// and 23, e.g. a CHECK constraint) names the constraint and table; anything else (a lost connection) says
    /// that the database failed. In both cases the ingest's transaction rolled back.
    init(database error: PostgresError) {
        let state = error.sqlState ?? ""
        if error.code == .server && (state.hasPrefix("22") || state.hasPrefix("23")) {
            let what =
                error.constraintName.map { "constraint \($0)" + (error.tableName.map { " of table \($0)" } ?? "") }
                ?? error.message
            self.init(
                .refusedByDatabase, "the database refused the delivery (\(what)); nothing of it was stored", underlying: error)
        } else {
            self.init(
                .databaseFailure,
                "the database failed during the ingest (\(error.code)); nothing of the delivery was kept, try again",
                underlying: error)
        }
    }

    /// `error` as a user may see it: a ``PostgresError`` mapped by ``init(database:)``, anything else as it is.
    static func presentable(_ error: any Error) -> any Error {
        if let error = error as? PostgresError { return IngestError(database: error) }
        return error
    }

    public var description: String { message }

    public var debugDescription: String {
        guard let underlying else { return "IngestError(\(code)): \(message)" }
        return "IngestError(\(code)): \(message) — underlying: \(String(reflecting: underlying))"
    }
}
