import AllotAPI
import AllotServer
import AllotStore
import AllotTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import OpenAPIRuntime
import Testing

/// `GET /v1/config`, `POST /v1/config`, `GET /v1/config/versions`.
@Suite struct ConfigTests {
    static let grown = APIFixture.treeYAML.replacingOccurrences(
        of: "      - { id: mobile, name: Mobile }", with: "      - { id: mobile, name: Mobile }\n      - { id: ml, name: ML }")

    @Test func applyDryRunThenApplyThenUnchanged() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                let headers = fixture.headers("admin", [.contentType: "application/yaml"])
                let dryRun = try await client.execute(
                    uri: "/v1/config?dry-run=true&effective-from=2026-07", method: .post, headers: headers, body: ByteBuffer(string: Self.grown))
                #expect(dryRun.status == .ok)
                let planned = try dryRun.decode(Components.Schemas.ApplyResult.self)
                #expect(planned.status == .dryRun)
                #expect(planned.version == nil)
                #expect(planned.baseVersion == 1)
                #expect(planned.changes.count == 1)
                #expect(planned.changes.first?.contains("ml") == true)

                let applied = try await client.execute(
                    uri: "/v1/config?effective-from=2026-07&note=adds%20ML", method: .post, headers: headers, body: ByteBuffer(string: Self.grown))
                #expect(applied.status == .created)
                let result = try applied.decode(Components.Schemas.ApplyResult.self)
                #expect(result.status == .applied)
                #expect(result.version == 2)
                #expect(result.effectiveFrom == "2026-07")

                let again = try await client.execute(
                    uri: "/v1/config?effective-from=2026-07", method: .post, headers: headers, body: ByteBuffer(string: Self.grown))
                #expect(again.status == .ok)
                #expect(try again.decode(Components.Schemas.ApplyResult.self).status == .unchanged)

                // Version 1 still rules June; version 2 rules July, applied by the token.
                let june = try await client.execute(uri: "/v1/config?period=2026-06", method: .get, headers: fixture.headers("planner"))
                #expect(try june.decode(Components.Schemas.RuleSet.self).version == 1)
                let july = try await client.execute(uri: "/v1/config?period=2026-07", method: .get, headers: fixture.headers("planner"))
                let ruleSet = try july.decode(Components.Schemas.RuleSet.self)
                #expect(ruleSet.version == 2)
                #expect(ruleSet.appliedBy == "token:admin-token")
                #expect(ruleSet.note == "adds ML")
                #expect(ruleSet.document.value["default-bu"] as? String == "shared")

                let versions = try await client.execute(uri: "/v1/config/versions?limit=1", method: .get, headers: fixture.headers("planner"))
                let page = try versions.decode(Components.Schemas.RuleSetVersionPage.self)
                #expect(page.items.map(\.version) == [2])
                let cursor = try #require(page.nextCursor)
                let next = try await client.execute(uri: "/v1/config/versions?limit=1&cursor=\(cursor)", method: .get, headers: fixture.headers("planner"))
                let last = try next.decode(Components.Schemas.RuleSetVersionPage.self)
                #expect(last.items.map(\.version) == [1])
                #expect(last.nextCursor == nil)
            }
        }
    }

    @Test func invalidDocumentAnswers422WithEveryIssueAndItsLine() async throws {
        let document = """
            default-bu: nowhere
            business-units:
              - { id: shared, name: Shared }
            rules:
              - match: { orgs: [acme] }
                bu: ops
            """
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                let response = try await client.execute(
                    uri: "/v1/config", method: .post, headers: fixture.headers("admin", [.contentType: "application/yaml"]),
                    body: ByteBuffer(string: document))
                #expect(response.status == .unprocessableContent)
                let problem = try #require(response.problem)
                #expect(problem._type == "urn:allot:problem:invalid-configuration")
                let errors = problem.errors ?? []
                let defaultBU = try #require(errors.first { $0.path == "default-bu" })
                #expect(defaultBU.line == 1)
                let rule = try #require(errors.first { $0.path == "rules[0].bu" })
                #expect(rule.line == 6)
                #expect(rule.message.contains("ops"))

                let syntax = try await client.execute(
                    uri: "/v1/config", method: .post, headers: fixture.headers("admin", [.contentType: "application/yaml"]),
                    body: ByteBuffer(string: "default-bu: [unclosed"))
                #expect(syntax.status == .unprocessableContent)
                #expect(syntax.problem?.errors?.first?.line != nil)

                let badPeriod = try await client.execute(
                    uri: "/v1/config?effective-from=July", method: .post, headers: fixture.headers("admin", [.contentType: "application/yaml"]),
                    body: ByteBuffer(string: APIFixture.treeYAML))
                #expect(badPeriod.status == .badRequest)
            }
            let versions = try await RuleSets(client: fixture.client, logger: TestDatabase.logger).history()
            #expect(versions.count == 1)
        }
    }

    @Test func jsonDocumentIsStoredAsSent() async throws {
        let json = #"{"default-bu": "shared", "business-units": [{"id": "shared", "name": "Shared"}]}"#
        try await APIFixture.with(applyTree: false) { fixture, app in
            try await app.test(.router) { client in
                let missing = try await client.execute(uri: "/v1/config", method: .get, headers: fixture.headers("admin"))
                #expect(missing.status == .notFound)
                let response = try await client.execute(
                    uri: "/v1/config", method: .post, headers: fixture.headers("admin", [.contentType: "application/json"]),
                    body: ByteBuffer(string: json))
                #expect(response.status == .created, "\(response.text)")
                #expect(try response.decode(Components.Schemas.ApplyResult.self).effectiveFrom == "beginning")
                let notObject = try await client.execute(
                    uri: "/v1/config", method: .post, headers: fixture.headers("admin", [.contentType: "application/json"]),
                    body: ByteBuffer(string: "[1, 2]"))
                #expect(notObject.status == .badRequest)
            }
            let stored = try await RuleSets(client: fixture.client, logger: TestDatabase.logger).version(1)
            #expect(stored.sourceText == json)
        }
    }

    @Test func documentsLargerThanTheLimitAre413() async throws {
        try await APIFixture.with(configure: { $0.maxDocumentBytes = 100 }) { fixture, app in
            try await app.test(.router) { client in
                let response = try await client.execute(
                    uri: "/v1/config", method: .post, headers: fixture.headers("admin", [.contentType: "application/yaml"]),
                    body: ByteBuffer(string: APIFixture.treeYAML))
                #expect(response.status == .contentTooLarge)
            }
        }
    }
}
