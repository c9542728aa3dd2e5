import AllotStore
import Postgres

extension TestDatabase {
    /// Runs `body` with a fresh database that has every migration of the project applied.
    public static func migrated<Value>(
        maxConnections: Int = 4,
        _ body: (TestDatabase) async throws -> Value
    ) async throws -> Value {
        try await with(maxConnections: maxConnections) { database in
            let migrations = try Migration.load(directory: ProjectPaths.migrations)
            try await Migrator(client: database.client, migrations: migrations, logger: logger).migrate()
            return try await body(database)
        }
    }
}
