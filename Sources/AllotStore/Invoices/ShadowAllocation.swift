import AllotCore
import Postgres

/// An allocation computed in memory and never stored: a rule set applied on another cost basis to a period's
/// current line items, exactly as a run would (same grouping query, same engine), for `allot reconcile` to check
/// the BU invoices of a basis the current run does not use.
struct ShadowAllocation: Sendable {
    var period: BillingPeriod
    var organizations: [String]
    var configuration: AllotConfiguration

    /// The ledger the rule set gives on `basis`.
    func ledger(basis: CostBasis, client: PostgresClient) async throws -> [LedgerEntry] {
        var configuration = configuration
        configuration.policies.costBasis = basis
        let engine: AllocationEngine
        do {
            engine = try AllocationEngine(configuration: configuration)
        } catch let error as AllocationError {
            throw InvoiceError(.invalidRequest, "the rule set cannot be applied on the \(basis.rawValue) basis: \(error.message)")
        }
        let organizations = organizations
        let period = period
        let input = try await client.withConnection { connection in
            try await connection.withTransaction { transaction in
                try await transaction.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                try await transaction.executeScript(CostGroupQuery.sessionSettings)
                let grouped = try await CostGroupQuery(dimensions: engine.dimensions)
                    .run(period: period, organizations: organizations, on: transaction)
                let names =
                    engine.dimensions.needsAccountNames
                    ? try await AllocationRunner.accountNames(Set(grouped.groups.map(\.account)), on: transaction) : [:]
                return AllocationInput(groups: grouped.groups, accountNames: names, organizations: organizations)
            }
        }
        do {
            return try engine.allocate(input).ledger
        } catch let error as AllocationError {
            throw InvoiceError(.invalidRequest, "allocating \(period) on the \(basis.rawValue) basis failed: \(error.message)")
        }
    }
}
