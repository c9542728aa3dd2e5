import AllotCore
import AllotTestSupport
import Foundation
import Postgres
import Testing

@testable import AllotStore

/// Draft invoices of a hand-built scenario (`InvoiceScenarioCUR`): one per BU, totals to the cent on each basis,
/// reconciliation, and exports read back by independent parsers.
@Suite struct InvoiceDocumentTests {
    private typealias Scenario = InvoiceScenarioCUR
    private static let june = BillingPeriod(year: 2026, month: 6) ?? RuleSets.beginning
    private static let issueDate = try? LocalDate(year: 2026, month: 7, day: 2)

    private func totals(_ documents: [InvoiceDocument]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: documents.map { ($0.businessUnit.id, $0.total.description) })
    }

    /// Σ of the documents' lines per organization.
    private func byOrganization(_ documents: [InvoiceDocument]) -> [String: Amount] {
        var sums: [String: Amount] = [:]
        for flat in documents.flatMap(\.flatLines) { sums[flat.organization.id, default: .zero] += flat.line.amount.amount }
        return sums
    }

    @Test(arguments: [
        // See InvoiceScenarioCUR for the hand computation.
        (CostBasis.amortized, ["web": "21.12", "data": "22.87", "central": "3.03"]),
        (CostBasis.unblended, ["web": "18.62", "data": "21.87", "central": "6.53"]),
    ])
    func everyBUGetsAnInvoiceThatAddsUp(basis: CostBasis, expected: [String: String]) async throws {
        try await TestDatabase.migrated { db in
            try await Scenario.prepare(db, configuration: Scenario.configuration(basis: basis))
            let documents = try await Scenario.invoices(db).drafts(period: Self.june, issueDate: Self.issueDate)
            #expect(documents.map(\.businessUnit.id) == ["web", "data", "central"])
            #expect(totals(documents) == expected)
            for document in documents {
                #expect(document.costBasis == basis.rawValue)
                #expect(document.flatLines.map(\.line.amount.amount).sum() == document.total.amount)
                #expect(document.organizations.map(\.subtotal.amount).sum() == document.total.amount)
                for organization in document.organizations {
                    #expect(organization.accounts.map(\.subtotal.amount).sum() == organization.subtotal.amount)
                }
            }
            // Σ BU invoices per organization = Σ line items on the basis, rounded half-even: 25.84, 18.68, 2.50.
            #expect(
                byOrganization(documents)
                    == ["wl-a": try Amount(parsing: "25.84"), "wl-b": try Amount(parsing: "18.68"), "mgmt": try Amount(parsing: "2.50")])
            let report = try await Scenario.invoices(db).reconcile(period: Self.june)
            #expect(report.holds, "\(report)")
            #expect(report.organizations.map(\.org) == ["mgmt", "wl-a", "wl-b"])
            #expect(report.organizations.map(\.awsTotal.description) == ["2.50", "25.84", "18.68"])
            // wl-a has two AWS invoices: 24.6093 and the tax invoice 1.2345.
            #expect(report.organizations[1].awsInvoices.map { "\($0.invoiceId ?? "-") \($0.unblended)" } == ["INV-A1 24.6093", "INV-A2 1.2345"])
            #expect(report.organizations.allSatisfy { $0.checks.map(\.basis) == ["unblended", "amortized"] })
            #expect(report.organizations[0].checks.map(\.source) == (basis == .amortized ? ["computed", "draft"] : ["draft", "computed"]))
        }
    }

    @Test func linesNameWhereCostsComeFrom() async throws {
        try await TestDatabase.migrated { db in
            try await Scenario.prepare(db)
            let documents = try await Scenario.invoices(db).drafts(period: Self.june, issueDate: Self.issueDate)
            let data = try #require(documents.first { $0.businessUnit.id == "data" })
            #expect(data.businessUnit.path.map(\.name) == ["Engineering", "Data"])
            #expect(data.organizations.map(\.name) == ["Management", "Workload A", "Workload B"])
            let shares = data.flatLines.compactMap(\.line.share).map { "\($0.rule) \($0.method) \($0.percent)" }
            #expect(shares == ["security even 33.33", "security even 33.33", "support fixed 30"])
            // wl-a for data: RDS 7.78 (it got the second leftover cent) and RI-covered EC2 1.00.
            let workloadA = try #require(data.organizations.first { $0.id == "wl-a" })
            #expect(workloadA.subtotal.description == "8.78")
            #expect(workloadA.accounts.flatMap(\.services).map { $0.productCode ?? "-" } == ["AmazonEC2", "AmazonRDS"])
            #expect(data.explanations.map(\.topic) == ["cost-basis", "shared:security", "shared:support", "rounding"])
            #expect(data.issueDate == "2026-07-02" && data.number == "DRAFT" && data.status == .draft)
        }
    }

    @Test func levelTopInvoicesTheWholeSubtree() async throws {
        try await TestDatabase.migrated { db in
            try await Scenario.prepare(db, configuration: Scenario.configuration(level: .top))
            let documents = try await Scenario.invoices(db).drafts(period: Self.june, issueDate: Self.issueDate)
            // engineering = web 21.12 + data 22.87 (the same lines, rounded the same way).
            #expect(totals(documents) == ["engineering": "43.99", "central": "3.03"])
            #expect(documents.first?.includedBusinessUnits == ["web", "data"])
        }
    }

    @Test func exportsReadBackWithTheSameTotals() async throws {
        try await TestDatabase.migrated { db in
            try await Scenario.prepare(db)
            let invoices = Scenario.invoices(db)
            let documents = try await invoices.drafts(period: Self.june, issueDate: Self.issueDate)

            let json = try await invoices.files(period: Self.june, format: .json, issueDate: Self.issueDate)
            #expect(json.map(\.name) == ["DRAFT-2026-06-web.json", "DRAFT-2026-06-data.json", "DRAFT-2026-06-central.json", "index.json"])
            #expect(try FileCheckErrors.none(try InvoiceFileCheck.schemaErrors(json.dropLast().map(\.text))))
            #expect(try json.dropLast().map { try InvoiceExport.document(json: $0.bytes) } == documents)

            let csv = try await invoices.files(period: Self.june, format: .csv, issueDate: Self.issueDate)
            let csvDirectory = try InvoiceFileCheck.write(csv)
            for (file, document) in zip(csv, documents) {
                let reading = try InvoiceFileCheck.readCSV(csvDirectory + "/" + file.name)
                #expect(reading.header == InvoiceCSV.columns)
                #expect(reading.rows == document.flatLines.count)
                #expect(reading.totals.mapValues { try? Amount(parsing: $0) } == ["DRAFT": document.total.amount])
            }

            let html = try await invoices.files(period: Self.june, format: .html, issueDate: Self.issueDate)
            let htmlDirectory = try InvoiceFileCheck.write(html)
            for (file, document) in zip(html, documents) {
                let reading = try InvoiceFileCheck.readHTML(htmlDirectory + "/" + file.name)
                #expect(reading.total == document.total.description)
                #expect(reading.subtotals == Dictionary(uniqueKeysWithValues: document.organizations.map { ($0.id, $0.subtotal.description) }))
                #expect(reading.title.hasPrefix("Invoice DRAFT · \(document.businessUnit.name) · 2026-06"))
            }
            #expect(html.last?.name == "index.html")
            #expect(html.last?.text.contains("href=\"DRAFT-2026-06-web.html\"") == true)
        }
    }

    @Test func errorsSayWhatToDo() async throws {
        try await TestDatabase.migrated { db in
            try await AllocationScenarioCUR.apply(Scenario.configuration(), to: db)
            let noRun = await #expect(throws: InvoiceError.self) { try await Scenario.invoices(db).drafts(period: Self.june) }
            #expect(noRun?.code == .noRun)
            #expect(noRun?.description == "2026-06 has no successful allocation run")
            #expect(noRun?.remedy == .allocate(period: "2026-06"))
            let closing = await #expect(throws: InvoiceError.self) {
                try await Scenario.invoices(db).close(period: Self.june, issuedBy: "tests")
            }
            #expect(closing?.code == .noRun)
            try await Scenario.prepare(db)
            let unknown = await #expect(throws: InvoiceError.self) {
                try await Scenario.invoices(db).documents(period: Self.june, bu: "marketing")
            }
            #expect(unknown?.code == .unknownBusinessUnit)
        }
    }
}

/// Turns schema errors into a readable expectation.
enum FileCheckErrors {
    static func none(_ errors: [[String]]) throws -> Bool {
        let all = errors.flatMap { $0 }
        if !all.isEmpty { Issue.record("schema errors: \(all.joined(separator: "; "))") }
        return all.isEmpty
    }
}
