import AllotAPI
import AllotServer
import AllotStore
import AllotTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// The HTTP edge's hygiene: security headers on every answer, problems without Swift's type names, JSON bodies
/// only as JSON, slow clients cut off, and no secret in any log line.
@Suite struct EdgeHygieneTests {
    @Test func securityHeadersOnEveryResponse() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                for (uri, role) in [("/healthz", nil), ("/v1/audit", nil), ("/v1/audit", "admin"), ("/v1/nowhere", "admin")] as [(String, String?)] {
                    let response = try await client.execute(uri: uri, method: .get, headers: fixture.headers(role))
                    #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff", "\(uri)")
                    #expect(response.headers[.cacheControl] == "no-store", "\(uri)")
                    #expect(response.headers[.init("Referrer-Policy")!] == "no-referrer", "\(uri)")
                    #expect(response.headers[.init("X-Frame-Options")!] == "DENY", "\(uri)")
                    #expect(response.headers[.init("Content-Security-Policy")!]?.contains("default-src 'none'") == true, "\(uri)")
                }
            }
        }
    }

    /// A body the generated code cannot decode is a 400 problem that names the field, not Swift's types.
    @Test func decodingErrorsWithoutTypeNames() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                for body in [#"{"period": 5}"#, "{", "[]", #"{"period": "2026-06", "organizations": "x"}"#] {
                    let response = try await client.execute(
                        uri: "/v1/allocations", method: .post, headers: fixture.headers("admin", [.contentType: "application/json"]),
                        body: ByteBuffer(string: body))
                    #expect(response.status == .badRequest, "\(body): \(response.text)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let detail = response.problem?.detail ?? ""
                    for leak in ["Swift.", "CodingKeys", "DecodingError", "Components.", "Operations.", "typeMismatch"] {
                        #expect(!detail.contains(leak), "\(body): \(detail)")
                    }
                }
            }
        }
    }

    /// A JSON operation given another media type is refused with 415, before any handler runs.
    @Test func jsonBodiesNeedTheJSONMediaType() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                for contentType in ["text/plain", "application/x-www-form-urlencoded", nil] as [String?] {
                    var extra: HTTPFields = [:]
                    if let contentType { extra[.contentType] = contentType }
                    let response = try await client.execute(
                        uri: "/v1/allocations", method: .post, headers: fixture.headers("admin", extra),
                        body: ByteBuffer(string: #"{"period": "2026-06"}"#))
                    #expect(response.status == .unsupportedMediaType, "\(contentType ?? "none"): \(response.text)")
                }
            }
        }
    }

    /// A client that sends half a head, or trickles a body, is disconnected.
    @Test func slowClientsAreCutOff() async throws {
        try await APIFixture.with(configure: { configuration in
            configuration.requestHeadTimeout = .seconds(1)
            configuration.minimumUploadRate = (bytes: 1024, per: .seconds(1))
        }) { fixture, app in
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let halfHead = try RawConnection(port: port)
                halfHead.send("GET /v1/audit HTTP/1.1\r\nHost: x\r\n")
                #expect(halfHead.isClosed(within: .seconds(5)))

                let idle = try RawConnection(port: port)
                #expect(idle.isClosed(within: .seconds(5)))

                let trickle = try RawConnection(port: port)
                trickle.send(
                    "POST /v1/deliveries?org=acme HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(fixture.tokens["admin"]!)\r\n"
                        + "Content-Type: text/csv\r\nContent-Length: 100000\r\n\r\n")
                var closed = false
                for _ in 0..<40 where !closed {
                    closed = !trickle.send("a") || trickle.isClosed(within: .milliseconds(250))
                }
                #expect(closed, "a body of 1 byte every 250 ms is still being read after 10 s")

                // A client that keeps up is served.
                let prompt = try RawConnection(port: port)
                prompt.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                #expect(prompt.response(within: .seconds(5)).hasPrefix("HTTP/1.1 200"))
            }
        }
    }

    /// An upload cut off mid-body fails inside the generated code, whose error prints the whole request: the log
    /// lines carry neither the token nor the cookie. The upload is still audited (its task was cancelled).
    @Test func secretsNeverReachTheLog() async throws {
        let lines = Locked<[String]>([])
        let logger = Logger(label: "allot.capture") { label in
            LineLogHandler(label: label, level: .trace) { line in lines.withLock { $0.append(line) } }
        }
        try await APIFixture.with { fixture, _ in
            let app = try buildApplication(configuration: fixture.configuration, client: fixture.client, logger: logger)
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let token = try #require(fixture.tokens["admin"])
                let upload = try RawConnection(port: port)
                upload.send(
                    "POST /v1/deliveries?org=acme HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                        + "Cookie: allot_session=cookie-secret-value\r\nContent-Type: text/csv\r\nContent-Length: 100000\r\n\r\n"
                        + "bill/BillingPeriodStartDate,")
                try await Task.sleep(for: .milliseconds(200))
                upload.hangUp()
                // The generated code's error, with the request it prints, is logged.
                #expect(await eventually { lines.current.contains { $0.contains("request failed") && $0.contains("createDelivery") } })
                try await Task.sleep(for: .milliseconds(200))
                let log = lines.current.joined(separator: "\n")
                #expect(!log.contains(String(token.dropFirst(6))), "\(log)")
                #expect(!log.contains("cookie-secret-value"), "\(log)")
                #expect(!log.contains("could not write the audit log"), "\(log)")
            }
        }
        // The redaction itself, on the shapes libraries print.
        let token = "allot_" + String(repeating: "A1_-", count: 11)
        for line in [
            "request: [Authorization: Bearer \(token), Accept: */*]", #"{"authorization": "Bearer \#(token)"}"#,
            "Cookie: a=b; c=d", "set-cookie=session=1", token,
        ] {
            let redacted = RedactingLogHandler.redact(line)
            #expect(!redacted.contains(token) && !redacted.contains("a=b") && !redacted.contains("c=d") && !redacted.contains("session=1"), "\(redacted)")
        }
        #expect(RedactingLogHandler.redact("allot_http_requests_total 3") == "allot_http_requests_total 3")
    }
}
