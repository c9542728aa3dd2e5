/// One state-changing action, as it is written to `audit_log`: who did what, from where, and how it ended.
public struct AuditEvent: Sendable, Hashable {
    /// How an action ended.
    public struct Outcome: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case success, failure
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        public static let success = Outcome(.success)
        public static let failure = Outcome(.failure)

        /// The outcome of an HTTP status: success below 400.
        public static func httpStatus(_ status: Int) -> Outcome {
            status < 400 ? .success : .failure
        }

        public var description: String { base.rawValue }
    }

    /// `token:<name>` for the API, `cli:<user>` for the command line.
    public var actor: String
    /// The token that acted, when it was one.
    public var tokenId: Int?
    /// `POST /v1/deliveries`, `tokens create` …
    public var action: String
    /// The key parameters (organization, period, effective period, token name …). Never a secret.
    public var parameters: [String: String]
    public var clientAddress: String?
    public var outcome: Outcome
    /// The HTTP status answered; nil for the command line.
    public var status: Int?
    public var requestId: String?

    public init(
        actor: String, tokenId: Int? = nil, action: String, parameters: [String: String] = [:], clientAddress: String? = nil,
        outcome: Outcome, status: Int? = nil, requestId: String? = nil
    ) {
        self.actor = actor
        self.tokenId = tokenId
        self.action = action
        self.parameters = parameters
        self.clientAddress = clientAddress
        self.outcome = outcome
        self.status = status
        self.requestId = requestId
    }
}
