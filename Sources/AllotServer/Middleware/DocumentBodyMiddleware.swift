import Foundation
import Hummingbird

/// Reads JSON and YAML bodies (configuration documents, import requests) into memory, up to
/// ``ServerConfiguration/maxDocumentBytes`` (413 beyond it), keeps the exact text for the handler
/// (``AppRequestContext/documentBody``) and hands the generated code the same bytes.
///
/// The generated code would otherwise collect a JSON body without any limit, and would re-encode a configuration
/// document, losing its text (stored as applied, hashed, and the reference of the lines in error messages).
/// CUR uploads are other media types and stream past this untouched. A body without a `Content-Type` is refused
/// (415): the generated code would take it for JSON.
struct DocumentBodyMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let maxBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let contentType = request.headers[.contentType] else {
            // The generated code would read a body without a media type as JSON.
            if Self.hasBody(request) {
                throw APIProblem.unsupportedMediaType("a request body needs a Content-Type (application/json for JSON)")
            }
            return try await next(request, context)
        }
        guard Self.isDocument(contentType) else { return try await next(request, context) }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBytes {
            throw APIProblem.tooLarge(limit: Int64(maxBytes))
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maxBytes)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIProblem.tooLarge(limit: Int64(maxBytes))
        }
        var context = context
        context.documentBody = buffer
        return try await next(request, context)
    }

    /// Whether the request says it has a body (a non-zero `Content-Length`, or `Transfer-Encoding`).
    static func hasBody(_ request: Request) -> Bool {
        if let length = request.headers[.contentLength] { return length != "0" }
        return request.headers[.transferEncoding] != nil
    }

    /// JSON (`application/json`, `…+json`) or YAML.
    static func isDocument(_ contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return mediaType == "application/json" || mediaType.hasSuffix("+json") || mediaType == "application/yaml"
            || mediaType == "application/x-yaml" || mediaType == "text/yaml"
    }
}
