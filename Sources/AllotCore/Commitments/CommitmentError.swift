/// Why commitments could not be applied to an organization-hour.
///
/// The input is refused as a whole; nothing is guessed. The ``description`` names the code, the
/// commitment and the usage line involved and is safe to show a user; ``debugDescription`` adds the
/// underlying arithmetic error, if any.
public struct CommitmentError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The kind of failure; new codes may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable {
            case duplicateUsageLine, duplicateCommitment, accountOutsideOrganization, missingSavingsPlanRate
            case missingNormalizationFactor, invalidInput, arithmeticOverflow
        }

        private let base: Base

        private init(base: Base) {
            self.base = base
        }

        /// Two usage lines share an ID.
        public static let duplicateUsageLine = Code(base: .duplicateUsageLine)
        /// Two commitments share an ID.
        public static let duplicateCommitment = Code(base: .duplicateCommitment)
        /// A usage line or commitment belongs to an account that is not a member of the organization.
        public static let accountOutsideOrganization = Code(base: .accountOutsideOrganization)
        /// A Savings Plan is eligible for a usage line but has no rate for its usage key.
        public static let missingSavingsPlanRate = Code(base: .missingSavingsPlanRate)
        /// A size-flexible Reserved Instance matches a usage line that has no normalization factor.
        public static let missingNormalizationFactor = Code(base: .missingNormalizationFactor)
        /// A quantity, rate, count or factor is out of range (negative, zero where it divides, too large).
        public static let invalidInput = Code(base: .invalidInput)
        /// A computed amount does not fit the exact decimal range.
        public static let arithmeticOverflow = Code(base: .arithmeticOverflow)

        public var description: String {
            switch base {
            case .duplicateUsageLine: "duplicate usage line"
            case .duplicateCommitment: "duplicate commitment"
            case .accountOutsideOrganization: "account outside organization"
            case .missingSavingsPlanRate: "missing Savings Plan rate"
            case .missingNormalizationFactor: "missing normalization factor"
            case .invalidInput: "invalid input"
            case .arithmeticOverflow: "arithmetic overflow"
            }
        }
    }

    /// The kind of failure.
    public let code: Code
    /// What is wrong, naming the commitment and usage involved.
    public let message: String
    /// The commitment involved, if any.
    public let commitmentID: String?
    /// The usage line involved, if any.
    public let usageLineID: Int?
    /// The arithmetic error behind an overflow, if any.
    public let underlying: AmountError?

    public init(
        code: Code,
        message: String,
        commitmentID: String? = nil,
        usageLineID: Int? = nil,
        underlying: AmountError? = nil
    ) {
        self.code = code
        self.message = message
        self.commitmentID = commitmentID
        self.usageLineID = usageLineID
        self.underlying = underlying
    }

    public var description: String { "\(code): \(message)" }

    public var debugDescription: String {
        guard let underlying else { return description }
        return "\(description) (\(underlying))"
    }
}
