import AllotAPI
import AllotCore
import AllotServer
import AllotStore
import AllotTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A finance token of one BU (web) can neither read, list nor infer another BU's (data's) invoices, ledger or
/// adjustments: what belongs to another unit answers exactly as what does not exist, and lists leave it out.
@Suite struct BusinessUnitIsolationTests {
    /// Expects two answers to be the same 404, apart from the name each echoes back.
    static func expectIndistinguishable(
        _ other: TestResponse, _ otherName: String, _ missing: TestResponse, _ missingName: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(other.status == .notFound, sourceLocation: sourceLocation)
        #expect(missing.status == .notFound, sourceLocation: sourceLocation)
        #expect(other.problem?._type == missing.problem?._type, sourceLocation: sourceLocation)
        #expect(other.problem?.title == missing.problem?.title, sourceLocation: sourceLocation)
        #expect(
            other.problem?.detail?.replacingOccurrences(of: otherName, with: "…")
                == missing.problem?.detail?.replacingOccurrences(of: missingName, with: "…"),
            sourceLocation: sourceLocation)
    }

    @Test func financeOfWebCannotSeeData() async throws {
        try await InvoiceScenario.with { fixture, app in
            try await app.test(.router) { client in
                let finance = fixture.headers("finance")
                let run = try await InvoiceScenario.prepare(client, fixture)
                func get(_ uri: String) async throws -> TestResponse {
                    try await client.execute(uri: uri, method: .get, headers: finance)
                }

                // Invoices: the list holds web's draft only; data's draft and list answer as a unit that does not exist.
                let list = try await get("/v1/invoices?period=2026-06")
                #expect(try list.decode(Components.Schemas.InvoicePage.self).items.map(\.id) == ["draft-\(run.id)-web"])
                Self.expectIndistinguishable(
                    try await get("/v1/invoices?period=2026-06&bu=data"), "data", try await get("/v1/invoices?period=2026-06&bu=nowhere"),
                    "nowhere")
                Self.expectIndistinguishable(
                    try await get("/v1/invoices/draft-\(run.id)-data"), "data", try await get("/v1/invoices/draft-\(run.id)-nowhere"), "nowhere")
                #expect(try await get("/v1/invoices/draft-\(run.id)-web").status == .ok)

                // Ledger: web alone, its total web's; data answers as a unit that does not exist.
                let ledger = try await get("/v1/ledger?period=2026-06")
                #expect(try ledger.decode(Components.Schemas.Ledger.self).businessUnits.map(\.id) == ["web"])
                #expect(!ledger.text.contains("\"data\"") && !ledger.text.contains("central") && !ledger.text.contains("engineering"))
                Self.expectIndistinguishable(
                    try await get("/v1/ledger?period=2026-06&bu=data"), "data", try await get("/v1/ledger?period=2026-06&bu=nowhere"), "nowhere")
                Self.expectIndistinguishable(
                    try await get("/v1/ledger?period=2026-06&bu=engineering"), "engineering", try await get("/v1/ledger?period=2026-06&bu=nowhere"),
                    "nowhere")

                // Final documents: data's number answers as a number never issued.
                let closed = try await client.execute(uri: "/v1/periods/2026-06/close", method: .post, headers: fixture.headers("admin"))
                let numbers = try closed.decode(Components.Schemas.CloseOutcome.self).documents
                let web = try #require(numbers.first { $0.businessUnit == "web" }?.number)
                let data = try #require(numbers.first { $0.businessUnit == "data" }?.number)
                let never = String(data.dropLast(3)) + "999"
                Self.expectIndistinguishable(try await get("/v1/invoices/\(data)"), data, try await get("/v1/invoices/\(never)"), never)
                // Once an admin has read it (it is then served from the cache of final documents), still not.
                let admin = try await client.execute(uri: "/v1/invoices/\(data)", method: .get, headers: fixture.headers("admin"))
                #expect(admin.status == .ok)
                Self.expectIndistinguishable(try await get("/v1/invoices/\(data)"), data, try await get("/v1/invoices/\(never)"), never)
                #expect(try await get("/v1/invoices/\(web)").status == .ok)
                let finals = try await get("/v1/invoices?period=2026-06")
                #expect(try finals.decode(Components.Schemas.InvoicePage.self).items.map(\.id) == [web])

                // Adjustments: data's credit memo is not shown to web's finance token; the admin sees it.
                #expect(try await InvoiceScenario.upload("wl-a", extra: [InvoiceScenario.lateCredit], client, fixture) == .created)
                _ = try await InvoiceScenario.allocate(client, fixture)
                let own = try await get("/v1/adjustments?period=2026-06")
                #expect(own.status == .ok)
                #expect(try own.decode(Components.Schemas.AdjustmentPreview.self).memos.isEmpty)
                let all = try await client.execute(uri: "/v1/adjustments?period=2026-06", method: .get, headers: fixture.headers("admin"))
                #expect(try all.decode(Components.Schemas.AdjustmentPreview.self).memos.map(\.businessUnit.id) == ["data"])

                // Reconciliation sums every BU per organization: not for tokens limited to units.
                #expect(try await get("/v1/reconciliation?period=2026-06").status == .forbidden)
                let reader = try await client.execute(uri: "/v1/reconciliation?period=2026-06", method: .get, headers: fixture.headers("reader"))
                #expect(reader.status == .forbidden)
            }
        }
    }

    /// The reader token is limited to engineering: it sees web's and data's invoices (descendants), not central's,
    /// and no adjustments.
    @Test func readerSeesItsSubtree() async throws {
        try await InvoiceScenario.with { fixture, app in
            try await app.test(.router) { client in
                let run = try await InvoiceScenario.prepare(client, fixture)
                let reader = fixture.headers("reader")
                let list = try await client.execute(uri: "/v1/invoices?period=2026-06", method: .get, headers: reader)
                #expect(try list.decode(Components.Schemas.InvoicePage.self).items.map(\.businessUnit) == ["web", "data"])
                let central = try await client.execute(uri: "/v1/invoices/draft-\(run.id)-central", method: .get, headers: reader)
                #expect(central.status == .notFound)
                let adjustments = try await client.execute(uri: "/v1/adjustments?period=2026-06", method: .get, headers: reader)
                #expect(adjustments.status == .forbidden)
            }
        }
    }
}
