import AllotAPI
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

/// `/healthz`, `/readyz`, `/metrics`, request ids, unknown routes and methods.
@Suite struct OperationsTests {
    @Test func healthAndReadiness() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                let health = try await client.execute(uri: "/healthz", method: .get)
                #expect(health.status == .ok)
                #expect(try health.decode(Components.Schemas.Health.self).status == .ok)
                let ready = try await client.execute(uri: "/readyz", method: .get)
                #expect(ready.status == .ok)
                #expect(try ready.decode(Components.Schemas.Readiness.self).migrations == .current)
            }
        }
        // A migration the database does not have: not ready.
        try await APIFixture.with(configure: { configuration in
            configuration.migrations.append(Migration(version: 9999, fileName: "9999_future.sql", sql: "SELECT 1"))
        }) { _, app in
            try await app.test(.router) { client in
                let ready = try await client.execute(uri: "/readyz", method: .get)
                #expect(ready.status == .serviceUnavailable)
                #expect(ready.problem?.detail?.contains("migrations") == true)
            }
        }
    }

    @Test func readinessWithoutADatabase() async throws {
        var configuration = ServerConfiguration(port: 0, spoolDirectory: NSTemporaryDirectory() + "allot-spool-" + UUID().uuidString)
        configuration.migrations = try Migration.load(directory: ProjectPaths.migrations)
        // A unix socket directory with no server in it.
        let client = PostgresClient(
            configuration: .init(connectionString: "host=/nonexistent-allot-socket dbname=allot", maxConnections: 1, connectTimeout: .seconds(2)),
            logger: TestDatabase.logger)
        let app = try buildApplication(configuration: configuration, client: client, logger: TestDatabase.logger)
        try await app.test(.router) { client in
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .serviceUnavailable)
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
        }
        await client.close()
    }

    @Test func metricsCountRequestsByRouteAndStatus() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                for _ in 0..<3 { _ = try await client.execute(uri: "/v1/organizations", method: .get, headers: fixture.headers("planner")) }
                _ = try await client.execute(uri: "/v1/organizations", method: .get)
                _ = try await client.execute(
                    uri: "/v1/deliveries?create-org=true", method: .post, headers: fixture.headers("admin", [.contentType: "text/csv"]),
                    body: ByteBuffer(string: TinyDelivery.csv(rows: 5)))
                let metrics = try await client.execute(uri: "/metrics", method: .get)
                #expect(metrics.status == .ok)
                #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
                let text = metrics.text
                #expect(text.contains(#"allot_http_requests_total{method="GET",route="/v1/organizations",status="200"} 3"#), "\(text)")
                #expect(text.contains(#"allot_http_requests_total{method="GET",route="/v1/organizations",status="401"} 1"#))
                #expect(text.contains(#"allot_http_request_duration_seconds_bucket{method="GET",route="/v1/organizations",status="200""#))
                #expect(text.contains(#"allot_ingests_total{outcome="ingested"} 1"#))
                #expect(text.contains("allot_ingest_rows_total 5"))
                #expect(text.contains(#"allot_db_pool_connections{state="in_use"}"#))
                #expect(text.contains("allot_db_pool_waiting 0"))
            }
        }
    }

    @Test func everyResponseCarriesItsRequestID() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                let ok = try await client.execute(uri: "/healthz", method: .get)
                #expect(ok.headers[.init("X-Request-Id")!]?.isEmpty == false)
                let missing = try await client.execute(uri: "/v1/nothing", method: .get, headers: fixture.headers("admin"))
                #expect(missing.status == .notFound)
                #expect(missing.problem?.correlationId == missing.headers[.init("X-Request-Id")!])
                #expect(missing.problem?.instance == "urn:allot:request:\(missing.problem?.correlationId ?? "")")
                let wrongMethod = try await client.execute(uri: "/v1/organizations", method: .delete, headers: fixture.headers("admin"))
                #expect(wrongMethod.status == .methodNotAllowed)
                #expect(wrongMethod.headers[.allow] == "GET")
                // Without a token, 401 comes first: nothing is told about a path to an anonymous caller.
                #expect(try await client.execute(uri: "/v1/deliveries", method: .put).status == .unauthorized)
                let both = try await client.execute(uri: "/v1/deliveries", method: .put, headers: fixture.headers("planner"))
                #expect(both.status == .methodNotAllowed)
                #expect(both.headers[.allow] == "GET, POST")
            }
        }
    }
}
