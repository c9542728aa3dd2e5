import AllotAPI
import AllotServer
import AllotStore
import AllotTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationEssentialsCompat
import Testing

/// `POST /v1/deliveries` with `{"path": …}` under the import root: what is inside is ingested, what leads
/// outside — `..`, absolute paths, symbolic links, manifests naming outside files — is refused.
@Suite struct DeliveryImportTests {
    /// An import root holding a folder with a real CUR file (koku's, of 2023-06), plus a directory and a symbolic
    /// link that lead outside.
    struct ImportTree {
        let root: String
        let outside: String

        static func make() throws -> ImportTree {
            let base = FileManager.default.temporaryDirectory.appendingPathComponent("allot-import-" + UUID().uuidString).path
            let root = base + "/root"
            let outside = base + "/outside"
            let files = FileManager.default
            try files.createDirectory(atPath: root + "/koku", withIntermediateDirectories: true)
            try files.createDirectory(atPath: outside, withIntermediateDirectories: true)
            try files.copyItem(
                atPath: try DeliveryUploadTests.kokuCopy(DeliveryUploadTests.kokuSample), toPath: root + "/koku/2023-06-01.csv")
            try TinyDelivery.csv(rows: 3).write(toFile: outside + "/secret.csv", atomically: true, encoding: .utf8)
            try files.createSymbolicLink(atPath: root + "/escape.csv", withDestinationPath: outside + "/secret.csv")
            try files.createSymbolicLink(atPath: root + "/escape-dir", withDestinationPath: outside)
            return ImportTree(root: root, outside: outside)
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: root).deletingLastPathComponent().path)
        }
    }

    @Test func pathsUnderTheRootAreIngestedAndOthersRefused() async throws {
        let tree = try ImportTree.make()
        defer { tree.remove() }
        try await APIFixture.with(configure: { $0.importRoot = tree.root }) { fixture, app in
            try await app.test(.router) { client in
                func post(_ path: String) async throws -> TestResponse {
                    let body = try JSONEncoder().encode(["path": path])
                    return try await client.execute(
                        uri: "/v1/deliveries?create-org=true", method: .post,
                        headers: fixture.headers("admin", [.contentType: "application/json"]), body: ByteBuffer(data: body))
                }
                for outside in ["../outside/secret.csv", tree.outside + "/secret.csv", "escape.csv", "escape-dir/secret.csv", "/etc/passwd", "koku/../../outside"] {
                    let response = try await post(outside)
                    #expect(response.status == .forbidden, "\(outside): \(response.text)")
                    #expect(response.problem?.detail?.contains(tree.root) == false)
                }
                let missing = try await post("koku/nothing-here.csv")
                #expect(missing.status == .unprocessableContent)
                #expect(missing.problem?.detail == "'koku/nothing-here.csv' does not exist under the import root")

                let inside = try await post("koku")
                #expect(inside.status == .created, "\(inside.text)")
                #expect(try inside.decode(Components.Schemas.IngestResult.self).delivery.billingPeriod == "2023-06")
                let absolute = try await post(tree.root + "/koku/2023-06-01.csv")
                #expect(absolute.status == .ok)
                #expect(try absolute.decode(Components.Schemas.IngestResult.self).status == .unchanged)

                let malformed = try await client.execute(
                    uri: "/v1/deliveries", method: .post, headers: fixture.headers("admin", [.contentType: "application/json"]),
                    body: ByteBuffer(string: #"{"path": "koku", "extra": 1}"#))
                #expect(malformed.status == .badRequest)
            }
            #expect(try await DeliveryRecord.list(fixture.client).count == 1)
        }
    }

    @Test func withoutAnImportRootPathsAreRefused() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                let response = try await client.execute(
                    uri: "/v1/deliveries", method: .post, headers: fixture.headers("admin", [.contentType: "application/json"]),
                    body: ByteBuffer(string: #"{"path": "/etc/passwd"}"#))
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func listsArePaginatedNewestFirst() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                // Three deliveries of one organization and period: each replaces the previous one.
                for rows in [2, 3, 4] {
                    let response = try await client.execute(
                        uri: "/v1/deliveries?create-org=true&org=acme", method: .post,
                        headers: fixture.headers("admin", [.contentType: "text/csv"]),
                        body: ByteBuffer(string: TinyDelivery.csv(rows: rows)))
                    #expect(response.status == .created)
                }
                var seen: [Int64] = []
                var uri = "/v1/deliveries?limit=2&org=acme&period=2026-06"
                while true {
                    let response = try await client.execute(uri: uri, method: .get, headers: fixture.headers("planner"))
                    let page = try response.decode(Components.Schemas.DeliveryPage.self)
                    seen += page.items.map(\.id)
                    guard let cursor = page.nextCursor else { break }
                    uri = "/v1/deliveries?limit=2&org=acme&period=2026-06&cursor=\(cursor)"
                }
                #expect(seen.count == 3)
                #expect(seen == seen.sorted(by: >))
                let statuses = try await DeliveryRecord.list(fixture.client).map(\.status)
                #expect(statuses == ["current", "superseded", "superseded"])

                for bad in ["limit=0", "limit=1001", "limit=x", "cursor=zzz", "period=2026-13", "org=UPPER"] {
                    let response = try await client.execute(uri: "/v1/deliveries?\(bad)", method: .get, headers: fixture.headers("planner"))
                    #expect(response.status == .badRequest, "\(bad)")
                }
                let otherPeriod = try await client.execute(uri: "/v1/deliveries?period=2026-05", method: .get, headers: fixture.headers("planner"))
                #expect(try otherPeriod.decode(Components.Schemas.DeliveryPage.self).items.isEmpty)
                let missing = try await client.execute(uri: "/v1/deliveries/424242", method: .get, headers: fixture.headers("planner"))
                #expect(missing.status == .notFound)
                let zero = try await client.execute(uri: "/v1/deliveries/0", method: .get, headers: fixture.headers("planner"))
                #expect(zero.status == .badRequest)
            }
        }
    }
}
