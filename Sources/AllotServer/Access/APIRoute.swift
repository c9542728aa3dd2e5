import HTTPTypes

/// One operation of the OpenAPI document, as the middlewares need it: method and path template, the endpoint
/// group whose access rule applies, and what the audit log records of it.
public struct APIRoute: Sendable, Hashable {
    public var method: HTTPRequest.Method
    /// The path template of the OpenAPI document, `/v1/deliveries/{id}`; also the `route` label of metrics.
    public var template: String
    public var operationID: String
    public var group: EndpointGroup
    /// Whether the operation changes state and is written to the audit log.
    public var isAudited: Bool
    /// The query parameters the audit log records.
    public var auditedParameters: [String]

    private let segments: [Segment]

    private enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter
    }

    public init(
        _ method: HTTPRequest.Method, _ template: String, _ operationID: String, _ group: EndpointGroup,
        audited auditedParameters: [String]? = nil
    ) {
        self.method = method
        self.template = template
        self.operationID = operationID
        self.group = group
        self.isAudited = auditedParameters != nil
        self.auditedParameters = auditedParameters ?? []
        self.segments = template.split(separator: "/").map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? .parameter : .literal(String(part))
        }
    }

    /// Whether a request path (without query) is this route's template filled in.
    public func matches(path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard parts.count == segments.count else { return false }
        for (part, segment) in zip(parts, segments) {
            switch segment {
            case .literal(let text): if part != text { return false }
            case .parameter: if part.isEmpty { return false }
            }
        }
        return true
    }

    /// `POST /v1/deliveries`: the audit log's action.
    public var action: String { "\(method.rawValue) \(template)" }
}
