import Hummingbird

/// Reads JSON and YAML bodies (configuration documents, import requests) into memory, up to
/// ``ServerConfiguration/maxDocumentBytes`` (413 beyond it), keeps the exact text for the handler
/// (``AppRequestContext/documentBody``) and hands the generated code the same bytes.
///
/// The generated code would otherwise collect a JSON body without any limit, and would re-encode a configuration
/// document, losing its text (stored as applied, hashed, and the reference of the lines in error messages).
/// CUR uploads are other media types and stream past this untouched.
struct DocumentBodyMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let maxBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let contentType = request.headers[.contentType], Self.isDocument(contentType) else {
            return try await next(request, context)
        }
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

    /// JSON (`application/json`, `…+json`) or YAML.
    static func isDocument(_ contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return mediaType == "application/json" || mediaType.hasSuffix("+json") || mediaType == "application/yaml"
            || mediaType == "application/x-yaml" || mediaType == "text/yaml"
    }
}
