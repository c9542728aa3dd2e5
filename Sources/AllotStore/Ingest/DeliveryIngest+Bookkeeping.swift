import AllotCUR
import AllotCore
import Foundation
import Postgres

extension DeliveryIngest {
    /// An organization as a delivery names it: registered, or to be registered (`createOrganization`).
    enum ResolvedOrganization {
        case registered(OrganizationRecord)
        case unregistered(id: String, name: String, payer: String)
    }

    /// The organization of a delivery: `--org`, else the one whose payer the rows name.
    func resolveOrganization(_ request: IngestRequest, firstItem: LineItem) async throws -> ResolvedOrganization {
        let payer = firstItem.payerAccountId
        if let id = request.organization {
            if let found = try await OrganizationRecord.find(id: id, client) { return .registered(found) }
            guard request.createOrganization else {
                throw IngestError(
                    .unknownOrganization,
                    "organization '\(id)' is not registered; known organizations: \(try await knownOrganizations()); "
                        + "add --create-org to register it")
            }
            guard let payer else {
                throw IngestError(.invalid, "cannot register '\(id)': the rows name no payer account (bill/PayerAccountId)")
            }
            return .unregistered(id: id, name: id, payer: payer)
        }
        guard let payer else {
            throw IngestError(.invalid, "the rows name no payer account (bill/PayerAccountId); say which organization with --org")
        }
        if let found = try await OrganizationRecord.find(payer: payer, client) { return .registered(found) }
        guard request.createOrganization else {
            throw IngestError(
                .unknownOrganization,
                "payer account \(payer) is not a registered organization; known organizations: "
                    + "\(try await knownOrganizations()); add --create-org to register it")
        }
        return .unregistered(id: payer, name: firstItem.payerAccountName ?? "Organization \(payer)", payer: payer)
    }

    private func knownOrganizations() async throws -> String {
        let all = try await OrganizationRecord.all(client)
        return all.isEmpty ? "none" : all.map { "\($0.id) (payer \($0.payerAccountId))" }.joined(separator: ", ")
    }

    /// Runs `body` holding the ingest lock of (organization, period): waiting for it, or failing at once.
    func withIngestLock<Value>(
        organization: OrganizationRecord, period: BillingPeriod, wait: Bool,
        _ body: (PostgresConnection) async throws -> Value
    ) async throws -> Value {
        let key = Self.lockKey(organization: organization.id, period: period)
        if wait { return try await client.withAdvisoryLock(key: key, body) }
        guard let value = try await client.tryAdvisoryLock(key: key, body) else {
            throw IngestError(
                .busy, "another ingest of \(organization.id) \(period) is running; try again later, or wait for it with --wait")
        }
        return value
    }

    /// A stable 64-bit key (FNV-1a) for the advisory lock of one (organization, period).
    public static func lockKey(organization: String, period: BillingPeriod) -> Int64 {
        advisoryLockKey("allot-ingest", organization, period)
    }

    /// Marks deliveries left `loading` by an ingest that died (kill -9, crash) as failed. Safe because
    /// the caller holds the lock every ingest of this (organization, period) takes.
    static func markInterrupted(organization: String, period: BillingPeriod, on connection: PostgresConnection) async throws {
        try await connection.execute(
            """
            UPDATE cur_deliveries SET status = 'failed', finished_at = now(),
                error = 'interrupted: the ingest stopped before it finished; nothing of it was kept'
            WHERE org_id = $1 AND billing_period = $2::date AND status = 'loading'
            """, [organization, period])
    }

    static func current(organization: String, period: BillingPeriod, on connection: PostgresConnection) async throws
        -> DeliveryRecord?
    {
        try await connection.query(
            "SELECT \(DeliveryRecord.columns) FROM cur_deliveries WHERE org_id = $1 AND billing_period = $2::date AND status = 'current'",
            [organization, period]
        ).first.map(DeliveryRecord.init(row:))
    }

    /// Records the delivery as `loading` (committed at once, so a failure can be recorded too).
    static func register(
        organization: String, period: BillingPeriod, delivery: CURDelivery, content: String, files: [DeliveryFile],
        on connection: PostgresConnection
    ) async throws -> Int {
        let rows = try await connection.query(
            """
            INSERT INTO cur_deliveries (org_id, billing_period, format, assembly_id, content_sha256, files, status)
            VALUES ($1, $2::date, $3, $4, $5, $6, 'loading') RETURNING id
            """,
            [organization, period, delivery.source.description, delivery.deliveryId, content,
             try PostgresJSON(encoding: files)])
        return try rows.singleValue(Int.self)
    }
}
