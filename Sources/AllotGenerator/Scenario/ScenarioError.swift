/// A scenario that cannot be read or does not make sense.
///
/// The ``description`` names the file (when there is one), the line, and the path of the offending
/// value in the scenario, e.g. `demo.yaml, line 41: accounts[3].profile: unknown profile 'webb'`;
/// it is safe to show a user.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    /// The kind of problem; new codes may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case syntax = "syntax error"
            case unreadable = "unreadable"
            case missingKey = "missing key"
            case unknownKey = "unknown key"
            case invalidValue = "invalid value"
            case unknownReference = "unknown reference"
            case duplicate = "duplicate"
            case inconsistent = "inconsistent"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The text is not YAML.
        public static let syntax = Code(.syntax)
        /// The file cannot be read.
        public static let unreadable = Code(.unreadable)
        /// A required key is absent.
        public static let missingKey = Code(.missingKey)
        /// A key the format does not define (usually a typo).
        public static let unknownKey = Code(.unknownKey)
        /// A value of the wrong type or out of range.
        public static let invalidValue = Code(.invalidValue)
        /// A name that refers to nothing: an unknown profile, organization or account.
        public static let unknownReference = Code(.unknownReference)
        /// Two things that must be unique share an id.
        public static let duplicate = Code(.duplicate)
        /// Values that contradict each other (a move from an organization the account is not in).
        public static let inconsistent = Code(.inconsistent)

        public var description: String { base.rawValue }
    }

    /// The kind of problem.
    public let code: Code
    /// Where in the scenario: `accounts[3].profile`; empty for the whole document.
    public let path: String
    /// What is wrong.
    public let message: String
    /// The scenario file, if it came from one.
    public var file: String?
    /// The 1-based line of the value, when known.
    public var line: Int?

    public init(_ code: Code, path: String, _ message: String, line: Int? = nil, file: String? = nil) {
        self.code = code
        self.path = path
        self.message = message
        self.line = line
        self.file = file
    }

    public var description: String {
        var location: [String] = []
        if let file { location.append(file) }
        if let line { location.append("line \(line)") }
        let prefix = location.isEmpty ? "" : location.joined(separator: ", ") + ": "
        return prefix + (path.isEmpty ? message : "\(path): \(message)")
    }
}
