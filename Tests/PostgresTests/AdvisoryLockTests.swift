import AllotTestSupport
import Postgres
import Testing

@Suite struct AdvisoryLockTests {
    struct Boom: Error {}

    @Test func twoHoldersSerialize() async throws {
        try await TestDatabase.with(maxConnections: 2) { db in
            let log = Locked([String]())
            try await withThrowingTaskGroup(of: Void.self) { group in
                for name in ["a", "b"] {
                    group.addTask {
                        try await db.client.withAdvisoryLock(key: 42) { conn in
                            log.withLock { $0.append("enter \(name)") }
                            try await conn.query("SELECT pg_sleep(0.2)")
                            log.withLock { $0.append("exit \(name)") }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let events = log.current
            #expect(events.count == 4)
            // Whoever enters first exits before the other enters.
            #expect(events == ["enter a", "exit a", "enter b", "exit b"] || events == ["enter b", "exit b", "enter a", "exit a"])
        }
    }

    @Test func tryLockReturnsNilWhileAnotherSessionHoldsIt() async throws {
        try await TestDatabase.with(maxConnections: 2) { db in
            let (release, releaseContinuation) = AsyncStream<Void>.makeStream()
            let (held, heldContinuation) = AsyncStream<Void>.makeStream()
            let holder = Task {
                try await db.client.withAdvisoryLock(key: 7) { _ in
                    heldContinuation.yield()
                    for await _ in release { break }
                    return "held"
                }
            }
            for await _ in held { break }
            let whileHeld = try await db.client.tryAdvisoryLock(key: 7) { _ in "ran" }
            #expect(whileHeld == nil)
            let otherKey = try await db.client.tryAdvisoryLock(key: 8) { _ in "ran" }
            #expect(otherKey == "ran")
            releaseContinuation.yield()
            #expect(try await holder.value == "held")
            let afterRelease = try await db.client.tryAdvisoryLock(key: 7) { _ in "ran" }
            #expect(afterRelease == "ran")
        }
    }

    @Test func lockIsReleasedWhenTheBodyThrows() async throws {
        try await TestDatabase.with(maxConnections: 1) { db in
            await #expect(throws: Boom.self) {
                try await db.client.withAdvisoryLock(key: 99) { _ in throw Boom() }
            }
            let other = db.makeClient()
            let acquired = try await other.tryAdvisoryLock(key: 99) { _ in true }
            await other.close()
            #expect(acquired == true)
            // No lock left behind on the pooled connection either, and it was reused rather than closed.
            // pg_locks lists every database's locks; other suites hold theirs at the same time.
            let held = try await db.client.query(
                """
                SELECT count(*) FROM pg_locks
                WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """
            ).singleValue(Int.self)
            #expect(held == 0)
            #expect(db.client.statistics.idle == 1)
        }
    }
}
