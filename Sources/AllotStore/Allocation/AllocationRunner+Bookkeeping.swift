import AllotCore
import Postgres

extension AllocationRunner {
    /// A stable 64-bit key (FNV-1a) for the advisory lock of one period's runs.
    static func lockKey(_ period: BillingPeriod) -> Int64 {
        advisoryLockKey("allot-allocate", period)
    }

    /// Marks runs of the period left `running` by a process that died as failed. Safe because the caller
    /// holds the lock every run of this period takes.
    static func markInterrupted(_ period: BillingPeriod, on connection: PostgresConnection) async throws {
        try await connection.execute(
            """
            UPDATE allocation_runs SET status = 'failed', finished_at = now(),
                error = 'interrupted: the run stopped before it finished; nothing of it was kept'
            WHERE billing_period = $1::date AND status = 'running'
            """, [period])
    }

    /// Records the run as `running` (committed at once, so that a failure can be recorded too).
    static func register(_ request: AllocationRequest, on connection: PostgresConnection) async throws -> Int {
        let tree = BusinessUnitTree(request.configuration)
        return try await connection.query(
            """
            INSERT INTO allocation_runs (billing_period, orgs, rule_set_version, cost_basis, status, business_units)
            VALUES ($1::date, $2, $3, $4, 'running', $5) RETURNING id
            """,
            [
                request.period, (request.organizations ?? []).sorted(), request.ruleSetVersion,
                request.configuration.policies.costBasis.rawValue, try PostgresJSON(encoding: tree),
            ]
        ).singleValue(Int.self)
    }

    /// The error a failed run reports: its own codes kept, reconciliation and engine errors translated,
    /// anything else (SQL, decoding) summarised without SQL text.
    static func failure(_ error: any Error, runId: Int) -> AllocationRunError {
        switch error {
        case let error as AllocationRunError:
            return AllocationRunError(error.code, error.message, runId: runId)
        case let error as AllocationError where error.code == .notReconciled:
            return AllocationRunError(.notReconciled, error.message, runId: runId)
        case let error as AllocationError:
            return AllocationRunError(.failed, error.message, runId: runId)
        case let error as PostgresError:
            return AllocationRunError(.failed, "database error: \(error.message)", runId: runId)
        default:
            return AllocationRunError(.failed, "\(error)", runId: runId)
        }
    }

    /// Keeps the record of a failed run: its error and what it had learnt (organizations, deliveries,
    /// reconciliation); its ledger rows were rolled back with its transaction.
    static func recordFailure(runId: Int, state: RunState, message: String, on connection: PostgresConnection) async throws {
        try await connection.execute(
            """
            UPDATE allocation_runs SET status = 'failed', error = $2, orgs = coalesce($3, orgs),
                input_deliveries = $4, reconciliation = $5, finished_at = now()
            WHERE id = $1
            """,
            [
                runId, message, state.organizations, try PostgresJSON(encoding: state.deliveries),
                try state.reconciliation.map { try PostgresJSON(encoding: $0) },
            ])
    }
}
