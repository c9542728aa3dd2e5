import AllotCore
import Postgres

extension Invoices {
    /// The adjustments a closed period needs: per invoiced BU, the memo (as a draft) with every line whose rounded
    /// amount in the current run differs from what the final documents invoiced (the invoice plus earlier memos).
    /// Empty when the current run matches what was invoiced.
    ///
    /// - Throws: ``InvoiceError`` `notClosed` for an open period (its drafts simply follow the current run), `noRun`.
    public func adjustments(period: BillingPeriod, issueDate: LocalDate? = nil) async throws -> AdjustmentPreview {
        guard try await alreadyClosed(period) != nil else {
            throw InvoiceError(
                .notClosed, "\(period) is not closed: its invoices are drafts of the current run",
                remedy: .close(period: period.description, adjustments: false))
        }
        let run = try await currentRun(period)
        let inputs = try await inputs(run, issueDate: try issueDate ?? Self.today())
        return try await client.withConnection { connection in
            let issued = try await InvoiceRecords.issued(period: period, on: connection)
            return AdjustmentPreview(
                period: period.description, runId: run.id, invoicedRunId: issued.latestRun,
                staleRun: try await staleness(run, on: connection), memos: inputs.builder.memos(inputs.ledger, issued: issued))
        }
    }

    /// Issues the adjustments of a closed period (``adjustments(period:issueDate:)``) as final credit and debit memos,
    /// numbered in the same sequence as invoices and referencing the invoices they adjust; nothing when there is
    /// nothing to adjust.
    ///
    /// - Throws: ``InvoiceError`` `notClosed`, `noRun`, `staleRun` (allocate again after the new delivery first).
    public func issueAdjustments(period: BillingPeriod, issuedBy: String, issueDate: LocalDate? = nil) async throws -> CloseOutcome {
        let date = try issueDate ?? Self.today()
        guard try await alreadyClosed(period) != nil else {
            throw InvoiceError(.notClosed, "\(period) is not closed", remedy: .close(period: period.description, adjustments: false))
        }
        let run = try await currentRun(period)
        let inputs = try await inputs(run, issueDate: date)
        return try await issue(period: period, run: run, issuedBy: issuedBy) { connection in
            // Read what was invoiced under the lock, so that two of these at once cannot issue the same memo twice.
            let issued = try await InvoiceRecords.issued(period: period, on: connection)
            let memos = inputs.builder.memos(inputs.ledger, issued: issued)
            guard !memos.isEmpty else {
                return .nothing(
                    CloseOutcome(
                        status: "nothing-to-adjust", period: period.description, runId: run.id, documents: [],
                        message: Advice("nothing to adjust: run \(run.id) gives every BU of \(period) exactly what was invoiced")))
            }
            let numbers = try await InvoiceNumbering.reserve(memos.count, year: date.year, on: connection)
            var entries: [InvoiceIndexEntry] = []
            for (memo, number) in zip(memos, numbers) {
                let final = memo.finalized(number: number, issueDate: date.description)
                var adjustsId: Int? = nil
                if let original = final.adjusts {
                    adjustsId = try await InvoiceRecords.find(number: original.number, on: connection)?.id
                }
                _ = try await InvoiceRecords.insertFinal(final, adjustsId: adjustsId, issuedBy: issuedBy, on: connection)
                entries.append(InvoiceIndexEntry(final, file: final.fileName(.json)))
            }
            let credits = entries.filter { $0.kind == InvoiceDocument.Kind.creditMemo.rawValue }.count
            return .issued(
                CloseOutcome(
                    status: "adjusted", period: period.description, runId: run.id, documents: entries,
                    message: Advice(
                        "issued \(entries.count) adjustment\(entries.count == 1 ? "" : "s") for \(period) from run \(run.id) "
                            + "(\(credits) credit memo\(credits == 1 ? "" : "s"), \(entries.count - credits) debit memo\(entries.count - credits == 1 ? "" : "s"))")))
        }
    }
}

/// What `allot adjustments` shows: the memos a closed period needs to match its current run.
public struct AdjustmentPreview: Sendable, Hashable, Codable {
    public var period: String
    /// The current run the memos bring the invoiced amounts to.
    public var runId: Int
    /// The run the latest final document was computed from.
    public var invoicedRunId: Int?
    /// Why the current run does not describe the current deliveries, if it does not (then allocate first).
    public var staleRun: Advice?
    /// Draft memos, one per BU whose lines changed; empty when nothing changed.
    public var memos: [InvoiceDocument]

    enum CodingKeys: String, CodingKey {
        case period
        case runId = "run_id"
        case invoicedRunId = "invoiced_run_id"
        case staleRun = "stale_run"
        case memos
    }
}
