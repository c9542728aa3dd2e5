import AllotCore
import Logging
import Postgres

extension Invoices {
    /// Closes a period: issues the current run's invoices as final documents, numbered from the gap-free sequence of
    /// the year of issue, and records the close — all in one transaction. Closing a closed period does nothing and
    /// says so.
    ///
    /// - Parameters:
    ///   - issuedBy: who closes (`cli:<user>`, `token:<name>`), recorded with the documents.
    ///   - issueDate: the issue date (UTC today by default); its year names the sequence.
    /// - Throws: ``InvoiceError`` `noRun` without a successful run, `staleRun` when the period's deliveries changed
    ///   after the current run (allocate again first).
    public func close(period: BillingPeriod, issuedBy: String, issueDate: LocalDate? = nil) async throws -> CloseOutcome {
        let date = try issueDate ?? Self.today()
        if let outcome = try await alreadyClosed(period) { return outcome }
        let run = try await currentRun(period)
        let inputs = try await inputs(run, issueDate: date)
        let drafts = inputs.builder.invoices(inputs.ledger)
        return try await issue(period: period, run: run, issuedBy: issuedBy) { connection in
            if let outcome = try await alreadyClosed(period, on: connection) { return .nothing(outcome) }
            let numbers = try await InvoiceNumbering.reserve(drafts.count, year: date.year, on: connection)
            var entries: [InvoiceIndexEntry] = []
            for (draft, number) in zip(drafts, numbers) {
                let final = draft.finalized(number: number, issueDate: date.description)
                _ = try await InvoiceRecords.insertFinal(final, adjustsId: nil, issuedBy: issuedBy, on: connection)
                entries.append(InvoiceIndexEntry(final, file: final.fileName(.json)))
            }
            try await InvoiceRecords.recordClose(period: period, runId: run.id, closedBy: issuedBy, on: connection)
            let range = numbers.first.map { first in numbers.count == 1 ? first : "\(first) … \(numbers.last ?? first)" }
            return .issued(
                CloseOutcome(
                    status: "closed", period: period.description, runId: run.id, documents: entries,
                    message: Advice(
                        "closed \(period) with run \(run.id): \(entries.count) invoice\(entries.count == 1 ? "" : "s")"
                            + (range.map { " (\($0))" } ?? ""))))
        }
    }

    /// What a close's transaction produced.
    enum IssueResult: Sendable {
        case issued(CloseOutcome)
        case nothing(CloseOutcome)

        var outcome: CloseOutcome {
            switch self {
            case .issued(let outcome), .nothing(let outcome): outcome
            }
        }
    }

    /// Runs `body` in one transaction holding the period's invoicing lock, after checking that `run` is still the
    /// period's current run and describes its current deliveries.
    func issue(
        period: BillingPeriod, run: AllocationRun, issuedBy: String,
        _ body: (PostgresConnection) async throws -> IssueResult
    ) async throws -> CloseOutcome {
        let result = try await client.withConnection { connection in
            try await connection.withTransaction { transaction in
                try await transaction.execute("SELECT pg_advisory_xact_lock($1)", [Self.lockKey(period)])
                let newest = try await transaction.query(
                    """
                    SELECT id FROM allocation_runs WHERE billing_period = $1::date AND status = 'succeeded'
                    ORDER BY id DESC LIMIT 1
                    """, [period]
                ).first?.decode(Int.self, "id")
                guard newest == run.id else {
                    throw InvoiceError(.staleRun, "a new allocation run of \(period) finished meanwhile; try again")
                }
                if let stale = try await staleness(run, on: transaction) { throw InvoiceError(.staleRun, stale) }
                return try await body(transaction)
            }
        }
        if case .issued(let outcome) = result {
            logger.info(
                "invoices issued",
                metadata: ["period": "\(period)", "run": "\(run.id)", "documents": "\(outcome.documents.count)", "by": "\(issuedBy)"])
        }
        return result.outcome
    }

    /// The outcome of closing a closed period, or nil when it is open.
    func alreadyClosed(_ period: BillingPeriod, on connection: PostgresConnection? = nil) async throws -> CloseOutcome? {
        let lookup: (PostgresConnection) async throws -> InvoiceRecords.Close? = { try await InvoiceRecords.close(period: period, on: $0) }
        let close: InvoiceRecords.Close?
        if let connection { close = try await lookup(connection) } else { close = try await client.withConnection(lookup) }
        guard let close else { return nil }
        return CloseOutcome(
            status: "already-closed", period: period.description, runId: close.runId, documents: [],
            message: Advice(
                "\(period) is already closed (run \(close.runId), \(close.closedAt) by \(close.closedBy)); nothing was issued. "
                    + "After a restatement, allocate again and issue adjustments",
                remedy: .close(period: period.description, adjustments: true)))
    }

    /// The advisory lock every issue of a period's documents takes (FNV-1a of the period).
    static func lockKey(_ period: BillingPeriod) -> Int64 {
        advisoryLockKey("allot-invoice", period)
    }
}
