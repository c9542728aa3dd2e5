import AllotAPI
import AllotServer
import AllotTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /v1/ledger`: the current run per BU with subtotals rolling up the tree, exact to the last decimal, and
/// narrowed to a limited token's units.
@Suite struct LedgerTests {
    /// `id subtotal (own)` of each unit, in order.
    static func units(_ ledger: Components.Schemas.Ledger) -> [String] {
        ledger.businessUnits.map { "\($0.id)@\($0.depth)<\($0.parentId ?? "-") \($0.subtotal) (\($0.own))" }
    }

    @Test func ledgerRollsUpTheTree() async throws {
        try await InvoiceScenario.with { fixture, app in
            try await app.test(.router) { client in
                let none = try await client.execute(uri: "/v1/ledger?period=2026-06", method: .get, headers: fixture.headers("planner"))
                #expect(none.status == .notFound)
                #expect(none.problem?.detail == "2026-06 has no successful allocation run; run `POST /v1/allocations` first")

                let run = try await InvoiceScenario.prepare(client, fixture)
                let response = try await client.execute(uri: "/v1/ledger?period=2026-06", method: .get, headers: fixture.headers("planner"))
                #expect(response.status == .ok)
                let ledger = try response.decode(Components.Schemas.Ledger.self)
                #expect(ledger.runId == run.id)
                #expect(ledger.by == .category)
                #expect(ledger.costBasis == .amortized)
                // The scenario's hand-computed ledger (InvoiceScenario): engineering = web + data.
                #expect(
                    Self.units(ledger) == [
                        "engineering@0<- 43.97886666666666666668 (0)",
                        "web@1<engineering 21.12283333333333333334 (21.12283333333333333334)",
                        "data@1<engineering 22.85603333333333333334 (22.85603333333333333334)",
                        "central@0<- 3.04383333333333333332 (3.04383333333333333332)",
                    ])
                #expect(ledger.total == "47.0227")
                // web by category: usage 10.004 + 3.3333 + 2.2222 (Marketplace) = 15.5595; covered 2.5005; tax 1.2345;
                // credit −0.505; support 1.50; security 0.83333333333333333334.
                let web = try #require(ledger.businessUnits.first { $0.id == "web" })
                #expect(
                    web.lines.map { "\($0.key) \($0.amount)" } == [
                        "commitment-covered 2.5005", "credit -0.505", "shared:security 0.83333333333333333334", "shared:support 1.5",
                        "tax 1.2345", "usage 15.5595",
                    ])

                let byAccount = try await client.execute(
                    uri: "/v1/ledger?period=2026-06&bu=engineering&by=account", method: .get, headers: fixture.headers("admin"))
                let engineering = try byAccount.decode(Components.Schemas.Ledger.self)
                #expect(engineering.by == .account)
                #expect(engineering.businessUnits.map(\.id) == ["engineering", "web", "data"])
                #expect(engineering.businessUnits.first?.parentId == nil)
                #expect(engineering.total == "43.97886666666666666668")

                for bad in ["period=2026-13", "period=2026-06&by=colour", "period=2026-06&bu=Web", ""] {
                    let response = try await client.execute(uri: "/v1/ledger?\(bad)", method: .get, headers: fixture.headers("admin"))
                    #expect(response.status == .badRequest, "\(bad)")
                }
                let unknown = try await client.execute(uri: "/v1/ledger?period=2026-06&bu=nowhere", method: .get, headers: fixture.headers("admin"))
                #expect(unknown.status == .notFound)
            }
        }
    }

    @Test func limitedTokensSeeTheirUnitsAsRoots() async throws {
        try await InvoiceScenario.with { fixture, app in
            try await app.test(.router) { client in
                _ = try await InvoiceScenario.prepare(client, fixture)
                // finance is limited to web: web alone, as a root, and the total is web's.
                let finance = try await client.execute(uri: "/v1/ledger?period=2026-06", method: .get, headers: fixture.headers("finance"))
                let own = try finance.decode(Components.Schemas.Ledger.self)
                #expect(Self.units(own) == ["web@0<- 21.12283333333333333334 (21.12283333333333333334)"])
                #expect(own.total == "21.12283333333333333334")
                // reader is limited to engineering: engineering, web and data, not central.
                let reader = try await client.execute(uri: "/v1/ledger?period=2026-06&by=org", method: .get, headers: fixture.headers("reader"))
                let subtree = try reader.decode(Components.Schemas.Ledger.self)
                #expect(subtree.businessUnits.map(\.id) == ["engineering", "web", "data"])
                #expect(subtree.total == "43.97886666666666666668")
                let web = try await client.execute(uri: "/v1/ledger?period=2026-06&bu=web", method: .get, headers: fixture.headers("reader"))
                #expect(try web.decode(Components.Schemas.Ledger.self).total == "21.12283333333333333334")
            }
        }
    }
}
