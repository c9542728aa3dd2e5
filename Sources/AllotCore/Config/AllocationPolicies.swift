/// How costs are valued and moved between BUs; see `docs/configuration.md`.
public struct AllocationPolicies: Sendable, Hashable, Codable {
    public var costBasis: CostBasis
    public var unusedCommitment: UnusedCommitmentPolicy
    public var savings: SavingsPolicy
    public var credits: CreditPolicy

    public init(
        costBasis: CostBasis = .amortized, unusedCommitment: UnusedCommitmentPolicy = .owner,
        savings: SavingsPolicy = SavingsPolicy(), credits: CreditPolicy = CreditPolicy()
    ) {
        self.costBasis = costBasis
        self.unusedCommitment = unusedCommitment
        self.savings = savings
        self.credits = credits
    }

    enum CodingKeys: String, CodingKey {
        case costBasis = "cost-basis"
        case unusedCommitment = "unused-commitment"
        case savings, credits
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        costBasis = try container.decodeIfPresent(CostBasis.self, forKey: .costBasis) ?? .amortized
        unusedCommitment = try container.decodeIfPresent(UnusedCommitmentPolicy.self, forKey: .unusedCommitment) ?? .owner
        savings = try container.decodeIfPresent(SavingsPolicy.self, forKey: .savings) ?? SavingsPolicy()
        credits = try container.decodeIfPresent(CreditPolicy.self, forKey: .credits) ?? CreditPolicy()
    }
}

/// Which cost a chargeback uses (rules doc §1.6).
public enum CostBasis: String, Sendable, Hashable, Codable, CaseIterable {
    /// Cash: what AWS invoices, fees where they are billed.
    case unblended
    /// Upfront fees spread over usage; consumers carry covered usage's effective cost.
    case amortized
    /// Amortized after discounts.
    case netAmortized = "net-amortized"
}

/// Where the unused part of a commitment goes.
public enum UnusedCommitmentPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// The holding account's BU.
    case owner
    /// The BUs that used the commitment, pro rata to their covered cost.
    case consumers
}

/// Who keeps the savings of commitment-covered usage.
public struct SavingsPolicy: Sendable, Hashable, Codable {
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        case passThrough = "pass-through", retainCentral = "retain-central", share
    }

    public var mode: Mode
    public var centralBU: String?
    /// For `share`: the percentage of each saving the central BU keeps (0–100).
    public var sharePercent: String?

    public init(mode: Mode = .passThrough, centralBU: String? = nil, sharePercent: String? = nil) {
        self.mode = mode
        self.centralBU = centralBU
        self.sharePercent = sharePercent
    }

    enum CodingKeys: String, CodingKey {
        case mode
        case centralBU = "central-bu"
        case sharePercent = "share-percent"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        mode = try container.decodeIfPresent(Mode.self, forKey: .mode) ?? .passThrough
        centralBU = try container.decodeIfPresent(String.self, forKey: .centralBU)
        sharePercent = try container.decodeIfPresent(FlexibleNumber.self, forKey: .sharePercent)?.text
    }
}

/// Where credits go.
public struct CreditPolicy: Sendable, Hashable, Codable {
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        case asBilled = "as-billed", pooledPerOrg = "pooled-per-org", pooled, directed
    }

    public var mode: Mode
    /// For `directed`.
    public var bu: String?

    public init(mode: Mode = .asBilled, bu: String? = nil) {
        self.mode = mode
        self.bu = bu
    }

    enum CodingKeys: String, CodingKey { case mode, bu }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        mode = try container.decodeIfPresent(Mode.self, forKey: .mode) ?? .asBilled
        bu = try container.decodeIfPresent(String.self, forKey: .bu)
    }
}

/// A number written either as a string or as a number, kept as exact decimal text. Documents read through
/// ``ConfigValue`` (YAML and JSON alike) decode a number as its text (`33.5` → "33.5"). Foundation's
/// `JSONDecoder` (used for stored documents, which hold these as strings) would read a fractional JSON number
/// into a binary float first, so it is refused there: write it as a string.
struct FlexibleNumber: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            text = string
        } else if let integer = try? container.decode(Int.self) {
            text = String(integer)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "write a fractional number as a string, e.g. \"33.5\"")
        }
    }
}
