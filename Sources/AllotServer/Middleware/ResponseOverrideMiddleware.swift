import HTTPTypes
import Hummingbird

/// Applies what a handler asked to send verbatim (``RequestFacts/responseHeaders``, ``RequestFacts/responseBody``)
/// to its successful response, after the generated code has serialised it.
///
/// The generated code writes header values as URI components and re-encodes JSON bodies; a `Location` path and a
/// final invoice's stored JSON must go out exactly as they are.
struct ResponseOverrideMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard response.status.kind == .successful else { return response }
        for field in context.facts.responseHeaders {
            response.headers[field.name] = field.value
        }
        if let body = context.facts.responseBody {
            response.headers[.contentType] = body.contentType
            response.headers[.contentLength] = nil
            response.body = ResponseBody(byteBuffer: body.bytes)
        }
        return response
    }
}
