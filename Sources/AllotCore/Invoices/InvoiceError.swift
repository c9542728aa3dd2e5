/// Why an invoice operation failed. `description` is safe to show a user (no SQL, no stack); the code says what
/// kind of failure it is, so that the HTTP API can map it to a status.
public struct InvoiceError: RemediableError, Sendable {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case noRun = "no_run"
            case staleRun = "stale_run"
            case unknownBusinessUnit = "unknown_business_unit"
            case notClosed = "not_closed"
            case notFound = "not_found"
            case corrupt = "corrupt"
            case rounding = "rounding"
            case invalidRequest = "invalid_request"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The period has no successful allocation run (`allot allocate` first). HTTP 409 or 404.
        public static let noRun = Code(.noRun)
        /// The period's deliveries changed after its current run (re-allocate first). HTTP 409.
        public static let staleRun = Code(.staleRun)
        /// No BU of that id has an invoice for the period. HTTP 404.
        public static let unknownBusinessUnit = Code(.unknownBusinessUnit)
        /// The operation needs a closed period (adjustments). HTTP 409.
        public static let notClosed = Code(.notClosed)
        /// No such invoice. HTTP 404.
        public static let notFound = Code(.notFound)
        /// A stored invoice could not be read back. HTTP 500.
        public static let corrupt = Code(.corrupt)
        /// Amounts out of range while rounding (never expected with real data). HTTP 500.
        public static let rounding = Code(.rounding)
        /// A request that cannot be served as asked (e.g. an unknown export format). HTTP 400.
        public static let invalidRequest = Code(.invalidRequest)

        public var description: String { base.rawValue }
    }

    public let code: Code
    /// What went wrong; safe to show a user.
    public let message: String
    /// What to do about it, when something can be done.
    public let remedy: Remedy?

    public init(_ code: Code, _ message: String, remedy: Remedy? = nil) {
        self.code = code
        self.message = message
        self.remedy = remedy
    }

    public init(_ code: Code, _ advice: Advice) {
        self.init(code, advice.message, remedy: advice.remedy)
    }

    public var advice: Advice { Advice(message, remedy: remedy) }

    public var description: String { message }
}
