import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The outermost middleware: finds the request's route, and once it is answered logs it, counts it, and adds
/// `X-Request-Id`.
///
/// The log line has the method, path, status, duration and token name — never the token, never the query
/// (which may carry file names).
struct RequestObservationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        context.facts.route = APIRoutes.route(method: request.method, path: request.uri.path)
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            // ProblemMiddleware answers every error; this is the last resort if it could not.
            response = APIProblem.internalError.response(requestID: context.requestID)
        }
        response.headers[.requestID] = context.requestID
        let duration = ContinuousClock.now - started
        let route = context.facts.route?.template ?? "unmatched"
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
    /// `X-Request-Id`: the correlation id of every response.
    // A valid field name, so the initializer cannot fail.
    static let requestID = HTTPField.Name("X-Request-Id")!
}
