import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// An error answered to the client as `application/problem+json` (RFC 9457).
///
/// Handlers and middlewares throw it; ``ProblemMiddleware`` renders it (and maps every other error in one place,
/// ``APIProblem/init(mapping:)``). Its `detail` is always safe to show: it never carries SQL, stack traces,
/// server paths or tokens.
public struct APIProblem: Error, Sendable, HTTPResponseError {
    /// One field of a validation problem: a parameter, or a path in a document (`rules[3].bu`).
    public struct FieldError: Sendable, Hashable, Codable {
        public var path: String
        public var message: String
        /// The 1-based line of the document, when known.
        public var line: Int?

        public init(path: String, message: String, line: Int? = nil) {
            self.path = path
            self.message = message
            self.line = line
        }
    }

    public var status: HTTPResponse.Status
    /// The kind of problem, the last part of its `type` URI (`urn:allot:problem:<kind>`).
    public var kind: String
    public var title: String
    public var detail: String?
    public var errors: [FieldError]
    /// Extra response headers (`WWW-Authenticate`, `Allow`).
    public var headers: HTTPFields

    public init(
        _ status: HTTPResponse.Status, kind: String, title: String, detail: String? = nil, errors: [FieldError] = [],
        headers: HTTPFields = [:]
    ) {
        self.status = status
        self.kind = kind
        self.title = title
        self.detail = detail
        self.errors = errors
        self.headers = headers
    }

    /// The `type` URI.
    public var type: String { "urn:allot:problem:\(kind)" }

    /// The response, carrying the request id as `instance` and `correlation_id`.
    public func response(requestID: String) -> Response {
        let body = Body(
            type: type, title: title, status: status.code, detail: detail, instance: "urn:allot:request:\(requestID)",
            correlationID: requestID, errors: errors.isEmpty ? nil : errors)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(body)) ?? Data(#"{"status":500,"title":"Internal error","type":"about:blank"}"#.utf8)
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response(requestID: context.logger[metadataKey: "hb.request.id"]?.description ?? "unknown")
    }

    /// The JSON body.
    private struct Body: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String?
        var instance: String
        var correlationID: String
        var errors: [FieldError]?

        enum CodingKeys: String, CodingKey {
            case type, title, status, detail, instance, errors
            case correlationID = "correlation_id"
        }
    }
}

extension APIProblem: CustomStringConvertible {
    public var description: String {
        "\(status.code) \(kind)" + (detail.map { ": \($0)" } ?? "")
    }
}
