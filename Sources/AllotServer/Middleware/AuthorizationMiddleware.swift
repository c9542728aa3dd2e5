import AllotStore
import Hummingbird

/// Authenticates the bearer token of every route outside the operations group and checks the access matrix:
/// 401 without a valid token, 403 when the token's role may not call the route's group.
///
/// Unknown paths pass through untouched (they answer 404 or 405, whoever asks).
struct AuthorizationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let authenticator: TokenAuthenticator

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let route = context.facts.route, route.group != .operations else {
            return try await next(request, context)
        }
        let principal = try await authenticator.authenticate(authorization: request.headers[.authorization], logger: context.logger)
        context.facts.principal = principal
        guard AccessMatrix.access(principal.role, route.group).isAllowed else {
            throw APIProblem.forbidden("a \(principal.role) token may not call \(route.action) (\(route.group))")
        }
        var context = context
        context.logger[metadataKey: "token.name"] = "\(principal.name)"
        return try await next(request, context)
    }
}
