import HTTPTypes
import NIOConcurrencyHelpers
import NIOCore

/// What middlewares and handlers learn about a request while handling it, shared by reference.
///
/// Hummingbird passes the context down the middleware chain by value, so an outer middleware (the request log,
/// the metrics) would not see what an inner one (authentication) found; this box is the one place they share.
public final class RequestFacts: Sendable {
    private struct State: Sendable {
        var principal: Principal?
        var auditParameters: [String: String] = [:]
        var headers: HTTPFields = [:]
        var body: (bytes: ByteBuffer, contentType: String)?
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

    /// Response headers to set exactly as given, over what the generated code wrote (which percent-encodes header
    /// values as URI components, so that `Location: /v1/ingests/…` would come out as `%2Fv1%2Fingests%2F…`).
    /// ``ResponseOverrideMiddleware`` applies them.
    public var responseHeaders: HTTPFields {
        state.withLockedValue { $0.headers }
    }

    /// Sets a response header verbatim.
    public func respond(header name: HTTPField.Name, _ value: String) {
        state.withLockedValue { $0.headers[name] = value }
    }

    /// A response body to send byte for byte instead of what the generated code encoded: a final invoice's JSON as
    /// it was issued (its SHA-256 is recorded), which re-encoding would not reproduce exactly.
    public var responseBody: (bytes: ByteBuffer, contentType: String)? {
        state.withLockedValue { $0.body }
    }

    /// Sets the response body verbatim (for a successful answer).
    public func respond(body bytes: ByteBuffer, contentType: String) {
        state.withLockedValue { $0.body = (bytes, contentType) }
    }
}
