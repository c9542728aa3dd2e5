import HTTPTypes

/// A route as the router matched it: the method and the path template of the OpenAPI document
/// (`/v1/deliveries/{id}`), which is what Hummingbird records as the request's endpoint path.
///
/// `HEAD` is answered by the `GET` route of the same path, so it is keyed as `GET`.
public struct RouteKey: Sendable, Hashable, CustomStringConvertible {
    public var method: HTTPRequest.Method
    public var template: String

    public init(_ method: HTTPRequest.Method, _ template: String) {
        self.method = method == .head ? .get : method
        self.template = template
    }

    /// `POST /v1/deliveries`: the audit log's action.
    public var description: String { "\(method.rawValue) \(template)" }
}
