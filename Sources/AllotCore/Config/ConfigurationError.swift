/// Why a configuration document was refused: every issue found, each naming its path in the document.
///
/// `description` lists the issues one per line and is safe to show a user (it quotes the document, never
/// anything else).
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case syntax
            case malformed
            case invalid
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The text is not YAML (or JSON) at all.
        public static let syntax = Code(.syntax)
        /// The document does not have the shape of the format: unknown keys, missing keys, wrong types,
        /// values that are not among a key's choices.
        public static let malformed = Code(.malformed)
        /// The document has the right shape but its content is wrong: unknown BUs, overlapping intervals,
        /// percentages that do not sum to 100 …
        public static let invalid = Code(.invalid)

        public var description: String { base.rawValue }
    }

    public let code: Code
    /// Everything wrong, in document order; never empty.
    public let issues: [ConfigIssue]

    public init(_ code: Code, issues: [ConfigIssue]) {
        self.code = code
        self.issues = issues
    }

    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
