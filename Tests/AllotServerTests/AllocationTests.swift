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
import Postgres
import Testing

/// `POST /v1/allocations`, `GET /v1/allocations`, `GET /v1/allocations/{id}`: runs through the API, refused runs,
/// and one run of a period at a time.
@Suite struct AllocationTests {
    @Test func allocateThenListAndShowRuns() async throws {
        try await InvoiceScenario.with { fixture, app in
            try await app.test(.router) { client in
                let first = try await InvoiceScenario.prepare(client, fixture)
                #expect(first.period == "2026-06")
                #expect(first.status == .succeeded)
                #expect(first.current)
                #expect(first.costBasis == .amortized)
                #expect(first.ruleSetVersion == 1)
                #expect(first.orgs == ["mgmt", "wl-a", "wl-b"])
                #expect(first.inputDeliveries.map(\.orgId) == ["mgmt", "wl-a", "wl-b"])
                // Σ line items on the amortized basis per organization (the scenario's table), equal to Σ ledger.
                #expect(
                    first.reconciliation?.map { "\($0.orgId) \($0.lineItems) \($0.ledger) \($0.difference) \($0.holds)" } == [
                        "mgmt 2.5 2.5 0 true", "wl-a 25.8438 25.8438 0 true", "wl-b 18.6789 18.6789 0 true",
                    ])
                #expect((first.ledgerRows ?? 0) > 0)
                #expect(first.error == nil)
                #expect(first.finishedAt != nil)

                let second = try await InvoiceScenario.allocate(client, fixture)
                #expect(second.id > first.id)

                let list = try await client.execute(uri: "/v1/allocations", method: .get, headers: fixture.headers("planner"))
                #expect(list.status == .ok)
                let runs = try list.decode(Components.Schemas.AllocationRunPage.self).items
                #expect(runs.map(\.id) == [second.id, first.id])
                #expect(runs.map(\.current) == [true, false])

                let firstPage = try await client.execute(uri: "/v1/allocations?limit=1&period=2026-06", method: .get, headers: fixture.headers("planner"))
                let page = try firstPage.decode(Components.Schemas.AllocationRunPage.self)
                #expect(page.items.map(\.id) == [second.id])
                let cursor = try #require(page.nextCursor)
                let nextPage = try await client.execute(
                    uri: "/v1/allocations?limit=1&period=2026-06&cursor=\(cursor)", method: .get, headers: fixture.headers("planner"))
                let next = try nextPage.decode(Components.Schemas.AllocationRunPage.self)
                #expect(next.items.map(\.id) == [first.id])
                #expect(next.nextCursor == nil)
                let otherPeriod = try await client.execute(uri: "/v1/allocations?period=2026-05", method: .get, headers: fixture.headers("admin"))
                #expect(try otherPeriod.decode(Components.Schemas.AllocationRunPage.self).items.isEmpty)

                let shown = try await client.execute(uri: "/v1/allocations/\(first.id)", method: .get, headers: fixture.headers("planner"))
                let run = try shown.decode(Components.Schemas.AllocationRun.self)
                #expect(run.id == first.id)
                #expect(!run.current)
                #expect(run.reconciliation == first.reconciliation)
                let missing = try await client.execute(uri: "/v1/allocations/424242", method: .get, headers: fixture.headers("planner"))
                #expect(missing.status == .notFound)
                for bad in ["/v1/allocations/0", "/v1/allocations/x", "/v1/allocations?period=2026-13", "/v1/allocations?limit=0"] {
                    let response = try await client.execute(uri: bad, method: .get, headers: fixture.headers("admin"))
                    #expect(response.status == .badRequest, "\(bad)")
                }
            }
        }
    }

    @Test func refusedAllocationsSayWhy() async throws {
        try await InvoiceScenario.with { fixture, app in
            try await app.test(.router) { client in
                func allocate(_ body: String) async throws -> TestResponse {
                    try await client.execute(
                        uri: "/v1/allocations", method: .post, headers: fixture.headers("admin", [.contentType: "application/json"]),
                        body: ByteBuffer(string: body))
                }
                let empty = try await allocate(#"{"period": "2026-06"}"#)
                #expect(empty.status == .unprocessableContent)
                #expect(empty.problem?._type == "urn:allot:problem:no-deliveries")
                // The refused run is kept as failed, and named.
                #expect(empty.problem?.detail == "run 1: no organization has a current delivery for 2026-06")

                try await InvoiceScenario.upload("wl-a", client, fixture)
                let unknown = try await allocate(#"{"period": "2026-06", "orgs": ["wl-a", "wl-b"]}"#)
                #expect(unknown.status == .unprocessableContent)
                #expect(unknown.problem?.detail == "run 2: no current delivery for 2026-06 of wl-b")
                let failed = try await client.execute(uri: "/v1/allocations/2", method: .get, headers: fixture.headers("admin"))
                let run = try failed.decode(Components.Schemas.AllocationRun.self)
                #expect(run.status == .failed && !run.current && run.error == "no current delivery for 2026-06 of wl-b")
                let one = try await allocate(#"{"period": "2026-06", "orgs": ["wl-a"]}"#)
                #expect(one.status == .created, "\(one.text)")
                #expect(try one.decode(Components.Schemas.AllocationRun.self).orgs == ["wl-a"])

                for bad in [
                    #"{"period": "2026-13"}"#, #"{}"#, #"{"period": "2026-06", "extra": 1}"#, #"{"period": "2026-06", "orgs": []}"#,
                    #"{"period": "2026-06", "orgs": ["Not An Org"]}"#, "not json",
                ] {
                    let response = try await allocate(bad)
                    #expect(response.status == .badRequest, "\(bad): \(response.text)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                }
                // Only admins allocate.
                let planner = try await client.execute(
                    uri: "/v1/allocations", method: .post, headers: fixture.headers("planner", [.contentType: "application/json"]),
                    body: ByteBuffer(string: #"{"period": "2026-06"}"#))
                #expect(planner.status == .forbidden)
            }
        }
        // Without a rule set nothing can be allocated.
        try await APIFixture.with(applyTree: false) { fixture, app in
            try await app.test(.router) { client in
                let response = try await client.execute(
                    uri: "/v1/allocations", method: .post, headers: fixture.headers("admin", [.contentType: "application/json"]),
                    body: ByteBuffer(string: #"{"period": "2026-06"}"#))
                #expect(response.status == .unprocessableContent)
                #expect(response.problem?._type == "urn:allot:problem:no-rule-set")
                // The library's hint names the API request, not the command.
                #expect(response.problem?.detail == "no rule set is in force for 2026-06; apply one with `POST /v1/config`")
            }
        }
    }

    /// While an allocation or a close of the period runs (here: its locks held by another session, as `allot
    /// allocate` and `allot close` hold them), allocating and closing answer 409 at once; other periods go on.
    @Test func aRunningAllocationOrCloseOfThePeriodAnswers409() async throws {
        try await InvoiceScenario.with { fixture, app in
            try await app.test(.router) { client in
                _ = try await InvoiceScenario.prepare(client, fixture)
                let june = try BillingPeriod(parsing: "2026-06")
                let holder = fixture.database.makeClient()
                for key in [AllocationRunner.periodLockKey(june), Invoices.periodLockKey(june)] {
                    try await holder.withAdvisoryLock(key: key) { _ in
                        let allocate = try await client.execute(
                            uri: "/v1/allocations", method: .post, headers: fixture.headers("admin", [.contentType: "application/json"]),
                            body: ByteBuffer(string: #"{"period": "2026-06"}"#))
                        #expect(allocate.status == .conflict)
                        #expect(allocate.problem?._type == "urn:allot:problem:period-busy")
                        #expect(allocate.problem?.detail == "an allocation or a close of 2026-06 is running; try again when it has finished")
                        let close = try await client.execute(uri: "/v1/periods/2026-06/close", method: .post, headers: fixture.headers("admin"))
                        #expect(close.status == .conflict)
                        #expect(close.problem?._type == "urn:allot:problem:period-busy")
                        // Another period is not held up.
                        let july = try await client.execute(
                            uri: "/v1/allocations", method: .post, headers: fixture.headers("admin", [.contentType: "application/json"]),
                            body: ByteBuffer(string: #"{"period": "2026-07"}"#))
                        #expect(july.status == .unprocessableContent)
                    }
                }
                await holder.close()
                // Nothing was closed meanwhile, and the period allocates again once free.
                let again = try await InvoiceScenario.allocate(client, fixture)
                #expect(again.current)
                let invoices = try await client.execute(uri: "/v1/invoices?period=2026-06", method: .get, headers: fixture.headers("admin"))
                #expect(try invoices.decode(Components.Schemas.InvoicePage.self).status == .open)
            }
        }
    }

    @Test func allocationsAreAudited() async throws {
        try await InvoiceScenario.with { fixture, app in
            try await app.test(.router) { client in
                let run = try await InvoiceScenario.prepare(client, fixture)
                _ = try await client.execute(
                    uri: "/v1/allocations", method: .post, headers: fixture.headers("admin", [.contentType: "application/json"]),
                    body: ByteBuffer(string: #"{"period": "2026-07"}"#))
                let response = try await client.execute(uri: "/v1/audit?limit=2", method: .get, headers: fixture.headers("admin"))
                let entries = try response.decode(Components.Schemas.AuditPage.self).items
                #expect(entries.map(\.action) == ["POST /v1/allocations", "POST /v1/allocations"])
                let refused = entries[0]
                #expect(refused.status == 422)
                #expect(refused.outcome == .failure)
                #expect(refused.parameters?.additionalProperties["period"] == "2026-07")
                let succeeded = entries[1]
                #expect(succeeded.actor == "token:admin-token")
                #expect(succeeded.status == 201)
                #expect(succeeded.outcome == .success)
                #expect(succeeded.parameters?.additionalProperties["period"] == "2026-06")
                #expect(succeeded.parameters?.additionalProperties["run"] == String(run.id))
                #expect(succeeded.parameters?.additionalProperties["rule_set_version"] == "1")
                #expect(succeeded.parameters?.additionalProperties["content_type"] == "application/json")
                #expect(succeeded.requestId?.isEmpty == false)
            }
        }
    }
}
