import AllotCore
import Postgres

/// A row of `allocation_runs`: one allocation of a period, what it used, and how it ended.
///
/// Runs are never changed after they finish. The latest `succeeded` run of a period is its current one
/// (what `allot ledger` and invoices read).
public struct AllocationRun: Sendable, Hashable, Codable {
    /// `running`, `succeeded` or `failed`.
    public struct Status: Sendable, Hashable, Codable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable, Codable {
            case running, succeeded, failed
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        public static let running = Status(.running)
        public static let succeeded = Status(.succeeded)
        public static let failed = Status(.failed)

        init?(rawValue: String) {
            guard let base = Base(rawValue: rawValue) else { return nil }
            self.base = base
        }

        public var description: String { base.rawValue }

        public init(from decoder: any Decoder) throws {
            base = try decoder.singleValueContainer().decode(Base.self)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(base)
        }
    }

    /// A CUR delivery the run read: the current one of its organization and period at the time.
    public struct InputDelivery: Sendable, Hashable, Codable {
        public var org: String
        public var delivery: Int
    }

    public var id: Int
    /// `YYYY-MM`.
    public var period: String
    /// The organizations allocated.
    public var organizations: [String]
    public var ruleSetVersion: Int
    public var costBasis: CostBasis
    public var status: Status
    public var inputDeliveries: [InputDelivery]
    /// Per organization Σ line items vs Σ ledger (also kept for a run that failed to reconcile).
    public var reconciliation: Reconciliation?
    /// What fell to the default BU.
    public var unmapped: [UnmappedCost]?
    public var warnings: [String]?
    /// The BU tree of the rule set used.
    public var businessUnits: BusinessUnitTree?
    public var ledgerRows: Int?
    /// Why the run failed; nil otherwise.
    public var error: String?
    /// RFC 3339, UTC.
    public var createdAt: String
    public var finishedAt: String?

    static let columns = """
        id, to_char(billing_period, 'YYYY-MM') AS period, orgs, rule_set_version, cost_basis, status, input_deliveries,
        reconciliation, unmapped, warnings, business_units, ledger_rows, error,
        to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
        to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS finished_at
        """

    init(row: PostgresRow) throws {
        id = try row.decode(Int.self, "id")
        period = try row.decode(String.self, "period")
        organizations = try row.decode([String].self, "orgs")
        ruleSetVersion = try row.decode(Int.self, "rule_set_version")
        let basis = try row.decode(String.self, "cost_basis")
        let status = try row.decode(String.self, "status")
        guard let costBasis = CostBasis(rawValue: basis), let parsedStatus = Status(rawValue: status) else {
            throw PostgresError(code: .decoding, message: "allocation run \(id): unknown cost basis or status")
        }
        self.costBasis = costBasis
        self.status = parsedStatus
        inputDeliveries = try row.decodeJSON([InputDelivery].self, "input_deliveries")
        reconciliation = try Self.optionalJSON(Reconciliation.self, row, "reconciliation")
        unmapped = try Self.optionalJSON([UnmappedCost].self, row, "unmapped")
        warnings = try Self.optionalJSON([String].self, row, "warnings")
        businessUnits = try Self.optionalJSON(BusinessUnitTree.self, row, "business_units")
        ledgerRows = try row.decode(Int?.self, "ledger_rows")
        error = try row.decode(String?.self, "error")
        createdAt = try row.decode(String.self, "created_at")
        finishedAt = try row.decode(String?.self, "finished_at")
    }

    private static func optionalJSON<Value: Decodable>(_ type: Value.Type, _ row: PostgresRow, _ column: String) throws -> Value? {
        try row.decode(PostgresJSON?.self, column)?.decode(type)
    }

    /// Runs, newest first, optionally of one period.
    public static func list(period: BillingPeriod? = nil, limit: Int = 100, _ client: PostgresClient) async throws -> [AllocationRun] {
        try await client.query(
            """
            SELECT \(columns) FROM allocation_runs
            WHERE ($1::date IS NULL OR billing_period = $1::date)
            ORDER BY id DESC LIMIT $2
            """, [period, limit]
        ).map(AllocationRun.init(row:))
    }

    /// The current run of a period: its latest successful one.
    public static func current(period: BillingPeriod, _ client: PostgresClient) async throws -> AllocationRun? {
        try await client.query(
            """
            SELECT \(columns) FROM allocation_runs
            WHERE billing_period = $1::date AND status = 'succeeded'
            ORDER BY id DESC LIMIT 1
            """, [period]
        ).first.map(AllocationRun.init(row:))
    }

    /// The current run of a period, or an error saying how to make one.
    ///
    /// - Throws: `AllocationRunError` `noRun` when the period has no successful run.
    public static func requireCurrent(period: BillingPeriod, _ client: PostgresClient) async throws -> AllocationRun {
        guard let run = try await current(period: period, client) else {
            throw AllocationRunError(.noRun, "no successful allocation run for \(period)", remedy: .allocate(period: period.description))
        }
        return run
    }

    /// One run by id.
    public static func find(id: Int, _ client: PostgresClient) async throws -> AllocationRun? {
        try await client.query("SELECT \(columns) FROM allocation_runs WHERE id = $1", [id]).first.map(AllocationRun.init(row:))
    }

    static func find(id: Int, on connection: PostgresConnection) async throws -> AllocationRun? {
        try await connection.query("SELECT \(columns) FROM allocation_runs WHERE id = $1", [id]).first.map(AllocationRun.init(row:))
    }
}
