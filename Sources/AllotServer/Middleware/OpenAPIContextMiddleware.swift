import Hummingbird

/// Binds the request's context to ``AppRequestContext/current`` while the generated OpenAPI code and the
/// handlers run, since they see only OpenAPI types.
struct OpenAPIContextMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await AppRequestContext.$current.withValue(context) {
            try await next(request, context)
        }
    }
}
