import AllotAPI
import AllotCore
import AllotServer
import AllotStore
import AllotTestSupport
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationEssentialsCompat
import Postgres
import Testing

/// `GET /v1/invoices`, `GET /v1/invoices/{id}` in three formats, `POST /v1/periods/{period}/close`, and a
/// restatement through adjustments and reconciliation — the monthly close, end to end over HTTP.
@Suite struct InvoiceTests {
    static let june = BillingPeriod(year: 2026, month: 6) ?? RuleSets.beginning

    static func page(_ response: TestResponse) throws -> Components.Schemas.InvoicePage {
        try response.decode(Components.Schemas.InvoicePage.self)
    }

    @Test func draftsListedAndRenderedByAccept() async throws {
        try await InvoiceScenario.with { fixture, app in
            try await app.test(.router) { client in
                let none = try await client.execute(uri: "/v1/invoices?period=2026-06", method: .get, headers: fixture.headers("admin"))
                #expect(none.status == .notFound)

                let run = try await InvoiceScenario.prepare(client, fixture)
                let response = try await client.execute(uri: "/v1/invoices?period=2026-06", method: .get, headers: fixture.headers("admin"))
                #expect(response.status == .ok)
                let page = try Self.page(response)
                #expect(page.status == .open)
                #expect(page.currentRunId == run.id)
                #expect(page.closedAt == nil)
                #expect(!page.newerRun)
                // The scenario's rounded totals per BU: web 21.12, data 22.87, central 3.03.
                #expect(
                    page.items.map { "\($0.id) \($0.number) \($0.status.rawValue) \($0.kind.rawValue) \($0.total) \($0.currency)" } == [
                        "draft-\(run.id)-web DRAFT draft invoice 21.12 USD", "draft-\(run.id)-data DRAFT draft invoice 22.87 USD",
                        "draft-\(run.id)-central DRAFT draft invoice 3.03 USD",
                    ])

                // Pages of two, then one.
                let first = try Self.page(
                    try await client.execute(uri: "/v1/invoices?period=2026-06&limit=2", method: .get, headers: fixture.headers("admin")))
                #expect(first.items.map(\.businessUnit) == ["web", "data"])
                let cursor = try #require(first.nextCursor)
                let second = try Self.page(
                    try await client.execute(
                        uri: "/v1/invoices?period=2026-06&limit=2&cursor=\(cursor)", method: .get, headers: fixture.headers("admin")))
                #expect(second.items.map(\.businessUnit) == ["central"])
                #expect(second.nextCursor == nil)
                let filtered = try Self.page(
                    try await client.execute(uri: "/v1/invoices?period=2026-06&bu=data", method: .get, headers: fixture.headers("admin")))
                #expect(filtered.items.map(\.id) == ["draft-\(run.id)-data"])

                // The three renderings are those of `allot invoice export`.
                let drafts = try await Invoices(client: fixture.client, logger: TestDatabase.logger).drafts(period: Self.june)
                let web = try #require(drafts.first { $0.businessUnit.id == "web" })
                let uri = "/v1/invoices/draft-\(run.id)-web"
                for (accept, format) in [
                    (nil, InvoiceFormat.json), ("application/json", .json), ("*/*", .json), ("text/csv", .csv), ("text/html", .html),
                    ("text/html;q=0.5, text/csv", .csv), ("application/xml, text/*;q=0.2", .csv),
                ] as [(String?, InvoiceFormat)] {
                    var headers: HTTPFields = [:]
                    if let accept { headers[.accept] = accept }
                    let rendered = try await client.execute(uri: uri, method: .get, headers: fixture.headers("admin", headers))
                    #expect(rendered.status == .ok, "\(accept ?? "no Accept")")
                    let expected = try InvoiceExport.file(web, format: format)
                    #expect(rendered.headers[.contentType] == expected.contentType, "\(accept ?? "no Accept")")
                    #expect(Array(buffer: rendered.body) == expected.bytes, "\(accept ?? "no Accept")")
                    #expect(rendered.headers[.contentDisposition] == "inline; filename=\"\(expected.name)\"")
                }
                let json = try await client.execute(uri: uri, method: .get, headers: fixture.headers("admin"))
                let document = try json.decode(Components.Schemas.InvoiceDocument.self)
                #expect(document.status == .draft && document.number == "DRAFT" && document.total == "21.12")
                #expect(document.runId == run.id)
                #expect(document.businessUnit.path.map(\.id) == ["engineering", "web"])

                let unacceptable = try await client.execute(
                    uri: uri, method: .get, headers: fixture.headers("admin", [.accept: "application/xml"]))
                #expect(unacceptable.status == .notAcceptable)
                #expect(unacceptable.headers[.contentType] == "application/problem+json")
                for missing in ["draft-\(run.id)-nowhere", "draft-\(run.id + 1)-web", "ALLOT-2026-000001"] {
                    let response = try await client.execute(uri: "/v1/invoices/\(missing)", method: .get, headers: fixture.headers("admin"))
                    #expect(response.status == .notFound, "\(missing)")
                    #expect(response.problem?.detail == "no invoice '\(missing)'")
                }
                for malformed in ["draft-x-web", "ALLOT-26-1", "web", "draft-1-Web"] {
                    let response = try await client.execute(uri: "/v1/invoices/\(malformed)", method: .get, headers: fixture.headers("admin"))
                    #expect(response.status == .badRequest, "\(malformed)")
                }
                // A newer run: the old drafts are gone, the new ones have ids of their own.
                let newer = try await InvoiceScenario.allocate(client, fixture)
                let stale = try await client.execute(uri: uri, method: .get, headers: fixture.headers("admin"))
                #expect(stale.status == .notFound)
                let fresh = try await client.execute(uri: "/v1/invoices/draft-\(newer.id)-web", method: .get, headers: fixture.headers("admin"))
                #expect(fresh.status == .ok)
                // planners read costs, not invoices.
                let planner = try await client.execute(uri: "/v1/invoices?period=2026-06", method: .get, headers: fixture.headers("planner"))
                #expect(planner.status == .forbidden)
            }
        }
    }

    @Test func closeRestateAdjustAndReconcile() async throws {
        try await InvoiceScenario.with { fixture, app in
            try await app.test(.router) { client in
                let admin = fixture.headers("admin")
                let early = try await client.execute(uri: "/v1/periods/2026-06/close", method: .post, headers: admin)
                #expect(early.status == .unprocessableContent)
                #expect(early.problem?._type == "urn:allot:problem:no-run")

                let run = try await InvoiceScenario.prepare(client, fixture)
                let notClosed = try await client.execute(uri: "/v1/adjustments?period=2026-06", method: .get, headers: admin)
                #expect(notClosed.status == .conflict)
                #expect(notClosed.problem?._type == "urn:allot:problem:not-closed")
                let open = try await client.execute(uri: "/v1/reconciliation?period=2026-06", method: .get, headers: admin)
                let draftReport = try open.decode(Components.Schemas.InvoiceReconciliation.self)
                #expect(draftReport.holds && !draftReport.closed && draftReport.runId == run.id)
                let workloadA = try #require(draftReport.organizations.first { $0.org == "wl-a" })
                // INV-A1: 10.004 + 3.3333 + 0 + 7.777 + 0 + 4.0 − 0.505 = 24.6093; INV-A2: the tax, 1.2345.
                #expect(workloadA.awsInvoices.map { "\($0.invoiceId ?? "-") \($0.unblended) \($0.rounded)" } == ["INV-A1 24.6093 24.61", "INV-A2 1.2345 1.23"])
                #expect(workloadA.awsTotal == "25.84")
                #expect(
                    workloadA.checks.map { "\($0.basis.rawValue) \($0.source.rawValue) \($0.invoiced) \($0.expected) \($0.holds)" } == [
                        "unblended computed 25.84 25.84 true", "amortized draft 25.84 25.84 true",
                    ])

                // Only admins close.
                let refused = try await client.execute(uri: "/v1/periods/2026-06/close", method: .post, headers: fixture.headers("finance"))
                #expect(refused.status == .forbidden)
                let closed = try await client.execute(uri: "/v1/periods/2026-06/close", method: .post, headers: admin)
                #expect(closed.status == .ok, "\(closed.text)")
                let outcome = try closed.decode(Components.Schemas.CloseOutcome.self)
                #expect(outcome.status == .closed)
                #expect(outcome.runId == run.id)
                let year = String(try Invoices.today().year)
                let numbers = (1...3).map { "ALLOT-\(year)-00000\($0)" }
                #expect(outcome.documents.map { "\($0.id) \($0.number) \($0.businessUnit) \($0.total)" } == [
                    "\(numbers[0]) \(numbers[0]) web 21.12", "\(numbers[1]) \(numbers[1]) data 22.87", "\(numbers[2]) \(numbers[2]) central 3.03",
                ])
                #expect(outcome.message == "closed 2026-06 with run \(run.id): 3 invoices (\(numbers[0]) … \(numbers[2]))")
                let again = try await client.execute(uri: "/v1/periods/2026-06/close", method: .post, headers: admin)
                let already = try again.decode(Components.Schemas.CloseOutcome.self)
                #expect(already.status == .alreadyClosed && already.documents.isEmpty)
                #expect(already.message.contains("`POST /v1/periods/2026-06/close?adjustments=true`"))

                // Final documents are listed by number and answered with the bytes stored when they were issued.
                let list = try Self.page(try await client.execute(uri: "/v1/invoices?period=2026-06", method: .get, headers: admin))
                #expect(list.status == .closed && list.closedRunId == run.id && list.closedBy == "token:admin-token")
                #expect(list.items.map(\.id) == numbers)
                #expect(list.items.allSatisfy { $0.status == .final })
                let stored = try #require(try await StoredInvoice.find(number: numbers[1], fixture.client))
                for (accept, text) in [("application/json", stored.json), ("text/csv", stored.csv), ("text/html", stored.html)] {
                    let response = try await client.execute(
                        uri: "/v1/invoices/\(numbers[1])", method: .get, headers: fixture.headers("admin", [.accept: accept]))
                    #expect(response.status == .ok)
                    #expect(response.text == text, "\(accept)")
                }
                let json = try await client.execute(uri: "/v1/invoices/\(numbers[1])", method: .get, headers: admin)
                let digest = SHA256.hash(data: Data(buffer: json.body)).map { String(format: "%02x", $0) }.joined()
                #expect(digest == stored.sha256)
                let old = try await client.execute(uri: "/v1/invoices/draft-\(run.id)-data", method: .get, headers: admin)
                #expect(old.status == .notFound)

                // AWS restates wl-a with a late credit of −1.25 on data's RDS account.
                #expect(try await InvoiceScenario.upload("wl-a", extra: [InvoiceScenario.lateCredit], client, fixture) == .created)
                let stale = try await client.execute(uri: "/v1/reconciliation?period=2026-06", method: .get, headers: admin)
                #expect(stale.status == .ok)
                let staleReport = try stale.decode(Components.Schemas.InvoiceReconciliation.self)
                #expect(!staleReport.holds)
                #expect(staleReport.problems.first?.contains("the deliveries of wl-a changed after it ran") == true)
                #expect(staleReport.problems.first?.hasSuffix(#"; allocate it with `POST /v1/allocations {"period": "2026-06"}`"#) == true)
                let staleIssue = try await client.execute(uri: "/v1/periods/2026-06/close?adjustments=true", method: .post, headers: admin)
                #expect(staleIssue.status == .conflict)
                #expect(staleIssue.problem?._type == "urn:allot:problem:stale-run")

                let restated = try await InvoiceScenario.allocate(client, fixture)
                let preview = try await client.execute(uri: "/v1/adjustments?period=2026-06", method: .get, headers: admin)
                let adjustments = try preview.decode(Components.Schemas.AdjustmentPreview.self)
                #expect(adjustments.runId == restated.id && adjustments.invoicedRunId == run.id && adjustments.staleRun == nil)
                #expect(adjustments.memos.map { "\($0.businessUnit.id) \($0.kind.rawValue) \($0.total) \($0.adjusts?.number ?? "-")" } == [
                    "data credit-memo -1.25 \(numbers[1])"
                ])
                let pending = try await client.execute(uri: "/v1/reconciliation?period=2026-06", method: .get, headers: admin)
                let pendingReport = try pending.decode(Components.Schemas.InvoiceReconciliation.self)
                #expect(!pendingReport.holds)
                #expect(pendingReport.problems == ["the issued documents differ from run \(restated.id); see `GET /v1/adjustments?period=2026-06`"])

                let issued = try await client.execute(uri: "/v1/periods/2026-06/close?adjustments=true", method: .post, headers: admin)
                let memo = try issued.decode(Components.Schemas.CloseOutcome.self)
                #expect(memo.status == .adjusted)
                #expect(memo.documents.map { "\($0.id) \($0.kind.rawValue) \($0.businessUnit) \($0.total) \($0.adjusts ?? "-")" } == [
                    "ALLOT-\(year)-000004 credit-memo data -1.25 \(numbers[1])"
                ])
                let nothing = try await client.execute(uri: "/v1/periods/2026-06/close?adjustments=true", method: .post, headers: admin)
                #expect(try nothing.decode(Components.Schemas.CloseOutcome.self).status == .nothingToAdjust)
                let settled = try await client.execute(uri: "/v1/reconciliation?period=2026-06", method: .get, headers: admin)
                let settledReport = try settled.decode(Components.Schemas.InvoiceReconciliation.self)
                #expect(settledReport.holds && settledReport.closed && settledReport.problems.isEmpty)
                let amortizedA = settledReport.organizations.first { $0.org == "wl-a" }?.checks.first { $0.basis == .amortized }
                #expect(amortizedA.map { "\($0.source.rawValue) \($0.invoiced) \($0.expected)" } == "issued 24.59 24.59")
                let closedList = try Self.page(try await client.execute(uri: "/v1/invoices?period=2026-06", method: .get, headers: admin))
                #expect(closedList.items.map(\.id) == numbers + ["ALLOT-\(year)-000004"])

                // Closes and issues are in the audit log, refused ones included (the 403 too).
                let audit = try await client.execute(uri: "/v1/audit?limit=20", method: .get, headers: admin)
                let closes = try audit.decode(Components.Schemas.AuditPage.self).items.filter { $0.action == "POST /v1/periods/{period}/close" }
                #expect(closes.map { "\($0.status ?? 0) \($0.parameters?.additionalProperties["status"] ?? "-")" } == [
                    "200 nothing-to-adjust", "200 adjusted", "409 -", "200 already-closed", "200 closed", "403 -", "422 -",
                ])
                let first = try #require(closes.last { $0.status == 200 })
                #expect(first.parameters?.additionalProperties["numbers"] == "\(numbers[0]) … \(numbers[2])")
                #expect(first.parameters?.additionalProperties["period"] == "2026-06")
                #expect(closes[1].parameters?.additionalProperties["adjustments"] == "true")
            }
        }
    }
}
