import AllotStore
import Hummingbird

/// Writes every request to an audited route (``APIRoute/isAudited``) to the audit log once it is answered: who
/// (the token), what (the route and its key parameters, plus what the handler added), when, from where, and the
/// status — also when it failed.
///
/// A failure to write the log is logged, not answered: the change it describes has already happened.
struct AuditMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let auditLog: AuditLog

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let route = context.facts.route, route.isAudited, let principal = context.facts.principal else {
            return try await next(request, context)
        }
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
        var parameters: [String: String] = [:]
        for name in route.auditedParameters {
            if let value = request.uri.queryParameters[Substring(name)] { parameters[name] = String(value.prefix(200)) }
        }
        if let contentType = request.headers[.contentType] { parameters["content_type"] = String(contentType.prefix(100)) }
        parameters.merge(context.facts.auditParameters) { _, new in new }
        let event = AuditEvent(
            actor: principal.actor, tokenId: principal.tokenId, action: route.action, parameters: parameters,
            clientAddress: context.clientAddress, outcome: .httpStatus(status), status: status, requestId: context.requestID)
        do {
            try await auditLog.record(event)
        } catch {
            context.logger.error("could not write the audit log", metadata: ["action": "\(route.action)", "error": "\(error)"])
        }
        return try result.get()
    }
}
