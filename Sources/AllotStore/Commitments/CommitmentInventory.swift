import AllotCore
import Postgres

/// The commitment inventory: every RI and Savings Plan the current deliveries show, where it was observed and where
/// its owner is declared to be. Written by each ingest (``refresh(delivery:organization:period:superseding:on:)``),
/// read by `allot commitments`.
public struct CommitmentInventory: Sendable {
    public let client: PostgresClient

    public init(client: PostgresClient) {
        self.client = client
    }

    /// One commitment with its organization intervals.
    public struct Detail: Sendable, Encodable {
        public var commitment: CommitmentRecord
        /// Per organization, the hours the current deliveries show it, oldest first.
        public var observed: [CommitmentInterval]
        /// Its owner's declared `holding-accounts` history, oldest first (empty when the owner is not declared).
        public var declared: [CommitmentInterval]
        /// Observed hours in an organization where the declared history does not place the owner.
        public var inconsistencies: [CommitmentInterval]
    }

    /// The commitments, by ARN; only those a delivery of `organization` and/or `period` shows, when given.
    public func list(organization: String? = nil, period: BillingPeriod? = nil) async throws -> [CommitmentRecord] {
        try await client.query(
            """
            SELECT \(CommitmentRecord.columns) FROM commitments c
            WHERE ($1::text IS NULL AND $2::date IS NULL) OR EXISTS (
                SELECT FROM commitment_observations o WHERE o.arn = c.arn
                    AND ($1::text IS NULL OR o.org_id = $1) AND ($2::date IS NULL OR o.billing_period = $2::date))
            ORDER BY c.arn
            """, [organization, period]
        ).map(CommitmentRecord.init(row:))
    }

    /// One commitment and its intervals; nil when no current delivery shows it.
    public func detail(arn: String) async throws -> Detail? {
        let found = try await client.query("SELECT \(CommitmentRecord.columns) FROM commitments c WHERE c.arn = $1", [arn])
        guard let row = found.first else { return nil }
        let commitment = try CommitmentRecord(row: row)
        let declared = try await client.query(
            """
            SELECT $1::text AS arn, org_id, lower(during) AS starts, upper(during) AS ends FROM account_memberships
            WHERE source = 'declared' AND account_id = $2 ORDER BY lower(during)
            """, [arn, commitment.ownerAccountId]
        ).map(CommitmentInterval.init(row:))
        return Detail(
            commitment: commitment, observed: try await observed(arn: arn), declared: declared,
            inconsistencies: try await inconsistencies(arn: arn))
    }

    /// The observed intervals of one commitment, or of all.
    public func observed(arn: String? = nil) async throws -> [CommitmentInterval] {
        try await client.query(
            """
            SELECT arn, org_id, lower(hours) AS starts, upper(hours) AS ends
            FROM (SELECT arn, org_id, unnest(range_agg(during)) AS hours FROM commitment_observations
                  WHERE $1::text IS NULL OR arn = $1 GROUP BY arn, org_id) AS merged
            ORDER BY arn, lower(hours), org_id
            """, [arn]
        ).map(CommitmentInterval.init(row:))
    }

    /// Observed hours of a commitment (or of all) in an organization where its owner has a declared history that
    /// does not place it there at those hours. Owners with no declared history are not judged.
    public func inconsistencies(arn: String? = nil) async throws -> [CommitmentInterval] {
        try await client.query(
            """
            WITH observed AS (
                SELECT o.arn, o.org_id, c.owner_account_id, range_agg(o.during) AS hours
                FROM commitment_observations o JOIN commitments c USING (arn)
                WHERE $1::text IS NULL OR o.arn = $1
                GROUP BY o.arn, o.org_id, c.owner_account_id),
            declared AS (
                SELECT account_id, org_id, range_agg(during) AS hours FROM account_memberships
                WHERE source = 'declared' GROUP BY account_id, org_id)
            SELECT o.arn, o.org_id, lower(outside) AS starts, upper(outside) AS ends
            FROM observed o
            LEFT JOIN declared d ON d.account_id = o.owner_account_id AND d.org_id = o.org_id
            CROSS JOIN LATERAL unnest(o.hours - coalesce(d.hours, '{}'::tstzmultirange)) AS outside
            WHERE EXISTS (SELECT FROM account_memberships m WHERE m.source = 'declared' AND m.account_id = o.owner_account_id)
            ORDER BY o.arn, lower(outside), o.org_id
            """, [arn]
        ).map(CommitmentInterval.init(row:))
    }
}
