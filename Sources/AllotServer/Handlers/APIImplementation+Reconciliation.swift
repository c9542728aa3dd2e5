import AllotAPI
import AllotCore
import AllotStore

/// `GET /v1/reconciliation`: a period's BU invoices against the AWS invoices and the line items per organization,
/// as `allot reconcile --json` reports it. A difference is data (`holds: false`), not an error.
extension APIImplementation {
    func getReconciliation(_ input: Operations.GetReconciliation.Input) async throws -> Operations.GetReconciliation.Output {
        let period = try Self.period(input.query.period, field: "period")
        let report = try await Invoices(client: client, logger: logger).reconcile(period: period)
        var body = try Self.bridge(report, to: Components.Schemas.InvoiceReconciliation.self)
        body.problems = report.problems.map(\.forAPI)
        return .ok(.init(body: .json(body)))
    }
}
