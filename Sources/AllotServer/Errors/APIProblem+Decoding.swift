import Foundation

extension APIProblem {
    /// A request body the generated code could not decode, said in the document's terms: the field (its JSON path)
    /// and what it should hold — never Swift's type or coding-key names.
    init(decoding error: DecodingError) {
        let (path, message): (String, String)
        switch error {
        case .typeMismatch(let type, let context):
            (path, message) = (Self.path(context.codingPath), "must be \(Self.kind(of: type))")
        case .valueNotFound(let type, let context):
            (path, message) = (Self.path(context.codingPath), "must be \(Self.kind(of: type)), not null")
        case .keyNotFound(let key, let context):
            (path, message) = (Self.path(context.codingPath + [key]), "is required")
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            (path, message) = ("", "the body is not valid JSON")
        case .dataCorrupted(let context):
            (path, message) = (Self.path(context.codingPath), "has a value that is not allowed (see schemas/openapi.yaml)")
        @unknown default:
            (path, message) = ("", "the body does not match the operation's schema (see schemas/openapi.yaml)")
        }
        let detail = path.isEmpty ? message : "\(path) \(message)"
        self = .badRequest(detail, field: path.isEmpty ? nil : path)
    }

    /// `organizations[0]`, `period`: a coding path as the JSON's keys and indices.
    private static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// What a JSON value of a Swift type is called.
    private static func kind(of type: Any.Type) -> String {
        switch type {
        case is String.Type, is Substring.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is Int32.Type, is Double.Type, is Float.Type: "a number"
        case is [Any].Type: "an array"
        case is [String: Any].Type: "an object"
        default: "a value of another type"
        }
    }
}
