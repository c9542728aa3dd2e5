import AllotCUR
import AllotCore

/// Why a generation failed. The ``description`` is safe to show a user; ``debugDescription`` adds the
/// underlying error.
public struct GeneratorError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The kind of failure; new codes may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case invalidOptions = "invalid options"
            case io = "I/O error"
            case commitments = "commitment application failed"
            case arithmetic = "arithmetic overflow"
            case inconsistent = "internal inconsistency"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The options do not fit the scenario (``GeneratorOptions``).
        public static let invalidOptions = Code(.invalidOptions)
        /// A file or folder could not be written.
        public static let io = Code(.io)
        /// The commitment engine refused an organization-hour.
        public static let commitments = Code(.commitments)
        /// An amount left the exact decimal range.
        public static let arithmetic = Code(.arithmetic)
        /// A check of the generator's own identities failed: a bug, reported rather than written.
        public static let inconsistent = Code(.inconsistent)

        public var description: String { base.rawValue }
    }

    public let code: Code
    public let message: String
    /// The organization and period being generated, when the failure belongs to one.
    public let context: String?
    /// The underlying error's description.
    public let underlying: String?

    public init(_ code: Code, _ message: String, context: String? = nil, underlying: String? = nil) {
        self.code = code
        self.message = message
        self.context = context
        self.underlying = underlying
    }

    public var description: String {
        "\(code): " + (context.map { "\($0): " } ?? "") + message
    }

    public var debugDescription: String {
        underlying.map { "\(description) (\($0))" } ?? description
    }

    static func writing(_ error: CURWriteError) -> GeneratorError {
        GeneratorError(.io, error.description)
    }

    static func arithmetic(_ error: AmountError, context: String? = nil) -> GeneratorError {
        GeneratorError(.arithmetic, error.description, context: context)
    }
}
