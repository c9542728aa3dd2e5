import Postgres

/// What a database holds, table by table, for `allot status` and `make run`.
public struct DatabaseSummary: Sendable {
    public struct Table: Sendable {
        public var label: String
        public var rows: Int
    }

    public var serverVersion: String
    public var tables: [Table]

    /// The tables worth counting, in the order they are shown; ones not created yet are skipped.
    static let counted: [(label: String, table: String)] = [
        ("organizations", "organizations"),
        ("accounts", "accounts"),
    ]

    public static func read(from client: PostgresClient) async throws -> DatabaseSummary {
        let version = try await client.query("SELECT current_setting('server_version') AS version")
        var tables: [Table] = []
        for (label, table) in counted {
            let rows = try await client.query(
                "SELECT CASE WHEN to_regclass($1) IS NULL THEN NULL ELSE 0 END AS present", [table])
            guard try rows.first?.decode(Int?.self, "present") != nil else { continue }
            // The name comes from the fixed list above, never from input.
            let count = try await client.query("SELECT count(*) AS n FROM " + table)
            tables.append(Table(label: label, rows: try count.first?.decode(Int.self, "n") ?? 0))
        }
        return DatabaseSummary(
            serverVersion: try version.first?.decode(String.self, "version") ?? "unknown", tables: tables)
    }
}
