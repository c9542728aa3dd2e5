import AllotStore
import AllotTestSupport
import Postgres
import Testing

/// The application's role (what `TestDatabase.migrated` hands over, as every command but `allot migrate` connects)
/// cannot rewrite what is protected, nor switch off the triggers that protect it.
@Suite struct DatabaseRoleTests {
    @Test func theApplicationRoleCannotRewriteOrUnprotectTheProtectedTables() async throws {
        try await TestDatabase.migrated { db in
            try await AuditLog(client: db.client).record(AuditEvent(actor: "cli:tests", action: "tokens create", outcome: .success))
            let refused = [
                "UPDATE audit_log SET actor = 'cli:mallory'",
                "DELETE FROM audit_log",
                "TRUNCATE audit_log",
                "UPDATE audit_log_head SET last_id = 0",
                "ALTER TABLE audit_log DISABLE TRIGGER USER",
                "ALTER TABLE invoices DISABLE TRIGGER invoices_final_is_immutable",
                "ALTER TABLE invoice_lines DISABLE TRIGGER ALL",
                "ALTER TABLE invoice_closes DISABLE TRIGGER USER",
                "ALTER TABLE invoice_sequences DISABLE TRIGGER USER",
                "SET session_replication_role = replica",
                "TRUNCATE invoices",
                "DELETE FROM invoices",
                "DELETE FROM invoice_lines",
                "UPDATE invoice_lines SET amount = 0",
                "DELETE FROM invoice_closes",
                "DELETE FROM invoice_sequences",
                "DROP TABLE audit_log",
                "ALTER TABLE invoices OWNER TO allot_app",
                "CREATE TRIGGER sneaky BEFORE INSERT ON invoices FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_rewrite()",
                "DROP TRIGGER audit_log_is_append_only ON audit_log",
                "SET ROLE allot_owner",
            ]
            for sql in refused {
                let error = await #expect(throws: PostgresError.self, "\(sql)") { try await db.client.execute(sql) }
                #expect(error?.sqlState == "42501", "\(sql): \(error?.message ?? "no error")")
            }
            #expect(try await db.client.query("SELECT count(*) FROM audit_log").singleValue(Int.self) == 1)

            let check = try await RoleCheck.read(from: db.client)
            #expect(check.role == "allot_app" && !check.isSuperuser && check.ownedProtectedTables.isEmpty)
            #expect(check.warnings.isEmpty)
        }
    }

    @Test func statusWarnsAboutASuperuserOrTheOwner() async throws {
        try await TestDatabase.migrated { db in
            let owner = try await db.withOwnerClient { try await RoleCheck.read(from: $0) }
            #expect(owner.role == "allot_owner" && !owner.isSuperuser)
            #expect(owner.ownedProtectedTables == DatabaseRoles.protectedTables.sorted())
            #expect(owner.warnings.count == 1)
            #expect(owner.warnings.first?.contains("owns audit_log, audit_log_head, invoice_closes") == true)

            let superuser = try await db.withSuperuserClient { try await RoleCheck.read(from: $0) }
            #expect(superuser.isSuperuser)
            #expect(superuser.warnings.count == 1)
            #expect(superuser.warnings.first?.contains("is a superuser") == true)
        }
    }

    /// The other tests run as the application's role; these are the privileges they rely on, spelled out.
    @Test func theApplicationRoleOwnsTheLineItemTablesAndNothingElse() async throws {
        try await TestDatabase.migrated { db in
            let owned = try await db.client.query(
                """
                SELECT array_agg(c.relname::text ORDER BY c.relname) FROM pg_class c
                WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = 'allot_app'::regrole
                """
            ).singleValue([String].self)
            #expect(owned == ["line_items"])
            let privileges = try await db.client.query(
                """
                SELECT has_table_privilege('audit_log', 'INSERT') AS audit_insert, has_table_privilege('audit_log', 'UPDATE') AS audit_update,
                    has_table_privilege('invoices', 'UPDATE') AS invoices_update, has_table_privilege('invoices', 'TRUNCATE') AS invoices_truncate,
                    has_table_privilege('cur_deliveries', 'DELETE') AS deliveries_delete,
                    has_schema_privilege('public', 'CREATE') AS create_tables, has_database_privilege(current_database(), 'CREATE') AS create_schemas
                """)
            let row = try #require(privileges.first)
            #expect(try row.decode(Bool.self, "audit_insert") && !(try row.decode(Bool.self, "audit_update")))
            #expect(try row.decode(Bool.self, "invoices_update") && !(try row.decode(Bool.self, "invoices_truncate")))
            #expect(try row.decode(Bool.self, "deliveries_delete"))
            #expect(try row.decode(Bool.self, "create_tables") && !(try row.decode(Bool.self, "create_schemas")))
        }
    }
}
