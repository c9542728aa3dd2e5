import AllotStore
import Hummingbird
import Logging

/// Deny by default, on the route the router matched (``AppRequestContext/route``):
/// - a route of the operations group (`/healthz`, `/readyz`, `/metrics`) needs no token;
/// - every other request — any other route, and any path or method the router matched to nothing — needs a valid
///   token first (401), whatever its spelling;
/// - then the token's role must be allowed the route's endpoint group (``AccessMatrix``, 403); a route without a
///   group is refused. A request that matched no route goes on, authenticated, to its 404 or 405.
struct AuthorizationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let authenticator: TokenAuthenticator

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let route = context.route(request)
        let group = route.flatMap(RoutePolicy.group)
        if group == .operations { return try await next(request, context) }
        let principal = try await authenticator.authenticate(authorization: request.headers[.authorization], logger: context.logger)
        context.facts.principal = principal
        if let route {
            guard let group else { throw APIProblem.forbidden("\(route) has no access rule") }
            guard AccessMatrix.access(principal.role, group).isAllowed else {
                throw APIProblem.forbidden("a \(principal.role) token may not call \(route) (\(group))")
            }
        }
        var context = context
        context.logger[metadataKey: "token.name"] = "\(principal.name)"
        return try await next(request, context)
    }
}
