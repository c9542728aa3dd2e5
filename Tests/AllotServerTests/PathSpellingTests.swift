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
import Yams

/// Deny by default, whatever the spelling: every operation of `schemas/openapi.yaml`, spelled every way a client
/// or an attacker might (`//`, a trailing `/`, `/./`, `..`, `%2F`, `;params`, other case, percent-encoded letters), by
/// every role and without a token, answers no 5xx, never 2xx where the access matrix says no, and 401 without a
/// token outside the operations group. The access matrix here is the document's roles, written out in
/// ``AccessMatrixTests``; the groups of the operations are read from ``RoutePolicy``, which the server checks against
/// its routes at start-up.
@Suite struct PathSpellingTests {
    struct Operation: Sendable {
        var method: HTTPRequest.Method
        var template: String
        var isPublic: Bool
    }

    /// The operations of the contract.
    static func operations() throws -> [Operation] {
        let text = try String(contentsOfFile: ProjectPaths.root + "/schemas/openapi.yaml", encoding: .utf8)
        let spec = try #require(try Yams.load(yaml: text) as? [String: Any])
        let paths = try #require(spec["paths"] as? [String: Any])
        var operations: [Operation] = []
        for (path, item) in paths {
            for (method, operation) in (item as? [String: Any]) ?? [:] {
                guard let operation = operation as? [String: Any], operation["operationId"] is String,
                    let method = HTTPRequest.Method(method.uppercased())
                else { continue }
                let isPublic = (operation["security"] as? [Any])?.isEmpty == true
                operations.append(Operation(method: method, template: path, isPublic: isPublic))
            }
        }
        return operations.sorted { "\($0.method) \($0.template)" < "\($1.method) \($1.template)" }
    }

    /// The path of a template with its parameters filled in.
    static func path(_ template: String) -> String {
        template.replacingOccurrences(of: "{period}", with: "2026-06").replacingOccurrences(of: "{id}", with: "1")
    }

    /// The spellings of a path: the canonical one, then the non-canonical ones.
    static func spellings(_ path: String) -> [String] {
        let segments = path.split(separator: "/").map(String.init)
        let first = segments[0]
        let rest = segments.dropFirst().joined(separator: "/")
        let tail = rest.isEmpty ? "" : "/" + rest
        var spellings = [
            path, path + "/", "/" + path, path + "//", path + ";x=1", path + "/.", path.uppercased(),
            "/\(first)/.\(tail)", "/\(first)/x/..\(tail)", "/\(first);x=1\(tail)",
        ]
        if !rest.isEmpty {
            spellings += ["/\(first)//\(rest)", "/\(first)%2F\(rest)", "/\(first)/%\(String(format: "%02X", rest.utf8.first!))\(rest.dropFirst())"]
        } else {
            spellings.append("/%\(String(format: "%02X", first.utf8.first!))\(first.dropFirst())")
        }
        return spellings
    }

    @Test func everyOperationEverySpellingEveryRole() async throws {
        let operations = try Self.operations()
        #expect(operations.count == RoutePolicy.groups.count)
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                var requests = 0
                for operation in operations {
                    let group = try #require(RoutePolicy.group(RouteKey(operation.method, operation.template)))
                    for uri in Self.spellings(Self.path(operation.template)) {
                        for role in [nil, "admin", "finance", "planner", "reader"] as [String?] {
                            var extra: HTTPFields = [:]
                            var body: ByteBuffer?
                            if operation.method == .post {
                                extra[.contentType] = "application/json"
                                body = ByteBuffer(string: "{}")
                            }
                            let response = try await client.execute(
                                uri: uri, method: operation.method, headers: fixture.headers(role, extra), body: body)
                            requests += 1
                            let status = response.status.code
                            let what = "\(role ?? "no token") \(operation.method) \(uri) → \(status) \(response.text)"
                            #expect(status < 500, "\(what)")
                            if let role {
                                let allowed = AccessMatrix.access(try #require(APIRole(role)), group).isAllowed
                                if !allowed { #expect(!(200..<300).contains(status), "\(what)") }
                            } else if !operation.isPublic {
                                #expect(status == 401, "\(what)")
                            }
                        }
                    }
                }
                print("PathSpellingTests: \(requests) requests over \(operations.count) operations, none answered where denied")
            }
        }
    }

    /// A state-changing request is audited under the route the router matched, however its path was spelled; a
    /// refused one too.
    @Test func stateChangingRequestsAreAuditedWhateverTheSpelling() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                let json: HTTPFields = [.contentType: "application/json"]
                let run = try await client.execute(
                    uri: "/v1//allocations/", method: .post, headers: fixture.headers("admin", json),
                    body: ByteBuffer(string: #"{"period": "2026-06"}"#))
                #expect(run.status == .unprocessableContent, "\(run.text)")
                let refused = try await client.execute(
                    uri: "/v1/allocations/", method: .post, headers: fixture.headers("finance", json),
                    body: ByteBuffer(string: #"{"period": "2026-06"}"#))
                #expect(refused.status == .forbidden)
                let unknown = try await client.execute(uri: "/v1/nowhere", method: .delete, headers: fixture.headers("admin"))
                #expect(unknown.status == .notFound)
                let anonymous = try await client.execute(uri: "/v1//allocations", method: .post, headers: json)
                #expect(anonymous.status == .unauthorized)

                let entries = try await client.execute(uri: "/v1/audit?limit=3", method: .get, headers: fixture.headers("admin"))
                let items = try entries.decode(Components.Schemas.AuditPage.self).items
                #expect(items.map(\.action) == ["DELETE /v1/nowhere", "POST /v1/allocations", "POST /v1/allocations"])
                #expect(items.map(\.status) == [404, 403, 422])
                #expect(items.map(\.actor) == ["token:admin-token", "token:finance-token", "token:admin-token"])
            }
        }
    }

    /// `HEAD` answers where `GET` does, with the same status and headers and no body; the access rules are `GET`'s.
    @Test func headWhereGetExists() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                let head = try await client.execute(uri: "/v1/business-units", method: .head, headers: fixture.headers("admin"))
                #expect(head.status == .ok)
                #expect(head.body.readableBytes == 0)
                #expect(head.headers[.contentType] == "application/json; charset=utf-8")
                let anonymous = try await client.execute(uri: "/v1/audit", method: .head)
                #expect(anonymous.status == .unauthorized)
                let denied = try await client.execute(uri: "/v1/audit", method: .head, headers: fixture.headers("finance"))
                #expect(denied.status == .forbidden)
            }
        }
    }
}
