/// One thing wrong with a configuration document: where (`rules[3].bu`) and what (`unknown BU 'ops'`).
///
/// `description` is `path: message` (just the message for the whole document) and is safe to show a user.
public struct ConfigIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The path in the document, e.g. `shared-costs[0].percentages`; empty for the document as a whole.
    public var path: String
    public var message: String
    /// The 1-based source line the path points at, when the document was read from text.
    public var line: Int?
    /// The path as components, to look the line up in the document.
    var location: ConfigPath?

    public init(path: String, message: String, line: Int? = nil) {
        self.path = path
        self.message = message
        self.line = line
    }

    init(_ location: ConfigPath, _ message: String, line: Int? = nil) {
        self.init(path: location.description, message: message, line: line)
        self.location = location
    }

    enum CodingKeys: String, CodingKey { case path, message, line }

    public var description: String {
        path.isEmpty ? message : "\(path): \(message)"
    }
}

extension [ConfigIssue] {
    /// The issues with their source lines looked up in `document` where they have none yet.
    func located(in document: ConfigValue) -> [ConfigIssue] {
        map { issue in
            var issue = issue
            if issue.line == nil, let location = issue.location { issue.line = document.line(at: location) }
            return issue
        }
    }
}
