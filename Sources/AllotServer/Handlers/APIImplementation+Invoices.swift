import AllotAPI
import AllotCore
import AllotStore
import Foundation
import HTTPTypes
import NIOCore
import OpenAPIRuntime

/// `GET /v1/invoices`, `GET /v1/invoices/{id}`: a period's documents — drafts of its current run while it is
/// open, the final ones once closed — through the same ``Invoices`` calls as `allot invoice list` and `export`,
/// narrowed for finance and reader tokens to the documents addressed to their units and descendants.
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

    func getInvoice(_ input: Operations.GetInvoice.Input) async throws -> Operations.GetInvoice.Output {
        let context = try context
        guard let id = DocumentID(input.path.id) else {
            throw APIProblem.badRequest("id must be an invoice number (ALLOT-2026-000042) or a draft id (draft-12-web)", field: "id")
        }
        let format = try Self.invoiceFormat(accepting: input.headers.accept)
        let notFound = APIProblem.notFound("no invoice '\(id)'")
        let file: InvoiceFile
        switch id {
        case .final(let number) where format == .json:
            guard let invoice = try await issuedInvoice(number: number),
                try await invoiceScope(.invoicesRead, period: invoice.period).contains(invoice.businessUnit)
            else {
                throw notFound
            }
            // The generated code re-encodes the typed document; the bytes go out as they were issued (their SHA-256
            // is recorded). IssuedInvoiceMiddleware answers unlimited callers from the cache without it.
            context.facts.respond(header: .contentType, invoice.contentType)
            context.facts.respond(header: .contentDisposition, invoice.contentDisposition)
            context.facts.respond(body: invoice.bytes, contentType: invoice.contentType)
            return .ok(.init(body: .json(invoice.document)))
        case .final(let number):
            guard let stored = try await StoredInvoice.issuedFile(number: number, format: format, client),
                let period = BillingPeriod(stored.period),
                try await invoiceScope(.invoicesRead, period: period).contains(stored.businessUnit)
            else {
                throw notFound
            }
            file = stored.file
        case .draft(let runId, let unit):
            guard let run = try await AllocationRun.find(id: runId, client), let period = BillingPeriod(run.period),
                try await AllocationRun.current(period: period, client)?.id == runId,
                try await invoiceScope(.invoicesRead, period: period).contains(unit)
            else {
                throw notFound
            }
            let documents: [InvoiceDocument]
            do {
                documents = try await Invoices(client: client, logger: logger).documents(period: period, bu: unit)
            } catch let error as InvoiceError where error.code == .unknownBusinessUnit || error.code == .noRun {
                throw notFound
            }
            // Once the period is closed its documents are the final ones, and the draft is no more.
            guard let document = documents.first, document.status == .draft, document.runId == runId else { throw notFound }
            file = try InvoiceExport.file(document, format: format)
        }
        context.facts.respond(header: .contentType, file.contentType)
        context.facts.respond(header: .contentDisposition, "inline; filename=\"\(file.name)\"")
        switch format {
        case .csv:
            return .ok(.init(body: .csv(HTTPBody(file.bytes))))
        case .html:
            return .ok(.init(body: .html(HTTPBody(file.bytes))))
        default:
            // A draft: the generated code would re-encode the document; the bytes go out as they are, checked
            // against the schema here.
            let document = try Self.bridge(file.bytes, to: Components.Schemas.InvoiceDocument.self)
            context.facts.respond(body: ByteBuffer(bytes: file.bytes), contentType: file.contentType)
            return .ok(.init(body: .json(document)))
        }
    }

    /// A final document's JSON as issued, checked against the schema: from ``FinalInvoiceCache`` once read (a final
    /// document never changes); nil when there is no final document of that number.
    func issuedInvoice(number: String) async throws -> IssuedInvoice? {
        if let cached = finalInvoices[number] { return cached }
        guard let stored = try await StoredInvoice.issuedFile(number: number, format: .json, client),
            let period = BillingPeriod(stored.period)
        else {
            return nil
        }
        let invoice = IssuedInvoice(
            number: stored.number, period: period, businessUnit: stored.businessUnit, fileName: stored.file.name,
            contentType: stored.file.contentType, bytes: ByteBuffer(bytes: stored.file.bytes),
            document: try Self.bridge(stored.file.bytes, to: Components.Schemas.InvoiceDocument.self))
        finalInvoices.insert(invoice)
        return invoice
    }

    /// The units a caller may see of a period's invoices (or adjustments): by the BU tree of the period's current
    /// run; nothing for a limited caller when the period has no run.
    func invoiceScope(_ group: EndpointGroup, period: BillingPeriod) async throws -> BusinessUnitScope {
        let principal = try principal
        let access = AccessMatrix.access(principal.role, group)
        guard access == .scoped else { return BusinessUnitScope(principal: principal, access: access, nodes: []) }
        let run = try await AllocationRun.current(period: period, client)
        return BusinessUnitScope(principal: principal, access: access, nodes: run?.businessUnits?.nodes ?? [])
    }

    /// ``invoiceFormat(accepting:)`` of an `Accept` header value as the generated code parses it (JSON without one);
    /// nil when it is malformed or names no invoice format.
    static func invoiceFormat(acceptHeader: String?) -> InvoiceFormat? {
        guard let acceptHeader else { return .json }
        var accept: [AcceptHeaderContentType<Operations.GetInvoice.AcceptableContentType>] = []
        for component in acceptHeader.split(separator: ",") {
            // Trimmed as the generated code trims it.
            let trimmed = String(component.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
            guard let entry = AcceptHeaderContentType<Operations.GetInvoice.AcceptableContentType>(rawValue: trimmed)
            else {
                return nil
            }
            accept.append(entry)
        }
        return try? invoiceFormat(accepting: accept)
    }

    /// The format `Accept` asks for: the acceptable one of highest quality (JSON, then CSV, then HTML on a tie);
    /// JSON without `Accept` or for `*/*` and `application/*`, CSV for `text/*`.
    ///
    /// - Throws: ``APIProblem`` 406 when `Accept` names none of them.
    static func invoiceFormat(
        accepting accept: [AcceptHeaderContentType<Operations.GetInvoice.AcceptableContentType>]
    ) throws -> InvoiceFormat {
        guard !accept.isEmpty else { return .json }
        func format(_ contentType: Operations.GetInvoice.AcceptableContentType) -> InvoiceFormat? {
            switch contentType {
            case .json: .json
            case .csv: .csv
            case .html: .html
            case .applicationProblemJson: nil
            case .other(let text):
                switch text.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() {
                case "*/*", "application/*": .json
                case "text/*": .csv
                default: nil
                }
            }
        }
        let preference: [InvoiceFormat] = [.json, .csv, .html]
        let candidates = accept.compactMap { entry in
            format(entry.contentType).map { (format: $0, quality: entry.quality.doubleValue) }
        }.filter { $0.quality > 0 }
        guard
            let best = candidates.max(by: { lhs, rhs in
                lhs.quality != rhs.quality
                    ? lhs.quality < rhs.quality
                    : (preference.firstIndex(of: lhs.format) ?? 0) > (preference.firstIndex(of: rhs.format) ?? 0)
            })
        else {
            throw APIProblem(
                .notAcceptable, kind: "not-acceptable", title: "Not acceptable",
                detail: "an invoice is available as application/json, text/csv or text/html")
        }
        return best.format
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
