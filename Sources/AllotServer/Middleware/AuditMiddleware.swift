import AllotStore
import Hummingbird
import Logging

/// Writes every state-changing request (any method but GET, HEAD and OPTIONS) of an authenticated caller to the
/// audit log once it is answered, whatever its path and whether it succeeded, was refused (403) or matched no
/// route (404, 405): who (the token), what (the matched route, else the path as sent; the query parameters, plus
/// what the handler added), when, from where, and the status. Requests without a valid token are refused before
/// they can change anything, and are not recorded (they would let anyone fill the log).
///
/// A failure to write the log is logged, not answered: the change it describes has already happened.
struct AuditMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let auditLog: AuditLog

    /// At most this many query parameters are recorded, each name and value cut to these lengths.
    private static let maximumParameters = 20
    private static let maximumNameLength = 64
    private static let maximumValueLength = 200

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard RoutePolicy.isStateChanging(request.method) else { return try await next(request, context) }
        let action = context.route(request)?.description ?? "\(request.method.rawValue) \(request.uri.path.prefix(200))"
        let status: Int
        let result: Result<Response, any Error>
        do {
            let response = try await next(request, context)
            status = response.status.code
            result = .success(response)
        } catch {
            status = APIProblem(mapping: error)?.status.code ?? 500
            result = .failure(error)
        }
        guard let principal = context.facts.principal else { return try result.get() }
        var parameters: [String: String] = [:]
        for (name, value) in request.uri.queryParameters.prefix(Self.maximumParameters) {
            parameters[String(name.prefix(Self.maximumNameLength))] = String(value.prefix(Self.maximumValueLength))
        }
        if let contentType = request.headers[.contentType] { parameters["content_type"] = String(contentType.prefix(100)) }
        parameters.merge(context.facts.auditParameters) { _, new in new }
        let event = AuditEvent(
            actor: principal.actor, tokenId: principal.tokenId, action: action, parameters: parameters,
            clientAddress: context.clientAddress, outcome: .httpStatus(status), status: status, requestId: context.requestID)
        do {
            // In a task of its own, so that a client hanging up (which cancels the request's task) cannot keep a
            // change that happened out of the log.
            try await Task { try await auditLog.record(event) }.value
        } catch {
            context.logger.error("could not write the audit log", metadata: ["action": "\(action)", "error": "\(error)"])
        }
        return try result.get()
    }
}
