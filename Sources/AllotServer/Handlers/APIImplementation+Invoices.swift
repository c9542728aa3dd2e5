import AllotAPI
import AllotCore
import AllotStore
import Foundation
import HTTPTypes

/// `GET /v1/invoices`: a period's documents — drafts of its current run while it is open, the final ones once
/// closed — through the same ``Invoices`` call as `allot invoice list`, narrowed for finance and reader tokens to the
/// documents addressed to their units and descendants. One document is ``DocumentRoute``'s.
extension APIImplementation {
    func listInvoices(_ input: Operations.ListInvoices.Input) async throws -> Operations.ListInvoices.Output {
        let paging = try Paging(limit: input.query.limit, cursor: input.query.cursor)
        let period = try Self.period(input.query.period, field: "period")
        if let bu = input.query.bu { try Self.validateBusinessUnitID(bu, field: "bu") }
        let summary = try await Invoices(client: client, logger: logger).summary(period: period)
        let scope = try await invoiceScope(.invoicesRead, period: period)
        var entries = summary.documents.filter { scope.contains($0.businessUnit) }
        if let bu = input.query.bu {
            entries = entries.filter { $0.businessUnit == bu }
            // The same answer for a unit without documents and one the caller may not see.
            guard !entries.isEmpty else { throw APIProblem.notFound("no invoice for BU '\(bu)' in \(period)") }
        }
        let draftRun = summary.status == "open" ? summary.currentRunId : nil
        let items = try entries.map { try Self.schema($0, draftRun: draftRun) }
        // Keyset pages over the period's documents in their order (issue order once closed, tree order for drafts).
        var start = items.startIndex
        if let after = paging.after {
            guard let index = items.firstIndex(where: { $0.id == after }) else {
                throw APIProblem.badRequest(
                    "cursor is not a next_cursor of this list (or the period's documents changed: start again without it)",
                    field: "cursor")
            }
            start = items.index(after: index)
        }
        let (page, cursor) = paging.nextCursor(Array(items[start...].prefix(paging.limit + 1))) { $0.id }
        guard let status = Components.Schemas.InvoicePage.StatusPayload(rawValue: summary.status) else { throw APIProblem.internalError }
        return .ok(
            .init(
                body: .json(
                    .init(
                        period: summary.period, status: status, currentRunId: summary.currentRunId.map(Int64.init),
                        closedRunId: summary.closedRunId.map(Int64.init), closedAt: try summary.closedAt.map(Self.date),
                        closedBy: summary.closedBy, staleRun: summary.staleRun?.forAPI, newerRun: summary.newerRun,
                        items: page, nextCursor: cursor))))
    }

    /// The units a caller may see of a period's invoices (or adjustments): ``BusinessUnitScope/invoices(principal:group:period:client:)``.
    func invoiceScope(_ group: EndpointGroup, period: BillingPeriod) async throws -> BusinessUnitScope {
        try await BusinessUnitScope.invoices(principal: try principal, group: group, period: period, client: client)
    }

    /// A document of an index (a list, a close) as the OpenAPI document spells it; `draftRun` is the run a draft
    /// comes from (its id names it).
    static func schema(_ entry: InvoiceIndexEntry, draftRun: Int?) throws -> Components.Schemas.InvoiceSummary {
        let id: String
        if entry.status == InvoiceDocument.Status.final.rawValue {
            id = entry.number
        } else if let draftRun {
            id = DocumentID.draft(run: draftRun, businessUnit: entry.businessUnit).description
        } else {
            throw APIProblem.internalError
        }
        guard let kind = Components.Schemas.InvoiceSummary.KindPayload(rawValue: entry.kind),
            let status = Components.Schemas.InvoiceSummary.StatusPayload(rawValue: entry.status)
        else {
            throw APIProblem.internalError
        }
        return Components.Schemas.InvoiceSummary(
            id: id, number: entry.number, kind: kind, status: status, businessUnit: entry.businessUnit,
            businessUnitName: entry.businessUnitName, period: entry.period, issueDate: entry.issueDate, adjusts: entry.adjusts,
            total: entry.total, currency: entry.currency)
    }
}
