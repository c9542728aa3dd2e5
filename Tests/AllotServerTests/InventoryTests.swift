import AllotAPI
import AllotServer
import AllotStore
import AllotTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// `GET /v1/organizations`, `GET /v1/accounts`.
@Suite struct InventoryTests {
    @Test func organizationsAndTheirAccountsAtAnInstant() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                let upload = try await client.execute(
                    uri: "/v1/deliveries?create-org=true&org=acme", method: .post,
                    headers: fixture.headers("admin", [.contentType: "text/csv"]), body: ByteBuffer(string: TinyDelivery.csv(rows: 48)))
                #expect(upload.status == .created)
                _ = try await OrganizationRecord.create(id: "beta", name: "Beta", payerAccountId: "333333333333", fixture.client)

                let first = try await client.execute(uri: "/v1/organizations?limit=1", method: .get, headers: fixture.headers("planner"))
                let page = try first.decode(Components.Schemas.OrganizationPage.self)
                #expect(page.items.map(\.id) == ["acme"])
                #expect(page.items.first?.payerAccountId == "111111111111")
                let cursor = try #require(page.nextCursor)
                let second = try await client.execute(
                    uri: "/v1/organizations?limit=1&cursor=\(cursor)", method: .get, headers: fixture.headers("planner"))
                let rest = try second.decode(Components.Schemas.OrganizationPage.self)
                #expect(rest.items.map(\.id) == ["beta"])
                #expect(rest.nextCursor == nil)

                // The rows cover 2026-06-01T00:00Z to 2026-06-02T23:00Z: account 222222222222 was observed in acme
                // from the first hour to the end of the last one.
                let during = try await client.execute(
                    uri: "/v1/accounts?org=acme&at=2026-06-01T12:00:00Z", method: .get, headers: fixture.headers("planner"))
                #expect(during.status == .ok, "\(during.text)")
                let accounts = try during.decode(Components.Schemas.AccountPage.self)
                #expect(accounts.items.map(\.accountId) == ["222222222222"])
                #expect(accounts.items.first?.sources == [.observed])
                #expect(accounts.items.first?.orgId == "acme")
                #expect(accounts.items.first?.memberFrom == ISO8601DateFormatter().date(from: "2026-06-01T00:00:00Z"))
                let before = try await client.execute(
                    uri: "/v1/accounts?org=acme&at=2026-05-31T23:59:59Z", method: .get, headers: fixture.headers("planner"))
                #expect(try before.decode(Components.Schemas.AccountPage.self).items.isEmpty)
                let unknown = try await client.execute(uri: "/v1/accounts?org=nobody", method: .get, headers: fixture.headers("planner"))
                #expect(unknown.status == .notFound)
                let badInstant = try await client.execute(uri: "/v1/accounts?at=yesterday", method: .get, headers: fixture.headers("planner"))
                #expect(badInstant.status == .badRequest)
            }
        }
    }
}
