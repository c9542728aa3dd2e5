import AllotAPI
import AllotCore
import AllotStore
import HTTPTypes
import Hummingbird

/// `POST /v1/periods/{period}/close`, `GET /v1/adjustments`: closing a period and the memos after a restatement,
/// through the same ``Invoices`` calls as `allot close` and `allot adjustments`.
extension APIImplementation {
    func closePeriod(_ input: Operations.ClosePeriod.Input) async throws -> Operations.ClosePeriod.Output {
        let context = try context
        let principal = try principal
        let period = try Self.period(input.path.period, field: "period")
        let adjustments = input.query.adjustments ?? false
        context.facts.audit("period", period.description)
        let invoices = Invoices(client: client, logger: context.logger)
        let outcome = try await PeriodLock(client: client).exclusive(period) {
            do {
                return adjustments
                    ? try await invoices.issueAdjustments(period: period, issuedBy: principal.actor)
                    : try await invoices.close(period: period, issuedBy: principal.actor)
            } catch let error as InvoiceError where error.code == .noRun {
                throw APIProblem(
                    .unprocessableContent, kind: "no-run", title: "The period cannot be closed",
                    detail: error.advice.forAPI)
            }
        }
        context.facts.audit("status", outcome.status)
        context.facts.audit("run", String(outcome.runId))
        context.facts.audit("documents", String(outcome.documents.count))
        if let first = outcome.documents.first?.number, let last = outcome.documents.last?.number {
            context.facts.audit("numbers", first == last ? first : "\(first) … \(last)")
        }
        guard let status = Components.Schemas.CloseOutcome.StatusPayload(rawValue: outcome.status) else { throw APIProblem.internalError }
        return .ok(
            .init(
                body: .json(
                    .init(
                        status: status, period: outcome.period, runId: Int64(outcome.runId),
                        documents: try outcome.documents.map { try Self.schema($0, draftRun: nil) },
                        message: outcome.message.forAPI))))
    }

    func getAdjustments(_ input: Operations.GetAdjustments.Input) async throws -> Operations.GetAdjustments.Output {
        let period = try Self.period(input.query.period, field: "period")
        var preview = try await Invoices(client: client, logger: logger).adjustments(period: period)
        let scope = try await invoiceScope(.adjustmentsRead, period: period)
        preview.memos = preview.memos.filter { scope.contains($0.businessUnit.id) }
        var body = try Self.bridge(preview, to: Components.Schemas.AdjustmentPreview.self)
        body.staleRun = preview.staleRun?.forAPI
        return .ok(.init(body: .json(body)))
    }
}
