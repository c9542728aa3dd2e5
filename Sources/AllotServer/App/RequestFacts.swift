import NIOConcurrencyHelpers

/// What middlewares and handlers learn about a request while handling it, shared by reference.
///
/// Hummingbird passes the context down the middleware chain by value, so an outer middleware (the request log,
/// the metrics) would not see what an inner one (authentication) found; this box is the one place they share.
public final class RequestFacts: Sendable {
    private struct State: Sendable {
        var principal: Principal?
        var auditParameters: [String: String] = [:]
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    /// The authenticated caller.
    public var principal: Principal? {
        get { state.withLockedValue { $0.principal } }
        set { state.withLockedValue { $0.principal = newValue } }
    }

    /// Parameters the audit log records besides the route's own (a delivery id, a rule-set version …).
    public var auditParameters: [String: String] {
        state.withLockedValue { $0.auditParameters }
    }

    /// Adds a parameter for the audit log.
    public func audit(_ key: String, _ value: String) {
        state.withLockedValue { $0.auditParameters[key] = value }
    }
}
