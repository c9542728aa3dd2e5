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

/// Every state-changing request, and token changes, are in the audit log; admins read it at `GET /v1/audit`.
@Suite struct AuditTests {
    @Test func uploadsAppliesAndTokenChangesAreAudited() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                let upload = try await client.execute(
                    uri: "/v1/deliveries?create-org=true&org=acme", method: .post,
                    headers: fixture.headers("admin", [.contentType: "text/csv"]), body: ByteBuffer(string: TinyDelivery.csv(rows: 3)))
                #expect(upload.status == .created)
                let delivery = try upload.decode(Components.Schemas.IngestResult.self).delivery.id
                let refused = try await client.execute(
                    uri: "/v1/config?dry-run=true", method: .post, headers: fixture.headers("admin", [.contentType: "application/yaml"]),
                    body: ByteBuffer(string: "default-bu: nowhere"))
                #expect(refused.status == .unprocessableContent)
                // Reads are not audited.
                _ = try await client.execute(uri: "/v1/deliveries", method: .get, headers: fixture.headers("admin"))

                let response = try await client.execute(uri: "/v1/audit", method: .get, headers: fixture.headers("admin"))
                let entries = try response.decode(Components.Schemas.AuditPage.self).items
                // Newest first: the refused apply, the upload, then the four tokens the fixture created.
                #expect(entries.map(\.action) == [
                    "POST /v1/config", "POST /v1/deliveries", "tokens create", "tokens create", "tokens create", "tokens create",
                ])
                let apply = entries[0]
                #expect(apply.actor == "token:admin-token")
                #expect(apply.status == 422)
                #expect(apply.outcome == .failure)
                #expect(apply.parameters?.additionalProperties["dry-run"] == "true")
                let ingest = entries[1]
                #expect(ingest.status == 201)
                #expect(ingest.outcome == .success)
                #expect(ingest.parameters?.additionalProperties["org"] == "acme")
                #expect(ingest.parameters?.additionalProperties["create-org"] == "true")
                #expect(ingest.parameters?.additionalProperties["delivery"] == String(delivery))
                #expect(ingest.parameters?.additionalProperties["period"] == "2026-06")
                #expect(ingest.requestId?.isEmpty == false)
                #expect(entries[5].actor == "cli:tests")
                #expect(entries[5].parameters?.additionalProperties["name"] == "admin-token")

                _ = try await APITokens(client: fixture.client, logger: TestDatabase.logger).revoke(name: "reader-token", actor: "cli:tests")
                let paged = try await client.execute(uri: "/v1/audit?limit=1", method: .get, headers: fixture.headers("admin"))
                let page = try paged.decode(Components.Schemas.AuditPage.self)
                #expect(page.items.map(\.action) == ["tokens revoke"])
                #expect(page.nextCursor != nil)
            }
        }
    }
}
