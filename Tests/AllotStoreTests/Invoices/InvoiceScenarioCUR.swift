import AllotCore
import AllotStore
import AllotTestSupport
import Foundation

/// What the invoice tests of the store do with the scenario of `AllotTestSupport`'s ``InvoiceScenarioCUR`` (its CUR
/// rows, rule set and hand-computed figures): ingest its organizations' CURs, allocate, reach the invoices.
extension InvoiceScenarioCUR {
    /// Applies the rule set, ingests the three organizations' CURs for `period` and allocates it.
    @discardableResult
    static func prepare(
        _ database: TestDatabase, periods: [String] = ["2026-06"], configuration: AllotConfiguration = configuration()
    ) async throws -> [AllocationRun] {
        try await AllocationScenarioCUR.apply(configuration, to: database)
        var runs: [AllocationRun] = []
        for period in periods {
            for org in organizations { _ = try await database.ingest([try write(org: org, period: period)], create: false) }
            runs.append(try await allocate(period, database))
        }
        return runs
    }

    static func allocate(_ period: String, _ database: TestDatabase) async throws -> AllocationRun {
        let billingPeriod = try BillingPeriod(parsing: period)
        return try await AllocationRunner(client: database.client, logger: TestDatabase.logger).run(period: billingPeriod)
    }

    static func invoices(_ database: TestDatabase) -> Invoices {
        Invoices(client: database.client, logger: TestDatabase.logger)
    }
}
