import AllotStore
import AllotTestSupport
import Foundation
import Postgres
import Testing

@Suite struct EmbeddedClusterTests {
    @Test func startsFromAnEmptyDirectoryStopsAndKeepsItsData() async throws {
        // A short path: the server's socket lives in the data directory.
        let home = "/tmp/allot-embedded-" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let cluster = try EmbeddedCluster(home: home)
        #expect(try cluster.status().initialized == false)

        try cluster.start()
        #expect(try cluster.status().running == true)
        try await cluster.prepareRoles(logger: TestDatabase.logger)
        try await withClient(cluster) { client in
            try await client.execute("CREATE TABLE kept (note text)")
            try await client.execute("INSERT INTO kept VALUES ($1)", ["still here"])
        }
        try cluster.start()  // already running: a no-op
        try cluster.stop()
        #expect(try cluster.status() .running == false)

        try cluster.start()
        let note = try await withClient(cluster) { client in
            try await client.query("SELECT note FROM kept").first?.decode(String.self, "note")
        }
        #expect(note == "still here")
        try cluster.stop()
        // Socket only: the server was told to listen on no TCP address.
        let configuration = try String(contentsOfFile: cluster.dataDirectory + "/postgresql.conf", encoding: .utf8)
        #expect(configuration.contains("listen_addresses = ''"))
    }

    /// A cluster as Allot left it before the two roles: migrated by, owned by and used as the bootstrap superuser
    /// `allot`, with an audit entry. Its first start with the roles hands everything to the owner, and the
    /// application's role can then work but not rewrite the audit log or unprotect invoices.
    @Test func upgradesAClusterOfOneSuperuserToTheTwoRoles() async throws {
        let home = "/tmp/allot-embedded-" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let cluster = try EmbeddedCluster(home: home)
        try cluster.start()
        defer { try? cluster.stop() }
        let migrations = try Migration.load(directory: ProjectPaths.migrations)
        try await withClient(cluster, user: EmbeddedCluster.databaseName) { superuser in
            let before = migrations.filter { $0.version <= 8 }
            try await Migrator(client: superuser, migrations: before, logger: TestDatabase.logger).migrate()
            try await superuser.execute(
                "INSERT INTO audit_log (actor, action, outcome) VALUES ('cli:ana', 'tokens create', 'success')")
        }

        try await cluster.prepareRoles(logger: TestDatabase.logger)
        try await withClient(cluster, user: DatabaseRole.owner.name) { owner in
            #expect(try await Migrator(client: owner, migrations: migrations, logger: TestDatabase.logger).migrate().count == migrations.count - 8)
            try await owner.withConnection { try await DatabaseRoles.grantPrivileges(on: $0) }
            #expect(try await RoleCheck.read(from: owner).ownedProtectedTables == DatabaseRoles.protectedTables.sorted())
        }
        try await withClient(cluster) { application in
            let check = try await RoleCheck.read(from: application)
            #expect(check.role == DatabaseRole.application.name && check.warnings.isEmpty)
            try await AuditLog(client: application).record(AuditEvent(actor: "cli:bo", action: "tokens revoke", outcome: .success))
            let report = try await AuditLog(client: application).verifyChain()
            #expect(report.entries == 2 && report.isIntact)
            for sql in ["ALTER TABLE invoices DISABLE TRIGGER USER", "DELETE FROM audit_log", "SET session_replication_role = replica"] {
                let error = await #expect(throws: PostgresError.self, "\(sql)") { try await application.execute(sql) }
                #expect(error?.sqlState == "42501", "\(sql)")
            }
        }
        // Nothing left to do on the next start.
        try await withClient(cluster, user: EmbeddedCluster.databaseName) { superuser in
            let needed = try await superuser.withConnection { try await DatabaseRoles.needSetUp(on: $0) }
            #expect(needed == false)
        }
    }

    private func withClient<Value>(
        _ cluster: EmbeddedCluster, user: String = DatabaseRole.application.name, _ body: (PostgresClient) async throws -> Value
    ) async throws -> Value {
        var configuration = PostgresConfiguration(connectionString: cluster.connectionString, maxConnections: 1)
        configuration.user = user
        return try await TestDatabase.using(PostgresClient(configuration: configuration, logger: TestDatabase.logger), body)
    }
}
