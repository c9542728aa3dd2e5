import AllotCore
import Logging
import Postgres

/// The versioned rule sets: `allot apply`, `allot rules`, and what allocation reads for a period.
///
/// Each apply stores a new version (never edits one); the rule set in force for a period P is the highest
/// version whose `effective_from` ≤ P, so a change effective from a later period never alters earlier
/// periods. An apply also brings the registry in step with the document, in the same transaction:
/// organizations and accounts upserted, the BU tree of the newest version in `business_units`, and the
/// declared memberships of holding accounts in `account_memberships`.
public struct RuleSets: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// The period meaning "every period": the default effective period of the first version.
    public static let beginning: BillingPeriod = BillingPeriod(year: 1, month: 1) ?? BillingPeriod(containing: .epoch)

    /// The rule set in force for `period`, nil if no version is effective that early.
    public func inForce(period: BillingPeriod) async throws -> RuleSetVersion? {
        try await client.withConnection { try await Self.inForce(period: period, on: $0) }
    }

    /// Every version, oldest first, without documents.
    public func history() async throws -> [RuleSetSummary] {
        try await client.query("SELECT \(RuleSetSummary.columns) FROM rule_sets ORDER BY version").map(RuleSetSummary.init(row:))
    }

    /// One version.
    ///
    /// - Throws: ``RuleSetError`` `notFound` if there is no such version.
    public func version(_ number: Int) async throws -> RuleSetVersion {
        let rows = try await client.query("SELECT \(RuleSetVersion.columns) FROM rule_sets WHERE version = $1", [number])
        guard let row = rows.first else {
            let newest = try await client.query("SELECT max(version) AS newest FROM rule_sets").singleValue(Int?.self)
            throw RuleSetError(.notFound, "no rule set version \(number)" + (newest.map { " (the newest is \($0))" } ?? " (none is applied yet)"))
        }
        return try RuleSetVersion(row: row)
    }

    /// The newest version, nil before the first apply.
    public func newest() async throws -> RuleSetVersion? {
        try await client.query("SELECT \(RuleSetVersion.columns) FROM rule_sets ORDER BY version DESC LIMIT 1")
            .first.map(RuleSetVersion.init(row:))
    }

    static func inForce(period: BillingPeriod, on connection: PostgresConnection) async throws -> RuleSetVersion? {
        try await connection.query(
            """
            SELECT \(RuleSetVersion.columns) FROM rule_sets
            WHERE effective_from <= $1::date
            ORDER BY version DESC LIMIT 1
            """, [period]
        ).first.map(RuleSetVersion.init(row:))
    }

    // MARK: Periods

    /// `2026-07`, or `beginning` for ``beginning``.
    public static func label(_ period: BillingPeriod) -> String {
        period == beginning ? "beginning" : period.description
    }
}
