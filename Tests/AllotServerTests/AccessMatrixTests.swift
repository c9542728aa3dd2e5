import AllotAPI
import AllotServer
import AllotStore
import AllotTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Each role × each endpoint group → the status it gets, and business-unit isolation.
@Suite struct AccessMatrixTests {
    /// One representative request per endpoint group.
    struct GroupRequest: Sendable, CustomStringConvertible {
        var group: String
        var method: HTTPRequest.Method
        var uri: String
        var contentType: String?
        var body: String?
        /// Expected status for admin, finance, planner, reader, and without a token.
        var admin: Int, finance: Int, planner: Int, reader: Int, anonymous: Int

        var description: String { "\(group): \(method) \(uri)" }
    }

    // Written out from the roles of issue 7 (docs/api.md), not computed from AccessMatrix.
    static let requests: [GroupRequest] = [
        GroupRequest(
            group: "operations", method: .get, uri: "/healthz", admin: 200, finance: 200, planner: 200, reader: 200, anonymous: 200),
        GroupRequest(
            group: "operations", method: .get, uri: "/metrics", admin: 200, finance: 200, planner: 200, reader: 200, anonymous: 200),
        GroupRequest(
            group: "deliveries:read", method: .get, uri: "/v1/deliveries", admin: 200, finance: 403, planner: 200, reader: 403,
            anonymous: 401),
        GroupRequest(
            group: "deliveries:read", method: .get, uri: "/v1/deliveries/999", admin: 404, finance: 403, planner: 404, reader: 403,
            anonymous: 401),
        // Allowed for admin, who gets to the reader: one header line is no delivery.
        GroupRequest(
            group: "deliveries:write", method: .post, uri: "/v1/deliveries", contentType: "text/csv", body: "not,a,cur\n",
            admin: 422, finance: 403, planner: 403, reader: 403, anonymous: 401),
        GroupRequest(
            group: "inventory:read", method: .get, uri: "/v1/organizations", admin: 200, finance: 403, planner: 200, reader: 403,
            anonymous: 401),
        GroupRequest(
            group: "inventory:read", method: .get, uri: "/v1/accounts", admin: 200, finance: 403, planner: 200, reader: 403,
            anonymous: 401),
        GroupRequest(
            group: "business-units:read", method: .get, uri: "/v1/business-units", admin: 200, finance: 200, planner: 200,
            reader: 200, anonymous: 401),
        GroupRequest(
            group: "config:read", method: .get, uri: "/v1/config", admin: 200, finance: 403, planner: 200, reader: 403,
            anonymous: 401),
        GroupRequest(
            group: "config:read", method: .get, uri: "/v1/config/versions", admin: 200, finance: 403, planner: 200, reader: 403,
            anonymous: 401),
        GroupRequest(
            group: "config:write", method: .post, uri: "/v1/config?dry-run=true", contentType: "application/yaml",
            body: APIFixture.treeYAML, admin: 200, finance: 403, planner: 403, reader: 403, anonymous: 401),
        GroupRequest(
            group: "audit:read", method: .get, uri: "/v1/audit", admin: 200, finance: 403, planner: 403, reader: 403,
            anonymous: 401),
        // The fixture has no deliveries and no runs: allowed roles get to the handler, which answers 404, 409 or 422.
        GroupRequest(
            group: "allocations:read", method: .get, uri: "/v1/allocations", admin: 200, finance: 403, planner: 200, reader: 403,
            anonymous: 401),
        GroupRequest(
            group: "allocations:read", method: .get, uri: "/v1/allocations/999", admin: 404, finance: 403, planner: 404, reader: 403,
            anonymous: 401),
        GroupRequest(
            group: "allocations:write", method: .post, uri: "/v1/allocations", contentType: "application/json",
            body: #"{"period": "2026-06"}"#, admin: 422, finance: 403, planner: 403, reader: 403, anonymous: 401),
        GroupRequest(
            group: "ledger:read", method: .get, uri: "/v1/ledger?period=2026-06", admin: 404, finance: 404, planner: 404, reader: 404,
            anonymous: 401),
        GroupRequest(
            group: "invoices:read", method: .get, uri: "/v1/invoices?period=2026-06", admin: 404, finance: 404, planner: 403,
            reader: 404, anonymous: 401),
        GroupRequest(
            group: "invoices:read", method: .get, uri: "/v1/invoices/ALLOT-2026-000001", admin: 404, finance: 404, planner: 403,
            reader: 404, anonymous: 401),
        GroupRequest(
            group: "periods:close", method: .post, uri: "/v1/periods/2026-06/close", admin: 422, finance: 403, planner: 403,
            reader: 403, anonymous: 401),
        // Adjustments need a closed period: 409 for those allowed.
        GroupRequest(
            group: "adjustments:read", method: .get, uri: "/v1/adjustments?period=2026-06", admin: 409, finance: 409, planner: 403,
            reader: 403, anonymous: 401),
        GroupRequest(
            group: "reconciliation:read", method: .get, uri: "/v1/reconciliation?period=2026-06", admin: 404, finance: 403,
            planner: 403, reader: 403, anonymous: 401),
    ]

    @Test(arguments: requests)
    func roleByGroup(_ request: GroupRequest) async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                for (role, expected) in [
                    ("admin", request.admin), ("finance", request.finance), ("planner", request.planner),
                    ("reader", request.reader), (nil, request.anonymous),
                ] as [(String?, Int)] {
                    var extra: HTTPFields = [:]
                    if let contentType = request.contentType { extra[.contentType] = contentType }
                    let response = try await client.execute(
                        uri: request.uri, method: request.method, headers: fixture.headers(role, extra),
                        body: request.body.map { ByteBuffer(string: $0) })
                    #expect(response.status.code == expected, "\(role ?? "no token") \(request): \(response.text)")
                    if expected >= 400 {
                        #expect(response.headers[.contentType] == "application/problem+json")
                        #expect(response.problem?.status == expected)
                    }
                    if expected == 401 { #expect(response.headers[.wwwAuthenticate] == #"Bearer realm="allot""#) }
                }
            }
        }
    }

    @Test func badAndRevokedTokensAreUnauthorized() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                for header in ["Bearer nonsense", "Bearer allot_" + String(repeating: "A", count: 43), "Basic YWRtaW46YWRtaW4=", "Bearer"] {
                    let response = try await client.execute(uri: "/v1/organizations", method: .get, headers: [.authorization: header])
                    #expect(response.status == .unauthorized, "\(header)")
                }
                let before = try await client.execute(uri: "/v1/organizations", method: .get, headers: fixture.headers("planner"))
                #expect(before.status == .ok)
                _ = try await APITokens(client: fixture.client, logger: TestDatabase.logger).revoke(name: "planner-token", actor: "cli:tests")
                // The fixture's cache time is zero: revocation takes effect at once.
                let after = try await client.execute(uri: "/v1/organizations", method: .get, headers: fixture.headers("planner"))
                #expect(after.status == .unauthorized)
            }
        }
    }

    @Test func lastUseIsRecordedOncePerMinute() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                for _ in 0..<3 {
                    _ = try await client.execute(uri: "/v1/organizations", method: .get, headers: fixture.headers("planner"))
                }
            }
            let tokens = try await APITokens(client: fixture.client, logger: TestDatabase.logger).list()
            let planner = try #require(tokens.first { $0.name == "planner-token" })
            #expect(planner.lastUsedAt != nil)
            #expect(tokens.first { $0.name == "reader-token" }?.lastUsedAt == nil)
        }
    }

    @Test func scopedTokensSeeTheirSubtreeOnly() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                func ids(_ role: String) async throws -> [String] {
                    let response = try await client.execute(uri: "/v1/business-units", method: .get, headers: fixture.headers(role))
                    #expect(response.status == .ok)
                    return try response.decode(Components.Schemas.BusinessUnitPage.self).items.map(\.id)
                }
                #expect(try await ids("admin") == ["engineering", "platform", "web", "data", "mobile", "finance-dept", "billing", "shared"])
                #expect(try await ids("planner").count == 8)
                #expect(try await ids("finance") == ["platform", "web", "data"])
                #expect(try await ids("reader") == ["billing"])

                // The scoped token's own unit shows no parent: it must not learn of engineering.
                let platform = try await client.execute(uri: "/v1/business-units/platform", method: .get, headers: fixture.headers("finance"))
                let detail = try platform.decode(Components.Schemas.BusinessUnitDetail.self)
                #expect(detail.parentId == nil)
                #expect(detail.children == ["web", "data"])
                let web = try await client.execute(uri: "/v1/business-units/web", method: .get, headers: fixture.headers("finance"))
                #expect(try web.decode(Components.Schemas.BusinessUnitDetail.self).parentId == "platform")

                // Another BU answers exactly like one that does not exist.
                let other = try await client.execute(uri: "/v1/business-units/engineering", method: .get, headers: fixture.headers("finance"))
                let missing = try await client.execute(uri: "/v1/business-units/nowhere", method: .get, headers: fixture.headers("finance"))
                #expect(other.status == .notFound)
                #expect(missing.status == .notFound)
                #expect(other.problem?.title == missing.problem?.title)
                #expect(other.problem?.detail == "no business unit 'engineering'")
                let billing = try await client.execute(uri: "/v1/business-units/billing", method: .get, headers: fixture.headers("finance"))
                #expect(billing.status == .notFound)
                let readerOther = try await client.execute(uri: "/v1/business-units/platform", method: .get, headers: fixture.headers("reader"))
                #expect(readerOther.status == .notFound)
                let adminSees = try await client.execute(uri: "/v1/business-units/engineering", method: .get, headers: fixture.headers("admin"))
                #expect(try adminSees.decode(Components.Schemas.BusinessUnitDetail.self).children == ["platform", "mobile"])
            }
        }
    }

    /// Every group of the matrix has a row in `requests`, so no endpoint group goes untested.
    @Test func everyGroupIsExercised() {
        let exercised = Set(Self.requests.map(\.group))
        for group in EndpointGroup.all {
            #expect(exercised.contains(group.description), "\(group)")
        }
    }

    @Test func everyGroupOfEveryRouteHasARow() {
        for (route, group) in RoutePolicy.groups where group != .operations {
            #expect(AccessMatrix.access(.admin, group) == .all, "\(route)")
        }
        for group in EndpointGroup.all where group != .operations {
            #expect(AccessMatrix.table.contains { $0.0 == group }, "\(group)")
        }
    }
}
