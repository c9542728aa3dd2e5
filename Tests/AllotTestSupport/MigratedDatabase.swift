import AllotStore
import Postgres

extension TestDatabase {
    /// Runs `body` with a fresh database that has every migration of the project applied, as production has it:
    /// the migrations run as ``DatabaseRole/owner``, and the database handed over (its `client`, `configuration`
    /// and `makeClient()`) connects as ``DatabaseRole/application``, so every test on it proves that role has the
    /// privileges the code needs. ``withOwnerClient(_:)`` and ``withSuperuserClient(_:)`` reach it as the others.
    public static func migrated<Value>(
        maxConnections: Int = 4,
        _ body: (TestDatabase) async throws -> Value
    ) async throws -> Value {
        try await with(maxConnections: maxConnections) { superuser in
            try await TestRoles.created.value
            // Short-lived clients: the suite runs many of these at once, and the server's connections are counted.
            try await using(superuser.makeClient(user: nil)) { client in
                try await client.withConnection { try await DatabaseRoles.assignDatabase(on: $0) }
            }
            try await using(superuser.makeClient(user: DatabaseRole.owner.name)) { owner in
                let migrations = try Migration.load(directory: ProjectPaths.migrations)
                try await Migrator(client: owner, migrations: migrations, logger: logger).migrate()
                try await owner.withConnection { try await DatabaseRoles.grantPrivileges(on: $0) }
            }
            let configuration = superuser.configuration(maxConnections: maxConnections, user: DatabaseRole.application.name)
            return try await using(PostgresClient(configuration: configuration, logger: logger)) { client in
                try await body(TestDatabase(name: superuser.name, configuration: configuration, client: client))
            }
        }
    }

    /// Runs `body` with a client on this database as the owner role (which ran the migrations and owns the
    /// protected tables).
    public func withOwnerClient<Value>(_ body: (PostgresClient) async throws -> Value) async throws -> Value {
        try await Self.using(makeClient(user: DatabaseRole.owner.name), body)
    }

    /// Runs `body` with a client on this database as the test server's superuser (`ALLOT_TEST_DATABASE_URL`'s role).
    public func withSuperuserClient<Value>(_ body: (PostgresClient) async throws -> Value) async throws -> Value {
        var configuration = configuration(maxConnections: 1)
        configuration.user = nil
        return try await Self.using(PostgresClient(configuration: configuration, logger: Self.logger), body)
    }

    /// Runs `body` with `client` and closes it afterwards, also when `body` throws.
    public static func using<Value>(_ client: PostgresClient, _ body: (PostgresClient) async throws -> Value) async throws -> Value {
        do {
            let value = try await body(client)
            await client.close()
            return value
        } catch {
            await client.close()
            throw error
        }
    }
}

/// The two roles, created once per test process on the test server (roles are per server, not per database).
enum TestRoles {
    static let created = Task<Void, any Error> {
        let admin = PostgresClient(
            configuration: .init(connectionString: try TestDatabase.serverURL(), maxConnections: 1), logger: TestDatabase.logger)
        try await TestDatabase.using(admin) { admin in
            try await admin.withConnection { try await DatabaseRoles.createRoles(on: $0) }
        }
    }
}
