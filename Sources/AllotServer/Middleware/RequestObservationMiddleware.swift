import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The outermost middleware: once a request is answered, logs it, counts it, and adds `X-Request-Id` and the
/// security headers to every response (``securityHeaders``).
///
/// The log line has the method, path, matched route, status, duration and token name — never the token, never
/// the query (which may carry file names).
struct RequestObservationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let metrics: ServerMetrics

    /// Set on every response: no MIME sniffing, no framing, no referrer, nothing stored by caches (every answer but
    /// the operations group's is a caller's own), and a content security policy that lets a document (an HTML
    /// invoice) use only its own inline stylesheet and images.
    static let securityHeaders: HTTPFields = [
        .xContentTypeOptions: "nosniff",
        .cacheControl: "no-store",
        .referrerPolicy: "no-referrer",
        .xFrameOptions: "DENY",
        .contentSecurityPolicy:
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let route = context.route(request)?.template ?? "unmatched"
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            // ProblemMiddleware answers every error; this is the last resort if it could not.
            response = APIProblem.internalError.response(requestID: context.requestID)
        }
        response.headers[.requestID] = context.requestID
        for field in Self.securityHeaders where response.headers[field.name] == nil {
            response.headers.append(field)
        }
        let duration = ContinuousClock.now - started
        metrics.recordRequest(method: request.method.rawValue, route: route, status: response.status.code, duration: duration)
        var metadata: Logger.Metadata = [
            "http.method": "\(request.method.rawValue)",
            "http.path": "\(request.uri.path)",
            "http.route": "\(route)",
            "http.status": "\(response.status.code)",
            "http.duration_ms": "\(Self.milliseconds(duration))",
        ]
        if let principal = context.facts.principal { metadata["token.name"] = "\(principal.name)" }
        if let address = context.clientAddress { metadata["client.address"] = "\(address)" }
        context.logger.info("request", metadata: metadata)
        return response
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return String(format: "%.1f", milliseconds)
    }
}

extension HTTPField.Name {
    // Valid field names, so the initializers cannot fail.
    /// `X-Request-Id`: the correlation id of every response.
    static let requestID = HTTPField.Name("X-Request-Id")!
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let contentSecurityPolicy = HTTPField.Name("Content-Security-Policy")!
}
