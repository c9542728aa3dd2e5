/// Why a rule set was not applied or not found. Nothing of a refused apply was stored.
///
/// (An invalid document is a ``AllotCore/ConfigurationError`` instead, listing every issue.)
public struct RuleSetError: Error, Sendable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case organizationConflict = "organization_conflict"
            case notFound = "not_found"
            case corrupt = "corrupt"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The document's organizations contradict registered ones (a payer registered under another id, a
        /// payer change of an organization that has deliveries).
        public static let organizationConflict = Code(.organizationConflict)
        /// No such rule-set version.
        public static let notFound = Code(.notFound)
        /// A stored version could not be read back (the database was edited by hand).
        public static let corrupt = Code(.corrupt)

        public var description: String { base.rawValue }
    }

    public let code: Code
    /// Every problem, one per line; safe to show a user.
    public let messages: [String]

    init(_ code: Code, _ messages: [String]) {
        self.code = code
        self.messages = messages
    }

    init(_ code: Code, _ message: String) {
        self.init(code, [message])
    }

    public var description: String { messages.joined(separator: "\n") }
}
