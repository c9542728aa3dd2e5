import AllotCore
import AllotTestSupport
import Postgres
import Testing

@testable import AllotStore

/// `allot close`: final numbered documents, a second close that does nothing, immutability in the database, and
/// gap-free numbering when closes run at the same time.
@Suite struct InvoiceCloseTests {
    private typealias Scenario = InvoiceScenarioCUR
    private static let june = BillingPeriod(year: 2026, month: 6) ?? RuleSets.beginning
    private static let issueDate = try? LocalDate(year: 2026, month: 7, day: 3)

    @Test func closeIssuesNumberedFinalInvoicesOnce() async throws {
        try await TestDatabase.migrated { db in
            let runs = try await Scenario.prepare(db)
            let invoices = Scenario.invoices(db)
            let drafts = try await invoices.drafts(period: Self.june, issueDate: Self.issueDate)
            let outcome = try await invoices.close(period: Self.june, issuedBy: "tests", issueDate: Self.issueDate)
            #expect(outcome.status == "closed")
            #expect(outcome.runId == runs.first?.id)
            #expect(outcome.documents.map(\.number) == ["ALLOT-2026-000001", "ALLOT-2026-000002", "ALLOT-2026-000003"])
            #expect(outcome.documents.map(\.businessUnit) == ["web", "data", "central"])
            #expect(outcome.message.description == "closed 2026-06 with run \(runs.first?.id ?? 0): 3 invoices (ALLOT-2026-000001 … ALLOT-2026-000003)")

            // The final documents are the drafts with a number, status and issue date; nothing else changed.
            let finals = try await invoices.documents(period: Self.june)
            #expect(finals.map(\.status) == [.final, .final, .final])
            #expect(zip(finals, drafts).allSatisfy { final, draft in
                var unnumbered = final
                unnumbered.status = .draft
                unnumbered.number = InvoiceDocument.draftNumber
                return unnumbered == draft
            })

            let again = try await invoices.close(period: Self.june, issuedBy: "tests", issueDate: Self.issueDate)
            #expect(again.status == "already-closed")
            #expect(again.documents.isEmpty)
            #expect(again.message.message.hasPrefix("2026-06 is already closed (run \(runs.first?.id ?? 0), "))
            #expect(again.message.remedy == .close(period: "2026-06", adjustments: true))
            #expect(try await db.client.query("SELECT last FROM invoice_sequences WHERE year = 2026").singleValue(Int.self) == 3)

            let summary = try await invoices.summary(period: Self.june)
            #expect(summary.status == "closed" && summary.closedBy == "tests" && !summary.newerRun)
            #expect(summary.documents.map(\.file) == ["ALLOT-2026-000001-web.json", "ALLOT-2026-000002-data.json", "ALLOT-2026-000003-central.json"])
            // Final JSON documents match the schema.
            let files = try await invoices.files(period: Self.june, format: .json)
            #expect(try FileCheckErrors.none(try InvoiceFileCheck.schemaErrors(files.dropLast().map(\.text))))
            #expect(try await invoices.file(number: "ALLOT-2026-000002", format: .json) == files[1])
        }
    }

    @Test func finalInvoicesCannotBeChangedThroughSQL() async throws {
        try await TestDatabase.migrated { db in
            try await Scenario.prepare(db)
            _ = try await Scenario.invoices(db).close(period: Self.june, issuedBy: "tests", issueDate: Self.issueDate)
            let attempts: [(sql: String, message: String)] = [
                ("UPDATE invoices SET total = 0 WHERE number = 'ALLOT-2026-000001'",
                 "invoice ALLOT-2026-000001 is final and cannot be changed; a correction is issued as an adjustment memo"),
                ("UPDATE invoices SET status = 'draft' WHERE number = 'ALLOT-2026-000001'", "invoice ALLOT-2026-000001 is final and cannot be changed"),
                ("DELETE FROM invoices WHERE number = 'ALLOT-2026-000002'", "invoice ALLOT-2026-000002 is final and cannot be deleted"),
                ("UPDATE invoice_lines SET amount = amount + 1", "is final and its lines cannot be changed"),
                ("DELETE FROM invoice_lines", "is final and its lines cannot be changed"),
                ("INSERT INTO invoice_lines (invoice_id, position, bu_id, org_id, account_id, category, amount) "
                    + "SELECT id, 99, 'web', 'wl-a', '1', 'usage', 1 FROM invoices WHERE number = 'ALLOT-2026-000001'",
                 "invoice ALLOT-2026-000001 is final and its lines cannot be changed"),
                ("TRUNCATE invoices, invoice_lines", "TRUNCATE of invoice"),
                ("UPDATE invoice_sequences SET last = 0", "UPDATE of invoice_sequences is not allowed"),
                ("DELETE FROM invoice_closes", "DELETE of invoice_closes is not allowed"),
            ]
            let before = try await db.client.query("SELECT md5(string_agg(document, '' ORDER BY id)) FROM invoices").singleValue(String.self)
            // The triggers hold against the tables' owner; the application's role is refused most of these before
            // they reach a trigger (DatabaseRoleTests).
            try await db.withOwnerClient { owner in
                for attempt in attempts {
                    let error = await #expect(throws: PostgresError.self) { try await owner.execute(attempt.sql) }
                    #expect(error?.sqlState == "23000", "\(attempt.sql)")
                    #expect(error?.message.contains(attempt.message) == true, "\(attempt.sql): \(error?.message ?? "no error")")
                }
            }
            let after = try await db.client.query("SELECT md5(string_agg(document, '' ORDER BY id)) FROM invoices").singleValue(String.self)
            #expect(before == after)
            #expect(try await db.client.query("SELECT count(*) FROM invoice_lines").singleValue(Int.self) > 0)
        }
    }

    /// A session's temporary `invoices` comes first in its search_path; the trigger on the lines must still read the
    /// real one (migrations/0010) and refuse a line added to a final invoice by the application's role.
    @Test func aTemporaryTableCannotStandInForTheInvoices() async throws {
        try await TestDatabase.migrated(maxConnections: 1) { db in
            try await Scenario.prepare(db)
            _ = try await Scenario.invoices(db).close(period: Self.june, issuedBy: "tests", issueDate: Self.issueDate)
            let error = await #expect(throws: PostgresError.self) {
                try await db.client.withConnection { connection in
                    try await connection.execute("CREATE TEMPORARY TABLE invoices (id bigint, number text, status text)")
                    try await connection.execute(
                        "INSERT INTO invoice_lines (invoice_id, position, bu_id, org_id, account_id, category, amount) "
                            + "SELECT id, 99, 'web', 'wl-a', '1', 'usage', 1 FROM public.invoices WHERE number = 'ALLOT-2026-000001'")
                }
            }
            #expect(error?.sqlState == "23000")
            #expect(error?.message.contains("invoice ALLOT-2026-000001 is final and its lines cannot be changed") == true)
        }
    }

    @Test func concurrentClosesGetConsecutiveNumbers() async throws {
        try await TestDatabase.migrated(maxConnections: 8) { db in
            let periods = ["2026-06", "2026-07", "2026-08"]
            try await Scenario.prepare(db, periods: periods)
            // A close that fails (the run is stale: a new delivery arrived) reserves nothing.
            _ = try await db.ingest([try Scenario.write(org: "wl-a", period: "2026-09")], create: false)
            _ = try await db.ingest([try Scenario.write(org: "wl-b", period: "2026-09")], create: false)
            _ = try await Scenario.allocate("2026-09", db)
            _ = try await db.ingest([try Scenario.write(org: "mgmt", period: "2026-09")], create: false)
            let stale = await #expect(throws: InvoiceError.self) {
                try await Scenario.invoices(db).close(period: try BillingPeriod(parsing: "2026-09"), issuedBy: "tests", issueDate: Self.issueDate)
            }
            #expect(stale?.code == .staleRun)
            #expect(stale?.description.contains("it did not allocate mgmt") == true)

            // Three closes at once, each on its own client.
            let outcomes = try await withThrowingTaskGroup(of: CloseOutcome.self) { group in
                for period in periods {
                    let client = db.makeClient(maxConnections: 3)
                    group.addTask {
                        let result: Result<CloseOutcome, any Error>
                        do {
                            result = .success(
                                try await Invoices(client: client, logger: TestDatabase.logger)
                                    .close(period: try BillingPeriod(parsing: period), issuedBy: "tests", issueDate: Self.issueDate))
                        } catch {
                            result = .failure(error)
                        }
                        await client.close()
                        return try result.get()
                    }
                }
                var outcomes: [CloseOutcome] = []
                for try await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            let numbers = outcomes.flatMap { $0.documents.map(\.number) }.sorted()
            #expect(numbers == (1...9).map { InvoiceNumbering.format(year: 2026, number: $0) })
            // Each close got a block of consecutive numbers.
            for outcome in outcomes {
                let sequence = outcome.documents.compactMap { Int($0.number.suffix(6)) }
                #expect(sequence == Array((sequence.first ?? 0)..<((sequence.first ?? 0) + 3)), "\(outcome.period): \(sequence)")
            }
            #expect(try await db.client.query("SELECT last FROM invoice_sequences WHERE year = 2026").singleValue(Int.self) == 9)
            let stored = try await db.client.query("SELECT number FROM invoices ORDER BY number").map { try $0.decode(String.self, "number") }
            #expect(stored == numbers)
        }
    }

    @Test func aNewYearStartsANewSequence() async throws {
        try await TestDatabase.migrated { db in
            try await Scenario.prepare(db, periods: ["2026-11", "2026-12"])
            let invoices = Scenario.invoices(db)
            let november = try await invoices.close(
                period: try BillingPeriod(parsing: "2026-11"), issuedBy: "tests", issueDate: try LocalDate(year: 2026, month: 12, day: 2))
            let december = try await invoices.close(
                period: try BillingPeriod(parsing: "2026-12"), issuedBy: "tests", issueDate: try LocalDate(year: 2027, month: 1, day: 4))
            #expect(november.documents.map(\.number) == ["ALLOT-2026-000001", "ALLOT-2026-000002", "ALLOT-2026-000003"])
            #expect(december.documents.map(\.number) == ["ALLOT-2027-000001", "ALLOT-2027-000002", "ALLOT-2027-000003"])
        }
    }
}
