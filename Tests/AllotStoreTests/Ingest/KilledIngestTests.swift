import AllotCore
import AllotStore
import AllotTestSupport
import Foundation
import Postgres
import Testing

/// `kill -9` of an `allot ingest` in the middle of its COPY loses nothing: the organization's period still reads as
/// before, the dead delivery is recorded as interrupted, and the next ingest of the same files succeeds.
@Suite struct KilledIngestTests {
    @Test func killDuringCopyLeavesTheCurrentDeliveryInPlace() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: ProjectPaths.allotExecutable), "build with swift build --build-tests")
        try await TestDatabase.migrated { db in
            // The delivery in place: 48 rows at 1.25.
            _ = try await db.ingest([try TinyCUR.write(TinyCUR.hourly(48, cost: "1.25"))])
            let before = try await StoreSnapshot.take(db.client)
            let total = try await db.sum("unblended_cost", org: "111111111111", period: "2026-06")

            // Its replacement is large enough (400,000 rows) that the COPY is still running when it is killed.
            let large = try TinyCUR.write(TinyCUR.hourly(400_000, cost: "2.50"))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ProjectPaths.allotExecutable)
            process.arguments = ["ingest", "--quiet", "--database-url", try TestDatabase.connectionString(database: db.name, user: DatabaseRole.application.name), large]
            try process.run()
            let loading = try await eventually(timeout: .seconds(60)) {
                try await db.client.query("SELECT count(*) FROM cur_deliveries WHERE status = 'loading'").singleValue(Int.self) == 1
            }
            try #require(loading, "the ingest never started loading")
            try await Task.sleep(for: .milliseconds(300))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)

            // Readers see exactly what was there before.
            #expect(try await db.sum("unblended_cost", org: "111111111111", period: "2026-06") == total)
            #expect(try await StoreSnapshot.take(db.client) == before)

            // The next ingest marks the dead one interrupted and loads the files.
            let outcome = try await db.ingest([large])
            #expect(outcome.status == "ingested")
            #expect(try await db.sum("unblended_cost", org: "111111111111", period: "2026-06") == Amount(1_000_000))
            let interrupted = try await db.client.query(
                "SELECT count(*) FROM cur_deliveries WHERE status = 'failed' AND error LIKE 'interrupted:%'"
            ).singleValue(Int.self)
            #expect(interrupted == 1)
        }
    }
}
