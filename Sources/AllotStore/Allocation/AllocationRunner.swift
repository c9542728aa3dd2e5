import AllotCore
import Foundation
import Logging
import Postgres

/// Runs allocations: the library call behind `allot allocate`.
///
/// A run reads the current deliveries of its organizations and period, groups their line items in one
/// query (`CostGroupQuery`), allocates the groups with `AllocationEngine`, writes the ledger, and
/// verifies in SQL that for every organization Σ ledger = Σ line items on the cost basis — all in one
/// repeatable-read transaction, so what it reads is one consistent state. If the ledger does not
/// reconcile, or anything else fails, the transaction is rolled back: the run's record stays, with
/// status `failed` and the error, and no ledger rows. Runs of one period serialise on an advisory lock.
///
/// ```swift
/// let runner = AllocationRunner(client: client, logger: logger)
/// let run = try await runner.run(period: period)               // the rule set in force for the period
/// ```
public struct AllocationRunner: Sendable {
    public let client: PostgresClient
    public let logger: Logger
    /// Applied to the ledger before it is written; tests use it to tamper with a ledger and check that
    /// the run fails and stores nothing.
    var ledgerTransform: (@Sendable ([LedgerEntry]) -> [LedgerEntry])? = nil

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Allocates `period` with the rule set in force for it (`RuleSets.inForce`).
    ///
    /// - Throws: `AllocationRunError` (`noRuleSet`, `noDeliveries`, `invalidRuleSet`, `notReconciled`, `failed`).
    public func run(period: BillingPeriod, organizations: [String]? = nil) async throws -> AllocationRun {
        guard let ruleSet = try await RuleSets(client: client, logger: logger).inForce(period: period) else {
            throw AllocationRunError(.noRuleSet, "no rule set is in force for \(period)", remedy: .apply)
        }
        return try await run(
            AllocationRequest(
                period: period, organizations: organizations, ruleSetVersion: ruleSet.version, configuration: ruleSet.configuration))
    }

    /// Allocates a period with the given rule set and records the run.
    ///
    /// - Returns: the succeeded run.
    /// - Throws: `AllocationRunError`; for `notReconciled` and `failed` the run is kept as `failed`.
    public func run(_ request: AllocationRequest) async throws -> AllocationRun {
        let engine: AllocationEngine
        do {
            engine = try AllocationEngine(configuration: request.configuration)
        } catch let error as AllocationError {
            throw AllocationRunError(.invalidRuleSet, "rule set \(request.ruleSetVersion): \(error.message)")
        }
        return try await client.withAdvisoryLock(key: Self.lockKey(request.period)) { connection in
            try await Self.markInterrupted(request.period, on: connection)
            let runId = try await Self.register(request, on: connection)
            var state = RunState()
            do {
                let partitions = try await Self.partitions(request, on: connection)
                try await connection.withTransaction { transaction in
                    try await execute(request, partitions: partitions, engine: engine, runId: runId, state: &state, on: transaction)
                }
            } catch {
                let failure = Self.failure(error, runId: runId)
                do {
                    try await Self.recordFailure(runId: runId, state: state, message: failure.message, on: connection)
                } catch {
                    logger.warning("could not record the failure of an allocation run", metadata: ["run": "\(runId)", "error": "\(error)"])
                }
                logger.info("allocation run failed", metadata: ["run": "\(runId)", "period": "\(request.period)", "error": "\(failure.message)"])
                throw failure
            }
            guard let run = try await AllocationRun.find(id: runId, on: connection) else {
                throw AllocationRunError(.failed, "the run vanished after it succeeded", runId: runId)
            }
            logger.info(
                "allocation run succeeded",
                metadata: ["run": "\(runId)", "period": "\(request.period)", "rows": "\(run.ledgerRows ?? 0)"])
            return run
        }
    }

    /// What a run learnt before it failed, kept in its `failed` record.
    struct RunState: Sendable {
        var organizations: [String]? = nil
        var deliveries: [AllocationRun.InputDelivery] = []
        var reconciliation: Reconciliation? = nil
    }

    /// The run's work, inside its transaction.
    ///
    /// The snapshot is taken after the line items of the run's organizations are locked (`ACCESS SHARE`), so
    /// an ingest cannot swap a delivery between the moment the run reads `cur_deliveries` and the moment it
    /// reads the line items: an ingest that committed before the lock is seen entirely, one that commits
    /// later waits (to drop its predecessor's table) until the run is done.
    private func execute(
        _ request: AllocationRequest, partitions: [OrganizationPartition], engine: AllocationEngine, runId: Int,
        state: inout RunState, on connection: PostgresConnection
    ) async throws {
        try await connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        try await connection.executeScript(CostGroupQuery.sessionSettings)
        try await connection.executeScript(Self.lockStatement(partitions, period: request.period))
        let deliveries = try await Self.inputDeliveries(request.period, organizations: partitions.map(\.org), on: connection)
        let organizations = deliveries.map(\.org)
        state.organizations = organizations
        state.deliveries = deliveries

        let clock = ContinuousClock()
        let started = clock.now
        let query = CostGroupQuery(dimensions: engine.dimensions)
        let grouped = try await query.run(period: request.period, organizations: organizations, on: connection)
        let names =
            engine.dimensions.needsAccountNames
            ? try await Self.accountNames(Set(grouped.groups.map(\.account)), on: connection) : [:]
        let queried = clock.now
        let input = AllocationInput(groups: grouped.groups, accountNames: names, organizations: organizations)
        let result = try engine.allocate(input)
        let ledger = ledgerTransform?(result.ledger) ?? result.ledger
        let allocated = clock.now

        try await AllocationLedger.write(ledger, run: runId, on: connection)
        let reconciliation = try await AllocationLedger.reconcile(
            run: runId, lineItems: grouped.totals, organizations: organizations, on: connection)
        state.reconciliation = reconciliation
        try reconciliation.verify()
        logger.debug(
            "allocation run phases",
            metadata: [
                "run": "\(runId)", "groups": "\(grouped.groups.count)", "query": "\(queried - started)",
                "engine": "\(allocated - queried)", "ledger": "\(clock.now - allocated)",
            ])

        try await connection.execute(
            """
            UPDATE allocation_runs SET status = 'succeeded', orgs = $2, input_deliveries = $3, reconciliation = $4,
                unmapped = $5, warnings = $6, ledger_rows = $7, finished_at = now()
            WHERE id = $1
            """,
            [
                runId, organizations, try PostgresJSON(encoding: deliveries), try PostgresJSON(encoding: reconciliation),
                try PostgresJSON(encoding: result.unmapped), try PostgresJSON(encoding: result.warnings), ledger.count,
            ])
    }
}
