import AllotStore
import AllotTestSupport
import Postgres
import Testing

/// The audit log is append-only at the database level, and its entries form one hash chain that
/// `AuditLog.verifyChain()` (`allot audit verify`) recomputes.
@Suite struct AuditLogTests {
    static func append(_ count: Int, to client: PostgresClient) async throws {
        let log = AuditLog(client: client)
        for index in 1...count {
            try await log.record(
                AuditEvent(actor: "cli:tests", action: "tokens create", parameters: ["name": "t\(index)"], outcome: .success))
        }
    }

    @Test func theLogCannotBeRewrittenEvenByItsOwner() async throws {
        try await TestDatabase.migrated { db in
            try await Self.append(2, to: db.client)
            try await db.withOwnerClient { owner in
                for sql in ["UPDATE audit_log SET actor = 'cli:someone-else'", "DELETE FROM audit_log WHERE id = 1", "TRUNCATE audit_log"] {
                    let error = await #expect(throws: PostgresError.self, "\(sql)") { try await owner.execute(sql) }
                    #expect(error?.sqlState == "23000", "\(sql)")
                    #expect(error?.message.contains("the audit log is append-only") == true, "\(sql): \(error?.message ?? "no error")")
                }
            }
            #expect(try await db.client.query("SELECT count(*) FROM audit_log WHERE actor = 'cli:tests'").singleValue(Int.self) == 2)
        }
    }

    @Test func anEntryHashesThePreviousHashAndItsDocumentedContent() async throws {
        try await TestDatabase.migrated { db in
            try await db.client.execute(
                """
                INSERT INTO audit_log (at, actor, action, parameters, outcome)
                VALUES ('2026-10-03 12:00:00.5+00', 'cli:ana', 'tokens create', '{"role": "admin", "name": "ops"}', 'success')
                """)
            // Fields in order id, at, actor, token_id, action, parameters, client_address, outcome, status, request_id;
            // each `<UTF-8 byte count>:<text>`, NULL as `-`; jsonb prints shorter keys first.
            let content = "1:1" + "27:2026-10-03T12:00:00.500000Z" + "7:cli:ana" + "-" + "13:tokens create"
                + "32:{\"name\": \"ops\", \"role\": \"admin\"}" + "-" + "7:success" + "-" + "-"
            let expected = try await db.client.query(
                "SELECT encode(sha256(decode(repeat('00', 32), 'hex') || convert_to($1, 'UTF8')), 'hex')", [content]
            ).singleValue(String.self)
            let row = try #require(try await db.client.query("SELECT previous_hash, hash FROM audit_log WHERE id = 1").first)
            #expect(try row.decode(String.self, "previous_hash") == String(repeating: "0", count: 64))
            #expect(try row.decode(String.self, "hash") == expected)

            try await Self.append(1, to: db.client)
            let second = try #require(try await db.client.query("SELECT previous_hash FROM audit_log WHERE id = 2").first)
            #expect(try second.decode(String.self, "previous_hash") == expected)

            let report = try await AuditLog(client: db.client).verifyChain()
            #expect(report.entries == 2)
            #expect(report.firstBreak == nil)
        }
    }

    @Test func concurrentAppendsFormOneChain() async throws {
        try await TestDatabase.migrated(maxConnections: 8) { db in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 { group.addTask { try await Self.append(5, to: db.client) } }
                try await group.waitForAll()
            }
            let report = try await AuditLog(client: db.client).verifyChain()
            #expect(report.entries == 40)
            #expect(report.firstBreak == nil, "\(report.firstBreak.map(String.init(describing:)) ?? "")")
        }
    }

    /// An owner who switches the triggers off can still edit or delete entries; verification names the entry.
    @Test(arguments: [
        ("UPDATE audit_log SET actor = 'cli:mallory' WHERE id = 2", 2, "was changed after it was written"),
        ("DELETE FROM audit_log WHERE id = 2", 3, "entry 1"),
        ("DELETE FROM audit_log WHERE id = 1", 2, "genesis"),
        ("DELETE FROM audit_log WHERE id = 3", 3, "deleted"),
    ])
    func verificationNamesTheFirstBrokenLink(surgery: String, entry: Int, problem: String) async throws {
        try await TestDatabase.migrated { db in
            try await Self.append(3, to: db.client)
            let log = AuditLog(client: db.client)
            let intact = try await log.verifyChain()
            #expect(intact.entries == 3 && intact.firstBreak == nil)

            try await db.withOwnerClient { owner in
                try await owner.withTransaction { connection in
                    try await connection.execute("ALTER TABLE audit_log DISABLE TRIGGER USER")
                    try await connection.execute(surgery)
                    try await connection.execute("ALTER TABLE audit_log ENABLE TRIGGER USER")
                }
            }
            let report = try await log.verifyChain()
            let broken = try #require(report.firstBreak, "\(surgery)")
            #expect(broken.entryId == entry, "\(surgery): \(broken)")
            #expect(broken.problem.contains(problem), "\(surgery): \(broken)")
        }
    }
}
