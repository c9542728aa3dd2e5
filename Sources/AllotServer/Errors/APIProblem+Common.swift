import HTTPTypes

extension APIProblem {
    /// 400: a parameter or body that is malformed; `field` names it.
    public static func badRequest(_ detail: String, field: String? = nil) -> APIProblem {
        APIProblem(
            .badRequest, kind: "bad-request", title: "Bad request", detail: detail,
            errors: field.map { [FieldError(path: $0, message: detail)] } ?? [])
    }

    /// 401, with `WWW-Authenticate: Bearer`.
    public static func unauthorized(_ detail: String) -> APIProblem {
        APIProblem(
            .unauthorized, kind: "unauthorized", title: "Authentication required", detail: detail,
            headers: [.wwwAuthenticate: #"Bearer realm="allot""#])
    }

    /// 403.
    public static func forbidden(_ detail: String) -> APIProblem {
        APIProblem(.forbidden, kind: "forbidden", title: "Forbidden", detail: detail)
    }

    /// 404: no such resource, or one the token may not see (the same answer, so existence is not revealed).
    public static func notFound(_ detail: String) -> APIProblem {
        APIProblem(.notFound, kind: "not-found", title: "Not found", detail: detail)
    }

    /// 405 with `Allow`.
    public static func methodNotAllowed(_ method: HTTPRequest.Method, allowed: [HTTPRequest.Method]) -> APIProblem {
        let names = allowed.map(\.rawValue).joined(separator: ", ")
        return APIProblem(
            .methodNotAllowed, kind: "method-not-allowed", title: "Method not allowed",
            detail: "\(method.rawValue) is not supported here; use \(names)", headers: [.allow: names])
    }

    /// 409.
    public static func conflict(_ detail: String, kind: String = "conflict") -> APIProblem {
        APIProblem(.conflict, kind: kind, title: "Conflict", detail: detail)
    }

    /// 413.
    public static func tooLarge(limit: Int64) -> APIProblem {
        APIProblem(
            .contentTooLarge, kind: "too-large", title: "Body too large",
            detail: "the body is larger than this server accepts (\(limit) bytes)")
    }

    /// 415.
    public static func unsupportedMediaType(_ detail: String) -> APIProblem {
        APIProblem(.unsupportedMediaType, kind: "unsupported-media-type", title: "Unsupported media type", detail: detail)
    }

    /// 503.
    public static func unavailable(_ detail: String) -> APIProblem {
        APIProblem(.serviceUnavailable, kind: "unavailable", title: "Service unavailable", detail: detail)
    }

    /// 500: nothing but the correlation id reaches the client; the log has the cause.
    public static let internalError = APIProblem(
        .internalServerError, kind: "internal", title: "Internal error",
        detail: "the server failed to answer; quote the correlation id when reporting it")
}
