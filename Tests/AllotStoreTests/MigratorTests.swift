import AllotStore
import AllotTestSupport
import Foundation
import Postgres
import Testing

@Suite struct MigratorTests {
    /// A temporary migrations directory holding the given files.
    private func directory(_ files: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "allot-migrations-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, sql) in files {
            try sql.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
        }
        return path
    }

    private func migrator(_ client: PostgresClient, _ directory: String) throws -> Migrator {
        Migrator(client: client, migrations: try Migration.load(directory: directory), logger: TestDatabase.logger)
    }

    @Test func projectMigrationsApplyOnceAndRerunsAreNoOps() async throws {
        try await TestDatabase.with { database in
            let migrator = try migrator(database.client, ProjectPaths.migrations)
            let first = try await migrator.migrate()
            #expect(first.count == migrator.migrations.count)
            #expect(first.first?.fileName == "0001_organizations_accounts.sql")
            let second = try await migrator.migrate()
            #expect(second.isEmpty)
            let states = try await migrator.status()
            #expect(states.allSatisfy { $0.state == .applied })
            #expect(try await migrator.isCurrent())
            let recorded = try await database.client.query("SELECT count(*) AS n FROM schema_migrations")
            #expect(try recorded.first?.decode(Int.self, "n") == migrator.migrations.count)
        }
    }

    /// 0008 moves product attributes out of the lines: lines loaded before it keep theirs, through the dictionary.
    @Test func productAttributesOfLinesLoadedBefore0008AreKept() async throws {
        try await TestDatabase.with { database in
            let all = try Migration.load(directory: ProjectPaths.migrations)
            let before = Migrator(
                client: database.client, migrations: all.filter { $0.version < 8 }, logger: TestDatabase.logger)
            _ = try await before.migrate()
            try await database.client.executeScript(
                    """
                    INSERT INTO organizations (id, name, payer_account_id) VALUES ('acme', 'Acme', '111111111111');
                    INSERT INTO cur_deliveries (id, org_id, billing_period, format, content_sha256, files, status)
                        VALUES (7, 'acme', '2026-06-01', 'legacy', 'x', '[]', 'current');
                    CREATE TABLE line_items_o1 PARTITION OF line_items FOR VALUES IN ('acme') PARTITION BY LIST (billing_period);
                    CREATE TABLE line_items_o1_p202606 PARTITION OF line_items_o1 FOR VALUES IN ('2026-06-01')
                        PARTITION BY LIST (delivery_id);
                    CREATE TABLE line_items_d7 PARTITION OF line_items_o1_p202606 FOR VALUES IN (7);
                    INSERT INTO line_items (org_id, billing_period, delivery_id, source_file, source_line, payer_account_id,
                            usage_account_id, line_item_type, usage_start, unblended_cost, net_unblended_cost, amortized_cost,
                            net_amortized_cost, product)
                        SELECT 'acme', '2026-06-01', 7, 0, line, '111111111111', '222222222222', 'Usage', '2026-06-01', 1, 1, 1, 1,
                            (CASE WHEN line = 3 THEN '{}' ELSE '{"sku": "ABC", "location": "EU (Paris)"}' END)::json
                        FROM generate_series(1, 3) AS line;
                    """)
            _ = try await migrator(database.client, ProjectPaths.migrations).migrate()
            let lines = try await database.client.query(
                """
                SELECT source_line, product_key, product->>'location' AS location
                FROM line_items_with_product ORDER BY source_line
                """)
            #expect(try lines.map { try $0.decode(Int?.self, "product_key") } == [1, 1, nil])
            #expect(try lines.map { try $0.decode(String?.self, "location") } == ["EU (Paris)", "EU (Paris)", nil])
            let sets = try await database.client.query("SELECT count(*) FROM line_item_products WHERE delivery_id = 7")
            #expect(try sets.singleValue(Int.self) == 1)
        }
    }

    @Test func aChangedAppliedFileIsRefused() async throws {
        try await TestDatabase.with { database in
            let path = try directory(["0001_first.sql": "CREATE TABLE first (id int);"])
            try await migrator(database.client, path).migrate()
            try "CREATE TABLE first (id bigint);".write(toFile: path + "/0001_first.sql", atomically: true, encoding: .utf8)
            try "CREATE TABLE second (id int);".write(toFile: path + "/0002_second.sql", atomically: true, encoding: .utf8)
            let changed = try migrator(database.client, path)
            let error = await #expect(throws: MigrationError.self) { try await changed.migrate() }
            #expect(error?.code == .changed)
            #expect(error?.description.hasPrefix("0001_first.sql was changed after it was applied") == true)
            // Nothing after the refusal ran.
            let second = try await database.client.query("SELECT to_regclass('second') IS NULL AS absent")
            #expect(try second.first?.decode(Bool.self, "absent") == true)
            #expect(try await changed.status().map(\.state) == [.changed, .pending])
        }
    }

    @Test func aFailingMigrationLeavesNothingBehind() async throws {
        try await TestDatabase.with { database in
            let path = try directory([
                "0001_ok.sql": "CREATE TABLE ok (id int);",
                "0002_broken.sql": "CREATE TABLE half (id int); INSERT INTO half VALUES (1); SELECT no_such_function();",
            ])
            let migrator = try migrator(database.client, path)
            let error = await #expect(throws: MigrationError.self) { try await migrator.migrate() }
            #expect(error?.code == .failed)
            #expect(error?.description.contains("0002_broken.sql failed and was not applied") == true)
            let tables = try await database.client.query(
                "SELECT to_regclass('ok') IS NOT NULL AS ok, to_regclass('half') IS NOT NULL AS half")
            #expect(try tables.first?.decode(Bool.self, "ok") == true)
            #expect(try tables.first?.decode(Bool.self, "half") == false)
            #expect(try await migrator.status().map(\.state) == [.applied, .pending])
        }
    }

    @Test func concurrentRunsSerialiseAndBothSucceed() async throws {
        try await TestDatabase.with { database in
            // The sleep keeps the first run inside its lock while the second arrives.
            let path = try directory([
                "0001_slow.sql": "SELECT pg_sleep(0.5); CREATE TABLE slow (id int);",
                "0002_next.sql": "CREATE TABLE next (id int);",
            ])
            let one = database.makeClient(maxConnections: 1)
            let two = database.makeClient(maxConnections: 1)
            async let first = migrator(one, path).migrate()
            async let second = migrator(two, path).migrate()
            let (a, b) = try await (first, second)
            await one.close()
            await two.close()
            // Between them each migration was applied exactly once.
            #expect(a.count + b.count == 2)
            #expect(Set((a + b).map(\.version)) == [1, 2])
            let recorded = try await database.client.query("SELECT count(*) AS n FROM schema_migrations")
            #expect(try recorded.first?.decode(Int.self, "n") == 2)
        }
    }

    @Test func malformedAndDuplicateFileNamesAreRejected() throws {
        let bad = try directory(["1_first.sql": "SELECT 1;"])
        #expect(throws: MigrationError.self) { try Migration.load(directory: bad) }
        let duplicate = try directory(["0001_a.sql": "SELECT 1;", "0001_b.sql": "SELECT 2;"])
        let error = #expect(throws: MigrationError.self) { try Migration.load(directory: duplicate) }
        #expect(error?.code == .duplicateVersion)
        let missing = #expect(throws: MigrationError.self) { try Migration.load(directory: "/nonexistent/migrations") }
        #expect(missing?.code == .directoryMissing)
    }
}
