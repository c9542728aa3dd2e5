import Hummingbird
import Logging
import NIOCore

/// The request context of the Allot server: Hummingbird's core context, the peer's address, and the facts the
/// middlewares and handlers learn about the request (who asks, what to audit).
///
/// Handlers generated from the OpenAPI document see only OpenAPI types; they reach the context through
/// ``current``, which ``OpenAPIContextMiddleware`` binds for the duration of the request.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address; nil when there is no socket (router tests).
    public let clientAddress: String?
    /// Shared by every middleware of the request, including the outer ones that log and count it.
    public let facts: RequestFacts
    /// The body of a JSON or YAML request as it was received (``DocumentBodyMiddleware``).
    public var documentBody: ByteBuffer?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress
        self.facts = RequestFacts()
        self.documentBody = nil
    }

    /// The request id: Hummingbird's, also in every log line of the request and the `X-Request-Id` header.
    public var requestID: String {
        logger[metadataKey: "hb.request.id"]?.description ?? "unknown"
    }

    /// The route the router matched for the request (its endpoint path is known before any router middleware
    /// runs); nil when it matched none.
    public func route(_ request: Request) -> RouteKey? {
        // Hummingbird's not-found responder records `NotFound` as the endpoint path once it runs.
        guard let template = endpointPath, template != "NotFound" else { return nil }
        return RouteKey(request.method, template)
    }

    /// The context of the request being handled, bound by ``OpenAPIContextMiddleware``.
    @TaskLocal public static var current: AppRequestContext?
}
