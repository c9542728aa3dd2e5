import AllotCore
import AllotStore
import AllotTestSupport
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Postgres
import Testing

/// End to end against `allot serve` as a process: uploads over the limit do not grow its memory, and SIGTERM
/// lets a request in flight finish.
@Suite struct ServeProcessTests {
    /// A migrated database with an admin token, and a server on it.
    static func withServer(
        _ arguments: [String], _ body: (ServerProcess, String, TestDatabase, String) async throws -> Void
    ) async throws {
        try await TestDatabase.migrated { database in
            let token = try await APITokens(client: database.client, logger: TestDatabase.logger)
                .create(name: "e2e", role: .admin, actor: "cli:tests").secret.text
            let home = NSTemporaryDirectory() + "allot-e2e-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: home) }
            let spool = home + "/spool"
            let server = try await ServerProcess(database: database.name, arguments: ["--spool-dir", spool] + arguments, home: home)
            defer { server.kill() }
            try await body(server, token, database, spool)
        }
    }

    static func upload(
        _ server: ServerProcess, token: String, query: String = "", body: HTTPClientRequest.Body, contentType: String = "text/csv"
    ) async throws -> HTTPClientResponse {
        var request = HTTPClientRequest(url: server.baseURL + "/v1/deliveries" + query)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: contentType)
        request.body = body
        return try await HTTPClient.shared.execute(request, timeout: .seconds(120))
    }

    /// 50 MB of CSV-ish bytes in 64 KiB chunks, made as they are sent (the test holds none of it).
    static func fiftyMegabytes() -> AsyncStream<ByteBuffer> {
        let chunk = ByteBuffer(repeating: UInt8(ascii: "1"), count: 65_536)
        let sent = Locked(0)
        return AsyncStream(unfolding: {
            sent.withLock { count -> ByteBuffer? in
                guard count < 800 else { return nil }
                count += 1
                return chunk
            }
        })
    }

    @Test func uploadOverTheLimitIs413AndMemoryDoesNotGrow() async throws {
        try await Self.withServer(["--max-upload-bytes", String(1 << 20)]) { server, token, database, spool in
            // Warm up: a small upload that is ingested, so that the pools and caches exist before measuring.
            let small = try await Self.upload(
                server, token: token, query: "?create-org=true", body: .bytes(ByteBuffer(string: TinyDelivery.csv(rows: 24))))
            #expect(small.status.code == 201)
            let before = try server.residentKilobytes

            // Chunked: the server can only count.
            let chunked = try await Self.upload(server, token: token, body: .stream(Self.fiftyMegabytes(), length: .unknown))
            #expect(chunked.status.code == 413)
            let problem = String(buffer: try await chunked.body.collect(upTo: 1 << 16))
            #expect(problem.contains("1048576 bytes"))
            // Announced: refused before a byte of it is read.
            let announced = try await Self.upload(
                server, token: token, body: .stream(Self.fiftyMegabytes(), length: .known(Int64(800 * 65_536))))
            #expect(announced.status.code == 413)

            let after = try server.residentKilobytes
            // 100 MB went past the server; it may hold at most a few MB more than before.
            #expect(after - before < 8 * 1024, "RSS grew from \(before) kB to \(after) kB")
            #expect(try FileManager.default.contentsOfDirectory(atPath: spool).isEmpty)
            #expect(try await DeliveryRecord.list(database.client).count == 1)
        }
    }

    @Test func sigtermLetsARequestInFlightFinish() async throws {
        try await Self.withServer(["--answer-within", "60", "--shutdown-timeout", "30"]) { server, token, database, _ in
            let first = try await Self.upload(
                server, token: token, query: "?create-org=true&org=acme", body: .bytes(ByteBuffer(string: TinyDelivery.csv(rows: 24))))
            #expect(first.status.code == 201)

            // Hold the lock every ingest of (acme, 2026-06) takes: the next upload waits for it inside the server.
            let holder = database.makeClient()
            let key = DeliveryIngest.lockKey(organization: "acme", period: try .init(parsing: "2026-06"))
            let (release, releaseSignal) = AsyncStream<Void>.makeStream()
            let lockHeld = Locked(false)
            let lockTask = Task {
                try await holder.withAdvisoryLock(key: key) { _ in
                    lockHeld.withLock { $0 = true }
                    for await _ in release {}
                }
            }
            #expect(await eventually { lockHeld.current })

            let inFlight = Task {
                try await Self.upload(
                    server, token: token, query: "?org=acme", body: .bytes(ByteBuffer(string: TinyDelivery.csv(rows: 30))))
            }
            let waiting = try await eventually {
                let rows = try await database.client.query(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                return try rows.singleValue(Int.self) == 1
            }
            #expect(waiting, "the server's ingest never waited for the lock")

            server.terminate()
            // Shutting down, it waits for the request: still running a second later.
            try await Task.sleep(for: .seconds(1))
            #expect(server.process.isRunning)

            releaseSignal.finish()
            try await lockTask.value
            await holder.close()
            let response = try await inFlight.value
            #expect(response.status.code == 201)
            let exit = await server.exitStatus(within: .seconds(30))
            #expect(exit == 0)
            let current = try await DeliveryRecord.list(database.client).first { $0.status == "current" }
            #expect(current?.rowCount == 30)
        }
    }
}
