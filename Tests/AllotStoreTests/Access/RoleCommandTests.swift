import AllotStore
import AllotTestSupport
import Foundation
import Postgres
import Testing

/// `allot status` and `allot audit verify` as an operator runs them (the executable beside the tests).
@Suite struct RoleCommandTests {
    struct Run {
        var status: Int32
        var output: String
    }

    static func allot(_ arguments: [String], database: String, user: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProjectPaths.allotExecutable)
        process.arguments = arguments + ["--database-url", try TestDatabase.connectionString(database: database, user: user)]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }

    @Test func statusWarnsWhenTheRoleInUseCouldSwitchTheTriggersOff() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: ProjectPaths.allotExecutable), "build with swift build --build-tests")
        try await TestDatabase.migrated { db in
            let application = try Self.allot(["status"], database: db.name, user: DatabaseRole.application.name)
            #expect(application.status == 0)
            #expect(application.output.contains("role:       allot_app"))
            #expect(!application.output.contains("warning"), "\(application.output)")

            let owner = try Self.allot(["status"], database: db.name, user: DatabaseRole.owner.name)
            #expect(owner.output.contains("warning: the database role 'allot_owner' owns audit_log, audit_log_head, invoice_closes"), "\(owner.output)")

            let superuser = try Self.allot(["status"], database: db.name)
            #expect(superuser.output.contains("is a superuser"), "\(superuser.output)")
        }
    }

    @Test func auditVerifyExitsNonZeroNamingTheEditedEntry() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: ProjectPaths.allotExecutable), "build with swift build --build-tests")
        try await TestDatabase.migrated { db in
            let log = AuditLog(client: db.client)
            for name in ["a", "b", "c"] {
                try await log.record(AuditEvent(actor: "cli:tests", action: "tokens create", parameters: ["name": name], outcome: .success))
            }
            let intact = try Self.allot(["audit", "verify"], database: db.name, user: DatabaseRole.application.name)
            #expect(intact.status == 0)
            #expect(intact.output.hasPrefix("3 entries, chain intact (last hash "), "\(intact.output)")

            try await db.withOwnerClient { owner in
                try await owner.withTransaction { connection in
                    try await connection.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_is_append_only")
                    try await connection.execute("UPDATE audit_log SET parameters = '{\"name\": \"z\"}' WHERE id = 2")
                    try await connection.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_is_append_only")
                }
            }
            let broken = try Self.allot(["audit", "verify"], database: db.name, user: DatabaseRole.application.name)
            #expect(broken.status == 1)
            #expect(broken.output.hasPrefix("audit log: chain broken at entry 2: its content no longer matches its hash"), "\(broken.output)")
        }
    }
}
