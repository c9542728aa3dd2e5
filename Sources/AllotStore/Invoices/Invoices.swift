import AllotCore
import Logging
import Postgres

/// Invoices per business unit: drafts of the current allocation run, closing a period (numbered, final,
/// immutable documents), adjustments after a restatement, exports and reconciliation. The library behind `allot
/// invoice`, `allot close`, `allot adjustments` and `allot reconcile`, and the API the HTTP server serves.
///
/// - An **open** period's documents are drafts, computed from its current run whenever asked for (nothing stored).
/// - ``close(period:issuedBy:issueDate:)`` issues the current run's invoices as final documents with numbers from
///   the gap-free yearly sequence; a closed period's documents are read back exactly as issued.
/// - After AWS restates a closed period and it is allocated again, ``adjustments(period:issueDate:)`` shows the
///   memos that would bring the invoiced amounts in line, and ``issueAdjustments(period:issuedBy:issueDate:)``
///   issues them. Final documents are never changed (the database refuses it).
/// - ``reconcile(period:)`` checks the BU invoices against the AWS invoices and the line items on each basis.
///
/// Documents are `Codable` values (`schemas/invoice.schema.json`); exports are ``InvoiceFile``s (bytes with a
/// content type).
public struct Invoices: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// The documents of a period, optionally of one BU: the final ones (invoices and memos, in issue order) once
    /// the period is closed, else the drafts of its current run.
    ///
    /// - Throws: ``InvoiceError`` `noRun` for an open period without a successful run, `unknownBusinessUnit` when
    ///   `bu` has no document.
    public func documents(period: BillingPeriod, bu: String? = nil, issueDate: LocalDate? = nil) async throws -> [InvoiceDocument] {
        let stored = try await client.withConnection { try await InvoiceRecords.finals(period: period, bu: bu, on: $0) }
        let closed = try await client.withConnection { try await InvoiceRecords.close(period: period, on: $0) } != nil
        let documents: [InvoiceDocument]
        if closed {
            documents = try stored.map { try $0.document() }
        } else {
            documents = try await drafts(period: period, issueDate: issueDate).filter { bu == nil || $0.businessUnit.id == bu }
        }
        if let bu, documents.isEmpty { throw unknownBusinessUnit(bu, period: period) }
        return documents
    }

    /// The draft invoices of the period's current run, one per invoiced BU (also for a closed period: what its
    /// invoices would be now).
    public func drafts(period: BillingPeriod, issueDate: LocalDate? = nil) async throws -> [InvoiceDocument] {
        let inputs = try await inputs(try await currentRun(period), issueDate: try issueDate ?? Self.today())
        return inputs.builder.invoices(inputs.ledger)
    }

    /// The export of a period: one file per document (stored renderings once closed) and an index file, last.
    public func files(
        period: BillingPeriod, bu: String? = nil, format: InvoiceFormat, issueDate: LocalDate? = nil
    ) async throws -> [InvoiceFile] {
        let closed = try await client.withConnection { try await InvoiceRecords.close(period: period, on: $0) } != nil
        var files: [InvoiceFile] = []
        var entries: [InvoiceIndexEntry] = []
        if closed {
            let stored = try await client.withConnection { try await InvoiceRecords.finals(period: period, bu: bu, on: $0) }
            for invoice in stored {
                let file = try invoice.file(format)
                files.append(file)
                entries.append(try invoice.indexEntry(file: file.name))
            }
        } else {
            for document in try await documents(period: period, bu: bu, issueDate: issueDate) {
                let file = try InvoiceExport.file(document, format: format)
                files.append(file)
                entries.append(InvoiceIndexEntry(document, file: file.name))
            }
        }
        if let bu, files.isEmpty { throw unknownBusinessUnit(bu, period: period) }
        let title = "Invoices \(period)\(bu.map { " · \($0)" } ?? "")\(closed ? "" : " (drafts)")"
        return files + [try InvoiceExport.index(entries, format: format, title: title)]
    }

    /// A final document by number, in `format`, exactly as issued.
    ///
    /// - Throws: ``InvoiceError`` `notFound`.
    public func file(number: String, format: InvoiceFormat) async throws -> InvoiceFile {
        guard let stored = try await client.withConnection({ try await InvoiceRecords.find(number: number, on: $0) }) else {
            throw InvoiceError(.notFound, "no final invoice or memo numbered \(number)")
        }
        return try stored.file(format)
    }

    /// A period's invoicing at a glance.
    ///
    /// - Throws: ``InvoiceError`` `noRun` for an open period without a successful run.
    public func summary(period: BillingPeriod, issueDate: LocalDate? = nil) async throws -> InvoicePeriodSummary {
        let current = try await AllocationRun.current(period: period, client)
        let (close, stored, stale) = try await client.withConnection { connection in
            var stale: Advice? = nil
            if let current { stale = try await staleness(current, on: connection) }
            return (
                try await InvoiceRecords.close(period: period, on: connection),
                try await InvoiceRecords.finals(period: period, on: connection), stale
            )
        }
        var summary = InvoicePeriodSummary(
            period: period.description, status: close == nil ? "open" : "closed", currentRunId: current?.id,
            closedRunId: close?.runId, closedAt: close?.closedAt, closedBy: close?.closedBy, latestIssuedRunId: stored.last?.runId,
            staleRun: stale, newerRun: false, documents: [])
        if let close {
            summary.documents = try stored.map { try $0.indexEntry(file: try $0.file(.json).name) }
            summary.newerRun = current.map { $0.id != (stored.last?.runId ?? close.runId) } ?? false
        } else {
            summary.documents = try await drafts(period: period, issueDate: issueDate).map {
                InvoiceIndexEntry($0, file: $0.fileName(.json))
            }
        }
        return summary
    }

    private func unknownBusinessUnit(_ bu: String, period: BillingPeriod) -> InvoiceError {
        InvoiceError(.unknownBusinessUnit, "no invoice for BU '\(bu)' in \(period)", remedy: .listInvoices(period: period.description))
    }
}
