import AllotCore
import Postgres

/// An organization a commitment sat in, and when: `[start, end)`, end nil when open-ended.
///
/// Observed intervals are the hours of the current deliveries' lines naming the commitment, merged per organization
/// where they touch; declared ones are its owner's `holding-accounts` history in the newest rule set. An
/// inconsistency is an observed interval (or the part of one) in an organization where the declared history does not
/// place the owner.
public struct CommitmentInterval: Sendable, Hashable, Encodable {
    public var arn: String
    public var organization: String
    public var start: Timestamp
    public var end: Timestamp?

    init(row: PostgresRow) throws {
        arn = try row.decode(String.self, "arn")
        organization = try row.decode(String.self, "org_id")
        start = try row.decode(Timestamp.self, "starts")
        end = try row.decode(Timestamp?.self, "ends")
    }

    /// Whole hours in the interval; nil when open-ended.
    public var hours: Int? {
        end.map { Int(($0.microsecondsSinceEpoch - start.microsecondsSinceEpoch) / 3_600_000_000) }
    }

    /// `2026-10-01T00:00:00Z … 2026-10-16T00:00:00Z`, or `from …` when open-ended.
    public var span: String {
        end.map { "\(start) … \($0)" } ?? "from \(start)"
    }

    enum CodingKeys: String, CodingKey { case arn, organization = "org", start, end, hours }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(arn, forKey: .arn)
        try container.encode(organization, forKey: .organization)
        try container.encode(start.description, forKey: .start)
        try container.encode(end?.description, forKey: .end)
        try container.encode(hours, forKey: .hours)
    }
}
