/// Why a delivery was not ingested. Nothing of it was written (except its `failed` record).
public struct IngestError: Error, Sendable, CustomStringConvertible {
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

        public var description: String { base.rawValue }
    }

    public let code: Code
    public let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
