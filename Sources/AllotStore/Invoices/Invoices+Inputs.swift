import AllotCore
import Foundation
import Postgres

extension Invoices {
    /// What invoices of a run are built from: the run, its rule set, the names to show, and its rounded lines.
    struct RunInputs: Sendable {
        var run: AllocationRun
        var context: InvoiceContext
        var ledger: RoundedLedger

        var builder: InvoiceBuilder { InvoiceBuilder(context: context) }
    }

    /// The current run of a period.
    ///
    /// - Throws: ``InvoiceError`` `noRun` when the period has no successful run.
    func currentRun(_ period: BillingPeriod) async throws -> AllocationRun {
        guard let run = try await AllocationRun.current(period: period, client) else {
            throw InvoiceError(.noRun, "\(period) has no successful allocation run", remedy: .allocate(period: period.description))
        }
        return run
    }

    /// Loads and rounds a run's ledger, with its rule set and names.
    func inputs(_ run: AllocationRun, issueDate: LocalDate) async throws -> RunInputs {
        guard let period = BillingPeriod(run.period) else {
            throw InvoiceError(.corrupt, "run \(run.id) has an unreadable period '\(run.period)'")
        }
        let configuration = try await RuleSets(client: client, logger: logger).version(run.ruleSetVersion).configuration
        let entries = try await AllocationLedger.entries(run: run.id, client)
        let context = InvoiceContext(
            period: period, runId: run.id, ruleSetVersion: run.ruleSetVersion, costBasis: run.costBasis,
            configuration: configuration, tree: run.businessUnits ?? BusinessUnitTree(configuration),
            organizationNames: try await organizationNames(configuration),
            accountNames: try await accountNames(Set(entries.map(\.account)), configuration: configuration),
            issueDate: issueDate.description)
        let ledger = try RoundedLedger(entries: entries, places: context.currency.minorUnit)
        return RunInputs(run: run, context: context, ledger: ledger)
    }

    /// Organization names: the configuration's, else the registered ones.
    func organizationNames(_ configuration: AllotConfiguration) async throws -> [String: String] {
        var names: [String: String] = [:]
        for row in try await client.query("SELECT id, name FROM organizations") {
            names[try row.decode(String.self, "id")] = try row.decode(String.self, "name")
        }
        for organization in configuration.organizations { names[organization.id] = organization.name }
        return names
    }

    /// Account names: the configuration's, else those the CUR supplied.
    private func accountNames(_ accounts: Set<String>, configuration: AllotConfiguration) async throws -> [String: String] {
        var names: [String: String] = [:]
        let rows = try await client.query(
            "SELECT account_id, name FROM accounts WHERE name IS NOT NULL AND account_id = ANY($1::text[])", [accounts.sorted()])
        for row in rows { names[try row.decode(String.self, "account_id")] = try row.decode(String.self, "name") }
        for account in configuration.accounts { if let name = account.name { names[account.id] = name } }
        return names
    }

    /// Why a run no longer describes the period's data, or nil when it does: a delivery of one of its organizations
    /// was replaced after it ran, or an organization has a delivery the run did not read.
    func staleness(_ run: AllocationRun, on connection: PostgresConnection) async throws -> Advice? {
        let rows = try await connection.query(
            "SELECT org_id, id FROM cur_deliveries WHERE billing_period = to_date($1, 'YYYY-MM') AND status = 'current' ORDER BY org_id",
            [run.period])
        var current: [String: Int] = [:]
        for row in rows { current[try row.decode(String.self, "org_id")] = try row.decode(Int.self, "id") }
        let read = Dictionary(run.inputDeliveries.map { ($0.org, $0.delivery) }, uniquingKeysWith: { first, _ in first })
        let changed = read.filter { current[$0.key] != $0.value }.keys.sorted()
        let missing = current.keys.filter { read[$0] == nil }.sorted()
        guard !changed.isEmpty || !missing.isEmpty else { return nil }
        var reasons: [String] = []
        if !changed.isEmpty { reasons.append("the deliveries of \(changed.joined(separator: ", ")) changed after it ran") }
        if !missing.isEmpty { reasons.append("it did not allocate \(missing.joined(separator: ", "))") }
        return Advice(
            "run \(run.id) is not current for \(run.period): \(reasons.joined(separator: " and "))", remedy: .allocate(period: run.period))
    }

    /// Today's date in UTC: the issue date when none is given.
    public static func today() throws -> LocalDate {
        try LocalDate(daysSinceUnixEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
