import AllotTestSupport
import Postgres
import Testing

@Suite struct PoolTests {
    @Test func fiftyTasksTimesTwentyQueriesThroughFourConnections() async throws {
        try await TestDatabase.with(maxConnections: 4) { db in
            let inside = Locked((now: 0, max: 0))
            let pids = Locked(Set<Int32>())
            let checked = try await withThrowingTaskGroup(of: Int.self) { group in
                for task in 0..<50 {
                    group.addTask {
                        var correct = 0
                        for query in 0..<20 {
                            let n = task * 100 + query
                            let row = try await db.client.withConnection { conn in
                                inside.withLock {
                                    $0.now += 1; $0.max = max($0.max, $0.now)
                                }
                                defer { inside.withLock { $0.now -= 1 } }
                                return try #require(try await conn.query("SELECT $1::int8 * 2, pg_backend_pid()", [n]).first)
                            }
                            if try row.decode(Int.self, at: 0) == n * 2 { correct += 1 }
                            _ = try pids.withLock { $0.insert(try row.decode(Int32.self, at: 1)) }
                        }
                        return correct
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(checked == 1_000)  // 50 tasks × 20 queries, each answered with its own n × 2
            #expect(inside.current.max <= 4)
            #expect(pids.current.count <= 4)
            let statistics = db.client.statistics
            #expect(statistics.peakInUse <= 4)
            #expect(statistics.inUse == 0)
            #expect(statistics.waiting == 0)
            #expect(statistics.idle == pids.current.count)
        }
    }

    @Test func terminatedBackendsAreReplaced() async throws {
        try await TestDatabase.with(maxConnections: 4) { db in
            // Open all four connections at once so that each backend is distinct.
            let before = try await withThrowingTaskGroup(of: Int32.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await db.client.query("SELECT pg_backend_pid(), pg_sleep(0.3)").first?.decode(Int32.self, at: 0) ?? 0
                    }
                }
                return try await group.reduce(into: Set<Int32>()) { $0.insert($1) }
            }
            #expect(before.count == 4)
            #expect(db.client.statistics.idle == 4)

            let admin = db.makeClient()
            let terminated = try await admin.query(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM unnest($1::int4[]) AS pid",
                [Array(before)]
            ).singleValue(Int.self)
            #expect(terminated == 4)
            let gone = try await eventually {
                try await admin.query("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY($1)", [Array(before)])
                    .singleValue(Int.self) == 0
            }
            #expect(gone)
            await admin.close()

            let after = try await withThrowingTaskGroup(of: Int32.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await db.client.query("SELECT pg_backend_pid()").singleValue(Int32.self) }
                }
                return try await group.reduce(into: Set<Int32>()) { $0.insert($1) }
            }
            #expect(!after.isEmpty)
            #expect(after.isDisjoint(with: before))
            #expect(db.client.statistics.inUse == 0)
        }
    }

    @Test func connectionKilledWhileInUseFailsClearlyAndIsDiscarded() async throws {
        try await TestDatabase.with(maxConnections: 1) { db in
            let admin = db.makeClient()
            let killed = try await db.client.withConnection { conn in
                let pid = conn.backendPID
                _ = try await admin.query("SELECT pg_terminate_backend($1)", [pid])
                _ = try await eventually {
                    try await admin.query("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", [pid])
                        .singleValue(Int.self) == 0
                }
                let error = try await #require(throws: PostgresError.self) { try await conn.query("SELECT 1") }
                #expect(error.code == .connectionClosed)
                return pid
            }
            await admin.close()
            let next = try await db.client.query("SELECT pg_backend_pid()").singleValue(Int32.self)
            #expect(next != killed)
        }
    }

    @Test func closeFailsWaitersAndLaterCalls() async throws {
        try await TestDatabase.with { db in
            let client = db.makeClient(maxConnections: 1)
            let (release, releaseContinuation) = AsyncStream<Void>.makeStream()
            let (started, startedContinuation) = AsyncStream<Void>.makeStream()
            let holder = Task {
                try await client.withConnection { _ in
                    startedContinuation.yield()
                    for await _ in release { break }
                }
            }
            for await _ in started { break }
            let waiter = Task { try await client.query("SELECT 1") }
            #expect(await eventually { client.statistics.waiting == 1 })

            let closer = Task { await client.close() }
            let waiterError = await #expect(throws: PostgresError.self) { try await waiter.value }
            #expect(waiterError?.code == .poolClosed)
            releaseContinuation.yield()
            try await holder.value
            await closer.value

            let error = await #expect(throws: PostgresError.self) { try await client.query("SELECT 1") }
            #expect(error?.code == .poolClosed)
            #expect(client.statistics.inUse == 0)
        }
    }

    @Test func cancelledWaiterLeavesTheQueue() async throws {
        try await TestDatabase.with(maxConnections: 1) { db in
            let (release, releaseContinuation) = AsyncStream<Void>.makeStream()
            let (started, startedContinuation) = AsyncStream<Void>.makeStream()
            let holder = Task {
                try await db.client.withConnection { _ in
                    startedContinuation.yield()
                    for await _ in release { break }
                }
            }
            for await _ in started { break }
            let waiter = Task { try await db.client.query("SELECT 1") }
            #expect(await eventually { db.client.statistics.waiting == 1 })
            waiter.cancel()
            await #expect(throws: CancellationError.self) { try await waiter.value }
            #expect(db.client.statistics.waiting == 0)
            releaseContinuation.yield()
            try await holder.value
            #expect(try await db.client.query("SELECT 2").singleValue(Int.self) == 2)
        }
    }

    @Test func unreachableServerFailsWithConnectionFailed() async throws {
        let client = PostgresClient(
            configuration: .init(connectionString: "postgresql://nobody@127.0.0.1:1/none", connectTimeout: .seconds(2)),
            logger: TestDatabase.logger
        )
        let error = await #expect(throws: PostgresError.self) { try await client.query("SELECT 1") }
        #expect(error?.code == .connectionFailed)
        #expect(client.statistics.inUse == 0)
        await client.close()
    }
}
