import Postgres

/// Sets up the two roles of ``DatabaseRole`` on a database: creates them, hands objects to the owner, and grants
/// the application its privileges. Every step is idempotent.
///
/// The application role owns the line item tables (`line_items` and its partitions): ingestion creates, attaches,
/// analyzes and drops them at run time, which PostgreSQL allows only to a table's owner, and they hold nothing that
/// cannot be loaded again from the deliveries. For the same reason it may create tables in schema `public` (it can
/// neither change nor drop what it does not own there). The owner role is a member of the application role, so
/// migrations can still alter `line_items`. Everything else, the protected tables among it, belongs to the owner.
public enum DatabaseRoles {
    /// The tables whose triggers keep issued invoices and the audit log immutable: whoever owns them (or is a
    /// superuser) can switch the triggers off, so the application's role must own none of them.
    public static let protectedTables = [
        "invoices", "invoice_lines", "invoice_closes", "invoice_sequences", "audit_log", "audit_log_head",
    ]

    /// The application's privileges on a table or view of schema `public` that it does not own: reading and
    /// writing everywhere, except where records are only ever added (`audit_log`, issued invoices and their
    /// lines, closes, rule sets), numbers only move forward, or the table is not the application's business.
    /// Never TRUNCATE, REFERENCES or TRIGGER.
    public static func applicationPrivileges(table: String, isView: Bool) -> String {
        switch table {
        case "audit_log", "invoice_lines", "invoice_closes", "rule_sets": "SELECT, INSERT"
        case "invoices", "invoice_sequences": "SELECT, INSERT, UPDATE"
        case "audit_log_head", "schema_migrations": "SELECT"
        default: isView ? "SELECT" : "SELECT, INSERT, UPDATE, DELETE"
        }
    }

    /// As a superuser: creates the two roles when missing (login, no superuser, no CREATEDB or CREATEROLE) and
    /// makes the owner a member of the application role. Roles are per server, not per database.
    public static func createRoles(on connection: PostgresConnection) async throws {
        let owner = DatabaseRole.owner, application = DatabaseRole.application
        try await connection.executeScript(
            """
            DO $$
            BEGIN
                BEGIN
                    CREATE ROLE \(owner.quoted) LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END;
                BEGIN
                    CREATE ROLE \(application.quoted) LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END;
                IF NOT pg_has_role('\(owner.name)', '\(application.name)', 'MEMBER') THEN
                    GRANT \(application.quoted) TO \(owner.quoted);
                END IF;
            END
            $$
            """)
    }

    /// As a superuser: makes the owner role the owner of the connected database (in PostgreSQL 15 and later that
    /// makes it the owner of schema `public`, where the migrations create everything).
    public static func assignDatabase(on connection: PostgresConnection) async throws {
        try await connection.executeScript(
            """
            DO $$
            BEGIN
                EXECUTE format('ALTER DATABASE %I OWNER TO \(DatabaseRole.owner.quoted)', current_database());
            END
            $$
            """)
    }

    /// As a superuser: hands every table, view, sequence and function of schema `public` that neither role owns
    /// to the owner role (extension members and sequences that belong to a column stay as they are). This is how a
    /// database whose migrations ran as one superuser, as the embedded cluster's did before the two roles, is
    /// upgraded; ``grantPrivileges(on:)`` then hands the line item tables on to the application.
    public static func adoptObjects(on connection: PostgresConnection) async throws {
        try await connection.withTransaction { connection in
            let rows = try await connection.query(
                "SELECT format('ALTER %s %s OWNER TO %I', kind, object, $1::text) AS statement FROM (\(foreignObjects)) AS objects",
                [DatabaseRole.owner.name])
            for row in rows { try await connection.execute(try row.decode(String.self, "statement")) }
        }
    }

    /// As the owner (or a superuser): lets the application use schema `public` and create its tables there, hands it
    /// the line item tables, and grants it ``applicationPrivileges(table:isView:)`` on every other table and view
    /// and USAGE on the sequences — revoking anything else it had. Run after every migration.
    public static func grantPrivileges(on connection: PostgresConnection) async throws {
        let application = DatabaseRole.application
        try await connection.withTransaction { connection in
            try await connection.execute("GRANT USAGE, CREATE ON SCHEMA public TO \(application.quoted)")
            let relations = try await connection.query(
                """
                SELECT c.oid::regclass::text AS object, c.relname AS name, c.relkind IN ('v', 'm') AS is_view,
                    c.relkind IN ('r', 'p') AND c.relname ~ '^line_items(_o[0-9]+(_p[0-9]{6})?|_d[0-9]+)?$' AS is_line_items,
                    pg_has_role($1, c.relowner, 'USAGE') AS owned
                FROM pg_class c
                WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                    AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
                ORDER BY c.relname
                """, [application.name])
            for relation in relations {
                let object = try relation.decode(String.self, "object")
                // Its own tables (the line items, once handed over) it already has every privilege on.
                if try relation.decode(Bool.self, "owned") { continue }
                if try relation.decode(Bool.self, "is_line_items") {
                    try await connection.execute("ALTER TABLE \(object) OWNER TO \(application.quoted)")
                    continue
                }
                let privileges = applicationPrivileges(
                    table: try relation.decode(String.self, "name"), isView: try relation.decode(Bool.self, "is_view"))
                try await connection.execute("REVOKE ALL ON \(object) FROM \(application.quoted)")
                try await connection.execute("GRANT \(privileges) ON \(object) TO \(application.quoted)")
            }
            try await connection.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \(application.quoted)")
        }
    }

    /// Whether the application role exists on the server (on an external one, a DBA creates it).
    public static func applicationRoleExists(on connection: PostgresConnection) async throws -> Bool {
        try await connection.query("SELECT to_regrole($1) IS NOT NULL", [DatabaseRole.application.name]).singleValue(Bool.self)
    }

    /// Whether ``createRoles(on:)``, ``assignDatabase(on:)``, ``adoptObjects(on:)`` and ``grantPrivileges(on:)``
    /// have something to do on the connected database.
    public static func needSetUp(on connection: PostgresConnection) async throws -> Bool {
        try await connection.query(
            """
            SELECT to_regrole($1) IS NULL OR to_regrole($2) IS NULL
                OR (SELECT datdba FROM pg_database WHERE datname = current_database()) IS DISTINCT FROM to_regrole($1)
                OR EXISTS (\(foreignObjects)) AS needed
            """, [DatabaseRole.owner.name, DatabaseRole.application.name]
        ).singleValue(Bool.self)
    }

    /// The objects of schema `public` that neither role owns: `kind` (for ALTER …) and `object` (quoted).
    private static let foreignObjects = """
        SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind, c.oid::regclass::text AS object
        FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
            AND c.relowner NOT IN (\(roleOids))
            AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                AND (d.deptype = 'e' OR (c.relkind = 'S' AND d.deptype IN ('a', 'i'))))
        UNION ALL
        SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
            p.oid::regprocedure::text
        FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace AND p.proowner NOT IN (\(roleOids))
            AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
        """

    private static let roleOids =
        "SELECT oid FROM pg_roles WHERE rolname IN ('\(DatabaseRole.owner.name)', '\(DatabaseRole.application.name)')"
}
