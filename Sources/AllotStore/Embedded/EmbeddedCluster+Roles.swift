import Logging
import Postgres

extension EmbeddedCluster {
    /// The bootstrap superuser `initdb` created; it sets the roles up and is used for nothing else.
    static var superuser: String { databaseName }

    /// Serialises role setup between `allot` processes ("allot" + 3).
    static let roleSetupLockKey: Int64 = 0x616c_6c6f_7403

    /// Gives the running cluster its two roles (``DatabaseRole``), when that is not done yet: on a new cluster, and
    /// on one from before the roles, whose tables the bootstrap superuser owns and whose commands connected as that
    /// superuser. Creates the roles, makes the owner role own the database and everything in it, and grants the
    /// application role its privileges. When nothing is left to do it costs one query.
    public func prepareRoles(logger: Logger) async throws {
        let client = PostgresClient(
            configuration: PostgresConfiguration(connectionString: connectionString(user: Self.superuser), maxConnections: 1),
            logger: logger)
        do {
            try await client.withConnection { connection in
                guard try await DatabaseRoles.needSetUp(on: connection) else { return }
                try await connection.withAdvisoryLock(key: Self.roleSetupLockKey) { connection in
                    // Another process may have done it while this one waited.
                    guard try await DatabaseRoles.needSetUp(on: connection) else { return }
                    try await DatabaseRoles.createRoles(on: connection)
                    try await DatabaseRoles.assignDatabase(on: connection)
                    try await DatabaseRoles.adoptObjects(on: connection)
                    try await DatabaseRoles.grantPrivileges(on: connection)
                    logger.notice("embedded database: set up the owner and application roles", metadata: [
                        "owner": "\(DatabaseRole.owner)", "application": "\(DatabaseRole.application)",
                    ])
                }
            }
            await client.close()
        } catch {
            await client.close()
            throw error
        }
    }
}
