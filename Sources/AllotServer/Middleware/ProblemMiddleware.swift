import Hummingbird
import Logging

/// Answers every error as `application/problem+json`: the errors that are the client's doing with their own
/// status and detail (``APIProblem/init(mapping:)``), anything else as a bare 500 whose correlation id is the one
/// logged with the cause.
///
/// Hummingbird answers a known path with an unknown method as 404; this answers it 405 with `Allow`.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// The served routes, for the `Allow` of a 405.
    let routes: GeneratedRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && context.route(request) == nil {
            let allowed = routes.methods(path: request.uri.path)
            let problem =
                allowed.isEmpty
                ? APIProblem.notFound("no endpoint \(request.method.rawValue) \(request.uri.path); see schemas/openapi.yaml")
                : APIProblem.methodNotAllowed(request.method, allowed: allowed)
            return problem.response(requestID: context.requestID)
        } catch {
            if let problem = APIProblem(mapping: error) {
                if problem.status.code >= 500 {
                    context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
                }
                return problem.response(requestID: context.requestID)
            }
            context.logger.error(
                "request failed with an unexpected error",
                metadata: ["error": "\(String(reflecting: error))", "correlation_id": "\(context.requestID)"])
            return APIProblem.internalError.response(requestID: context.requestID)
        }
    }
}
