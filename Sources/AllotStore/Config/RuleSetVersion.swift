import AllotCore
import Postgres

/// One stored rule-set version, without its document: a line of `allot rules history`.
public struct RuleSetSummary: Sendable, Hashable, Encodable {
    public var version: Int
    /// The first period the version applies to (``RuleSets/beginning`` for "every period").
    public var effectiveFrom: BillingPeriod
    /// SHA-256 (hex) of the source text as applied.
    public var sha256: String
    public var appliedBy: String
    public var appliedAt: Timestamp
    public var note: String?

    static let columns = "version, effective_from, sha256, applied_by, applied_at, note"

    init(row: PostgresRow) throws {
        version = try row.decode(Int.self, "version")
        effectiveFrom = try row.decode(BillingPeriod.self, "effective_from")
        sha256 = try row.decode(String.self, "sha256")
        appliedBy = try row.decode(String.self, "applied_by")
        appliedAt = try row.decode(Timestamp.self, "applied_at")
        note = try row.decode(String?.self, "note")
    }

    enum CodingKeys: String, CodingKey {
        case version
        case effectiveFrom = "effective_from"
        case sha256
        case appliedBy = "applied_by"
        case appliedAt = "applied_at"
        case note
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(RuleSets.label(effectiveFrom), forKey: .effectiveFrom)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(appliedBy, forKey: .appliedBy)
        try container.encode(appliedAt.description, forKey: .appliedAt)
        try container.encodeIfPresent(note, forKey: .note)
    }
}

/// One stored rule-set version with its configuration: what allocation uses for a period.
public struct RuleSetVersion: Sendable, Hashable {
    public var summary: RuleSetSummary
    /// The canonical, validated configuration.
    public var configuration: AllotConfiguration
    /// The document exactly as it was applied (YAML or JSON).
    public var sourceText: String

    public var version: Int { summary.version }
    public var effectiveFrom: BillingPeriod { summary.effectiveFrom }

    static let columns = RuleSetSummary.columns + ", document, source_text"

    init(row: PostgresRow) throws {
        summary = try RuleSetSummary(row: row)
        do {
            configuration = try row.decodeJSON(AllotConfiguration.self, "document")
        } catch {
            throw RuleSetError(.corrupt, "rule set \(summary.version): the stored document cannot be read: \(error)")
        }
        sourceText = try row.decode(String.self, "source_text")
    }
}
