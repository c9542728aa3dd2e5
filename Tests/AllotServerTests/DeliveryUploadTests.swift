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
import NIOFoundationEssentialsCompat
import Postgres
import Testing

/// `POST /v1/deliveries` with an uploaded file: real samples, identical content, corrupt files, size limits.
@Suite struct DeliveryUploadTests {
    static let focusSample = "focus-converters/sample-anonymous-aws-export-dataset.csv"
    /// koku's 201-column legacy CUR of 2023-06: three SavingsPlanCoveredUsage rows of payer 0099999999999, an
    /// invented 13-digit id the reader refuses; uploads use ``kokuCopy(_:)``.
    static let kokuSample = "koku/aws/2023-06-01.csv"
    /// koku's S3-layout delivery: one gzip file whose 13,380 rows span 2018-06, 2018-07 and 2018-08 although its
    /// manifest says 2018-08, which the ingest refuses (a delivery covers one billing period).
    static let kokuThreePeriodSample =
        "koku/test_local_bucket/koku-local/20180801-20180901/16e57707-f9e3-49be-8be6-b84e684b5194/koku-local-1.csv.gz"

    /// A plain CSV copy of a koku sample with 12-digit account ids (``ProjectPaths/kokuAccountIds``).
    static func kokuCopy(_ sample: String) throws -> String {
        try ProjectPaths.referenceFile(sample, accountIds: ProjectPaths.kokuAccountIds)
    }

    @Test func realCSVSampleIsIngestedThenRecognisedAsUnchanged() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                let body = try ByteBuffer(file: ProjectPaths.referenceFile(Self.focusSample))
                let headers = fixture.headers("admin", [.contentType: "text/csv"])
                let first = try await client.execute(uri: "/v1/deliveries?create-org=true", method: .post, headers: headers, body: body)
                #expect(first.status == .created, "\(first.text)")
                let result = try first.decode(Components.Schemas.IngestResult.self)
                #expect(result.status == .ingested)
                #expect(result.delivery.status == .current)
                // 1282 lines: the header and 1281 rows.
                #expect(result.delivery.rowCount == 1281)
                #expect(result.reconciliation?.byLineItemType.reduce(0) { $0 + $1.rows } == 1281)
                let stored = try await DeliveryRecord.list(fixture.client)
                #expect(stored.map(\.id) == [Int(result.delivery.id)])
                #expect(stored.first?.unblendedTotal?.description == result.delivery.unblendedTotal)

                let again = try await client.execute(uri: "/v1/deliveries", method: .post, headers: headers, body: body)
                #expect(again.status == .ok)
                let unchanged = try again.decode(Components.Schemas.IngestResult.self)
                #expect(unchanged.status == .unchanged)
                #expect(unchanged.delivery.id == result.delivery.id)

                let fetched = try await client.execute(uri: "/v1/deliveries/\(result.delivery.id)", method: .get, headers: fixture.headers("planner"))
                #expect(try fetched.decode(Components.Schemas.Delivery.self) == result.delivery)
            }
            // The spool keeps nothing once the ingests are over.
            #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.configuration.spoolDirectory).isEmpty)
        }
    }

    @Test func gzipSampleCreatesItsOrganization() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                let body = ByteBuffer(data: try Gzip.compress(file: try Self.kokuCopy(Self.kokuSample)))
                let refused = try await client.execute(
                    uri: "/v1/deliveries", method: .post, headers: fixture.headers("admin", [.contentType: "application/gzip"]), body: body)
                #expect(refused.status == .unprocessableContent)
                #expect(refused.problem?._type == "urn:allot:problem:unknown-organization")
                #expect(refused.problem?.detail?.contains("create-org=true") == true)

                // application/octet-stream: recognised as gzip by its first bytes.
                let response = try await client.execute(
                    uri: "/v1/deliveries?create-org=true&org=koku", method: .post,
                    headers: fixture.headers("admin", [.contentType: "application/octet-stream"]), body: body)
                #expect(response.status == .created, "\(response.text)")
                let result = try response.decode(Components.Schemas.IngestResult.self)
                #expect(result.delivery.orgId == "koku")
                #expect(result.delivery.billingPeriod == "2023-06")
                #expect(result.delivery.rowCount == 3)

                // A real gzip delivery whose rows span three billing periods is refused, and nothing of it stored.
                let threePeriods = try await client.execute(
                    uri: "/v1/deliveries?create-org=true&org=koku-local", method: .post,
                    headers: fixture.headers("admin", [.contentType: "application/gzip"]),
                    body: ByteBuffer(data: try Gzip.compress(file: try Self.kokuCopy(Self.kokuThreePeriodSample))))
                #expect(threePeriods.status == .unprocessableContent)
                #expect(threePeriods.problem?._type == "urn:allot:problem:refused-delivery")
                #expect(threePeriods.problem?.detail?.contains("rows outside the billing period") == true, "\(threePeriods.text)")
                let organizations = try await OrganizationRecord.all(fixture.client)
                #expect(organizations.map(\.id) == ["koku"])
                #expect(try await DeliveryRecord.list(fixture.client).count == 1)
            }
        }
    }

    @Test func corruptFileIsRefusedWithLineAndColumnAndNothingStored() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                let response = try await client.execute(
                    uri: "/v1/deliveries?create-org=true", method: .post, headers: fixture.headers("admin", [.contentType: "text/csv"]),
                    body: ByteBuffer(string: TinyDelivery.csv(rows: 5, badRow: 1)))
                #expect(response.status == .unprocessableContent)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try #require(response.problem)
                #expect(problem._type == "urn:allot:problem:unreadable-delivery")
                // Row 1 is on line 3 (the header is line 1); the spool path is not shown.
                let detail = try #require(problem.detail)
                #expect(detail.contains("upload.csv:3"), "\(detail)")
                #expect(detail.contains("lineItem/UnblendedCost"), "\(detail)")
                #expect(detail.contains("12,5"), "\(detail)")
                #expect(!detail.contains(fixture.configuration.spoolDirectory), "\(detail)")
                #expect(problem.correlationId == response.headers[.init("X-Request-Id")!])
            }
            #expect(try await DeliveryRecord.list(fixture.client).isEmpty)
            #expect(try await OrganizationRecord.all(fixture.client).isEmpty)
            let items = try await fixture.client.query("SELECT count(*) FROM line_items").singleValue(Int.self)
            #expect(items == 0)
        }
    }

    @Test func uploadOverTheLimitIsRefusedWith413() async throws {
        try await APIFixture.with(configure: { $0.maxUploadBytes = 1000 }) { fixture, app in
            try await app.test(.router) { client in
                let response = try await client.execute(
                    uri: "/v1/deliveries?create-org=true", method: .post, headers: fixture.headers("admin", [.contentType: "text/csv"]),
                    body: ByteBuffer(string: TinyDelivery.csv(rows: 100)))
                #expect(response.status == .contentTooLarge)
                #expect(response.problem?.detail == "the body is larger than this server accepts (1000 bytes)")
                #expect(response.problem?.status == 413)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.configuration.spoolDirectory).isEmpty)
            #expect(try await DeliveryRecord.list(fixture.client).isEmpty)
        }
    }

    @Test func emptyBodyAndUnknownMediaTypeAreRefused() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                let empty = try await client.execute(
                    uri: "/v1/deliveries", method: .post, headers: fixture.headers("admin", [.contentType: "text/csv"]), body: ByteBuffer())
                #expect(empty.status == .badRequest)
                let xml = try await client.execute(
                    uri: "/v1/deliveries", method: .post, headers: fixture.headers("admin", [.contentType: "application/xml"]),
                    body: ByteBuffer(string: "<cur/>"))
                #expect(xml.status == .unsupportedMediaType)
                #expect(xml.headers[.contentType] == "application/problem+json")
                let badOrg = try await client.execute(
                    uri: "/v1/deliveries?org=Not%20An%20Org", method: .post, headers: fixture.headers("admin", [.contentType: "text/csv"]),
                    body: ByteBuffer(string: TinyDelivery.csv(rows: 2)))
                #expect(badOrg.status == .badRequest)
                #expect(badOrg.problem?.errors?.first?.path == "org")
            }
        }
    }

    @Test func slowIngestAnswers202AndGoesOn() async throws {
        try await APIFixture.with(configure: { $0.answerWithin = .zero }) { fixture, app in
            try await app.test(.router) { client in
                let response = try await client.execute(
                    uri: "/v1/deliveries?create-org=true", method: .post, headers: fixture.headers("admin", [.contentType: "text/csv"]),
                    body: ByteBuffer(string: TinyDelivery.csv(rows: 48)))
                #expect(response.status == .accepted)
                let location = try #require(response.headers[.location])
                #expect(location.hasPrefix("/v1/ingests/"))
                let accepted = try response.decode(Components.Schemas.Ingest.self)
                #expect(location == "/v1/ingests/\(accepted.id)")
                var ingest = accepted
                let finished = try await eventually(timeout: .seconds(120)) {
                    let poll = try await client.execute(uri: location, method: .get, headers: fixture.headers("planner"))
                    ingest = try poll.decode(Components.Schemas.Ingest.self)
                    return ingest.status != .running
                }
                #expect(finished)
                #expect(ingest.status == .ingested)
                #expect(ingest.result?.delivery.rowCount == 48)
                let missing = try await client.execute(
                    uri: "/v1/ingests/\(UUID().uuidString.lowercased())", method: .get, headers: fixture.headers("planner"))
                #expect(missing.status == .notFound)
                let malformed = try await client.execute(uri: "/v1/ingests/nope", method: .get, headers: fixture.headers("planner"))
                #expect(malformed.status == .badRequest)
            }
        }
    }

    @Test func runningIngestOfTheSamePeriodAnswers409WithoutWaiting() async throws {
        try await APIFixture.with { fixture, app in
            try await app.test(.router) { client in
                let headers = fixture.headers("admin", [.contentType: "text/csv"])
                let first = try await client.execute(
                    uri: "/v1/deliveries?create-org=true&org=acme", method: .post, headers: headers,
                    body: ByteBuffer(string: TinyDelivery.csv(rows: 24)))
                #expect(first.status == .created)
                // Hold the lock every ingest of (acme, 2026-06) takes, as a running ingest would.
                let holder = fixture.database.makeClient()
                let key = DeliveryIngest.lockKey(organization: "acme", period: try .init(parsing: "2026-06"))
                try await holder.withAdvisoryLock(key: key) { _ in
                    let busy = try await client.execute(
                        uri: "/v1/deliveries?org=acme&wait=false", method: .post, headers: headers,
                        body: ByteBuffer(string: TinyDelivery.csv(rows: 25)))
                    #expect(busy.status == .conflict)
                    #expect(busy.problem?._type == "urn:allot:problem:ingest-running")
                }
                await holder.close()
            }
        }
    }
}
