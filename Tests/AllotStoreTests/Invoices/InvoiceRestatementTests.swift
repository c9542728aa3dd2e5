import AllotCore
import AllotTestSupport
import Postgres
import Testing

@testable import AllotStore

/// Close → AWS restates the month (a late credit) → re-allocate: the final invoices stay byte for byte, and the
/// adjustment memos carry exactly the credit's effect per BU.
@Suite struct InvoiceRestatementTests {
    private typealias Scenario = InvoiceScenarioCUR
    private static let june = BillingPeriod(year: 2026, month: 6) ?? RuleSets.beginning

    /// Every export of the period, by file name.
    private func exports(_ invoices: Invoices) async throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for format in [InvoiceFormat.json, .csv, .html] {
            for file in try await invoices.files(period: Self.june, format: format) where !file.name.hasPrefix("index.") {
                files[file.name] = file.bytes
            }
        }
        return files
    }

    @Test func aLateCreditBecomesACreditMemoAndNothingIsRewritten() async throws {
        try await TestDatabase.migrated { db in
            try await Scenario.prepare(db)
            let invoices = Scenario.invoices(db)
            _ = try await invoices.close(period: Self.june, issuedBy: "tests", issueDate: try LocalDate(year: 2026, month: 7, day: 3))
            let before = try await exports(invoices)
            #expect(before.count == 9)

            // AWS re-delivers wl-a with a late credit of −1.25 on data's RDS account, and the month is allocated again.
            let restated = try await db.ingest([try Scenario.write(org: "wl-a", period: "2026-06", extra: [Scenario.lateCredit])], create: false)
            #expect(!restated.isUnchanged)
            let stalePreview = try await invoices.adjustments(period: Self.june)
            #expect(stalePreview.staleRun?.message.contains("the deliveries of wl-a changed after it ran") == true)
            #expect(stalePreview.staleRun?.remedy == .allocate(period: "2026-06"))
            let refused = await #expect(throws: InvoiceError.self) {
                try await invoices.issueAdjustments(period: Self.june, issuedBy: "tests")
            }
            #expect(refused?.code == .staleRun)
            let run = try await Scenario.allocate("2026-06", db)

            // The final documents did not change, byte for byte.
            #expect(try await exports(invoices) == before)
            let summary = try await invoices.summary(period: Self.june)
            #expect(summary.newerRun && summary.currentRunId == run.id)
            // Issued documents no longer match the line items of wl-a: 25.84 invoiced, 24.59 now.
            let pending = try await invoices.reconcile(period: Self.june)
            #expect(!pending.holds)
            let workloadA = try #require(pending.organizations.first { $0.org == "wl-a" })
            #expect(workloadA.checks.first { $0.basis == "amortized" }.map { "\($0.invoiced) \($0.expected) \($0.difference)" } == "25.84 24.59 1.25")
            #expect(pending.problems == [Advice("the issued documents differ from run \(run.id)", remedy: .adjustments(period: "2026-06"))])

            // One credit memo, for data, with exactly the credit: every other line rounds as before (the credit is
            // whole cents, so no remainder moves).
            let preview = try await invoices.adjustments(period: Self.june, issueDate: try LocalDate(year: 2026, month: 8, day: 5))
            #expect(preview.staleRun == nil)
            #expect(preview.memos.map(\.businessUnit.id) == ["data"])
            let memo = try #require(preview.memos.first)
            #expect(memo.kind == .creditMemo && memo.total.description == "-1.25" && memo.number == "DRAFT")
            #expect(memo.adjusts?.number == "ALLOT-2026-000002")
            #expect(
                memo.flatLines.map {
                    "\($0.organization.id) \($0.account.id) \($0.service.productCode ?? "-") \($0.line.category) "
                        + "\($0.line.previousAmount?.description ?? "") → \($0.line.currentAmount?.description ?? "") = \($0.line.amount)"
                } == ["wl-a 200000000002 AmazonRDS credit 0.00 → -1.25 = -1.25"])

            let issued = try await invoices.issueAdjustments(period: Self.june, issuedBy: "tests", issueDate: try LocalDate(year: 2026, month: 8, day: 5))
            #expect(issued.status == "adjusted")
            #expect(issued.documents.map { "\($0.number) \($0.kind) \($0.businessUnit) \($0.total) \($0.adjusts ?? "")" }
                == ["ALLOT-2026-000004 credit-memo data -1.25 ALLOT-2026-000002"])
            // The invoices are still byte for byte what they were; the memo is a new document.
            let after = try await exports(invoices)
            #expect(after.filter { before[$0.key] != nil } == before)
            #expect(Set(after.keys).subtracting(before.keys) == ["ALLOT-2026-000004-data.json", "ALLOT-2026-000004-data.csv", "ALLOT-2026-000004-data.html"])
            let memoJSON = try await invoices.file(number: "ALLOT-2026-000004", format: .json)
            #expect(try FileCheckErrors.none(try InvoiceFileCheck.schemaErrors([memoJSON.text])))

            // Invoices + memos reconcile again, and a second round has nothing to do.
            let report = try await invoices.reconcile(period: Self.june)
            #expect(report.holds, "\(report)")
            #expect(report.organizations.first { $0.org == "wl-a" }?.checks.first { $0.basis == "amortized" }?.source == "issued")
            #expect(try await invoices.adjustments(period: Self.june).memos.isEmpty)
            let nothing = try await invoices.issueAdjustments(period: Self.june, issuedBy: "tests")
            #expect(nothing.status == "nothing-to-adjust" && nothing.documents.isEmpty)
            #expect(try await invoices.documents(period: Self.june, bu: "data").map(\.number) == ["ALLOT-2026-000002", "ALLOT-2026-000004"])
        }
    }

    @Test func adjustmentsNeedAClosedPeriod() async throws {
        try await TestDatabase.migrated { db in
            try await Scenario.prepare(db)
            let error = await #expect(throws: InvoiceError.self) { try await Scenario.invoices(db).adjustments(period: Self.june) }
            #expect(error?.code == .notClosed)
        }
    }
}
