/// Why a token was not created or revoked. Nothing was changed.
public struct APITokenError: Error, Sendable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case invalidName = "invalid_name"
            case duplicateName = "duplicate_name"
            case notFound = "not_found"
            case invalidScope = "invalid_scope"
            case unknownBusinessUnit = "unknown_business_unit"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The name is not 1–100 letters, digits, `_ . @ -`, starting with a letter or digit.
        public static let invalidName = Code(.invalidName)
        /// A token that is not revoked already has the name.
        public static let duplicateName = Code(.duplicateName)
        /// No token that is not revoked has the name.
        public static let notFound = Code(.notFound)
        /// A finance or reader token without business units, or an admin or planner token with some.
        public static let invalidScope = Code(.invalidScope)
        /// A business unit no rule set ever declared.
        public static let unknownBusinessUnit = Code(.unknownBusinessUnit)

        public var description: String { base.rawValue }
    }

    public let code: Code
    /// A message safe to show a user.
    public let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
