import AllotAPI
import AllotCore
import AllotStore
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Postgres

/// `GET /v1/invoices/{id}`: one invoice document as JSON, CSV or HTML by `Accept` — a final one as the bytes stored
/// when it was issued (its JSON's SHA-256 is recorded), a draft rendered from its period's current run — narrowed for
/// finance and reader tokens to the documents addressed to their units and descendants (another answers 404, as an
/// id never issued).
///
/// A hand-written route registered next to the generated ones (the generator leaves out the `documents` tag), so
/// that the bytes go out as they are: the generated code would re-encode the JSON. It runs behind the same
/// middlewares, keyed on the same ``RoutePolicy``.
struct DocumentRoute: Sendable {
    static let key = RouteKey(.get, "/v1/invoices/{id}")

    let client: PostgresClient
    /// Final documents' JSON, read and checked against the schema once.
    let finalInvoices: FinalInvoiceCache
    let logger: Logger

    func register(on router: Router<AppRequestContext>) {
        router.get(RouterPath(Self.key.template)) { request, context in
            try await respond(to: request, context: context)
        }
    }

    func respond(to request: Request, context: AppRequestContext) async throws -> Response {
        guard let principal = context.facts.principal else { throw APIProblem.internalError }
        guard let text = context.parameters.get("id"), text.utf8.count <= 140, let id = DocumentID(text) else {
            throw APIProblem.badRequest("id must be an invoice number (ALLOT-2026-000042) or a draft id (draft-12-web)", field: "id")
        }
        let format = try InvoiceFormat(accepting: request.headers[values: .accept].joined(separator: ","))
        let notFound = APIProblem.notFound("no invoice '\(id)'")
        let scope = { (period: BillingPeriod) in
            try await BusinessUnitScope.invoices(principal: principal, group: .invoicesRead, period: period, client: client)
        }
        let file: InvoiceFile
        switch id {
        case .final(let number) where format == .json:
            guard let invoice = try await issuedInvoice(number: number), try await scope(invoice.period).contains(invoice.businessUnit)
            else {
                throw notFound
            }
            return invoice.response()
        case .final(let number):
            guard let stored = try await StoredInvoice.issuedFile(number: number, format: format, client),
                let period = BillingPeriod(stored.period), try await scope(period).contains(stored.businessUnit)
            else {
                throw notFound
            }
            file = stored.file
        case .draft(let runId, let unit):
            guard let run = try await AllocationRun.find(id: runId, client), let period = BillingPeriod(run.period),
                try await AllocationRun.current(period: period, client)?.id == runId, try await scope(period).contains(unit)
            else {
                throw notFound
            }
            let documents: [InvoiceDocument]
            do {
                documents = try await Invoices(client: client, logger: context.logger).documents(period: period, bu: unit)
            } catch let error as InvoiceError where error.code == .unknownBusinessUnit || error.code == .noRun {
                throw notFound
            }
            // Once the period is closed its documents are the final ones, and the draft is no more.
            guard let document = documents.first, document.status == .draft, document.runId == runId else { throw notFound }
            file = try InvoiceExport.file(document, format: format)
            // A draft's JSON is checked against the contract's schema before it goes out.
            if format == .json { _ = try APIImplementation.bridge(file.bytes, to: Components.Schemas.InvoiceDocument.self) }
        }
        return Response(
            status: .ok, headers: [.contentType: file.contentType, .contentDisposition: "inline; filename=\"\(file.name)\""],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }

    /// A final document's JSON as issued, checked against the schema: from ``FinalInvoiceCache`` once read (a final
    /// document never changes); nil when there is no final document of that number.
    private func issuedInvoice(number: String) async throws -> IssuedInvoice? {
        if let cached = finalInvoices[number] { return cached }
        guard let stored = try await StoredInvoice.issuedFile(number: number, format: .json, client),
            let period = BillingPeriod(stored.period)
        else {
            return nil
        }
        _ = try APIImplementation.bridge(stored.file.bytes, to: Components.Schemas.InvoiceDocument.self)
        let invoice = IssuedInvoice(
            number: stored.number, period: period, businessUnit: stored.businessUnit, fileName: stored.file.name,
            contentType: stored.file.contentType, bytes: ByteBuffer(bytes: stored.file.bytes))
        finalInvoices.insert(invoice)
        return invoice
    }
}
