import Logging
import Postgres

/// Applies the migrations of a directory to a database, in order, each in its own transaction.
///
/// Applied files are recorded with their SHA-256 in `schema_migrations`; a file changed after it was
/// applied is refused. Concurrent runs (two `allot migrate`, or a server starting while a CLI migrates)
/// serialise on a session advisory lock, and the later one finds nothing left to do.
public struct Migrator: Sendable {
    /// The advisory lock key all migration runs take ("allot" + 1).
    static let lockKey: Int64 = 0x616c_6c6f_7401

    public let client: PostgresClient
    public let migrations: [Migration]
    public let logger: Logger

    public init(client: PostgresClient, migrations: [Migration], logger: Logger) {
        self.client = client
        self.migrations = migrations
        self.logger = logger
    }

    /// Applies every pending migration; returns the ones it applied (none when up to date).
    @discardableResult
    public func migrate() async throws -> [Migration] {
        try await client.withAdvisoryLock(key: Migrator.lockKey) { connection in
            try await connection.executeScript(Migrator.bookkeeping)
            let applied = try await appliedVersions(on: connection)
            try checkUnchanged(applied)
            var done: [Migration] = []
            for migration in migrations where applied[migration.version] == nil {
                let clock = ContinuousClock()
                let start = clock.now
                do {
                    try await connection.withTransaction { transaction in
                        try await transaction.executeScript(migration.sql)
                        try await transaction.execute(
                            "INSERT INTO schema_migrations (version, file_name, sha256) VALUES ($1, $2, $3)",
                            [migration.version, migration.fileName, migration.sha256])
                    }
                } catch {
                    throw MigrationError(.failed, "\(migration.fileName) failed and was not applied: \(error)", underlying: error)
                }
                logger.info(
                    "applied migration",
                    metadata: ["migration": "\(migration.fileName)", "duration": "\(clock.now - start)"])
                done.append(migration)
            }
            return done
        }
    }

    /// Every known migration with its state, plus applied versions whose file is gone.
    public func status() async throws -> [MigrationStatus] {
        try await client.withConnection { connection in
            let exists = try await connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
            let present = try exists.first?.decode(Bool.self, "present") ?? false
            let applied = present ? try await appliedVersions(on: connection) : [:]
            var result = migrations.map { migration -> MigrationStatus in
                guard let record = applied[migration.version] else {
                    return MigrationStatus(version: migration.version, fileName: migration.fileName, state: .pending)
                }
                let state: MigrationStatus.State = record.sha256 == migration.sha256 ? .applied : .changed
                return MigrationStatus(version: migration.version, fileName: migration.fileName, state: state, appliedAt: record.appliedAt)
            }
            let known = Set(migrations.map(\.version))
            for (version, record) in applied where !known.contains(version) {
                result.append(MigrationStatus(version: version, fileName: record.fileName, state: .missingFile, appliedAt: record.appliedAt))
            }
            return result.sorted { $0.version < $1.version }
        }
    }

    /// Whether every migration is applied unchanged (what `/readyz` asks).
    public func isCurrent() async throws -> Bool {
        try await status().allSatisfy { $0.state == .applied }
    }

    private struct AppliedRecord {
        var fileName: String
        var sha256: String
        var appliedAt: String
    }

    private func appliedVersions(on connection: PostgresConnection) async throws -> [Int: AppliedRecord] {
        let rows = try await connection.query(
            "SELECT version, file_name, sha256, to_char(applied_at, 'YYYY-MM-DD HH24:MI:SS') AS applied_at FROM schema_migrations")
        var applied: [Int: AppliedRecord] = [:]
        for row in rows {
            applied[try row.decode(Int.self, "version")] = AppliedRecord(
                fileName: try row.decode(String.self, "file_name"),
                sha256: try row.decode(String.self, "sha256"),
                appliedAt: try row.decode(String.self, "applied_at"))
        }
        return applied
    }

    private func checkUnchanged(_ applied: [Int: AppliedRecord]) throws(MigrationError) {
        for migration in migrations {
            guard let record = applied[migration.version], record.sha256 != migration.sha256 else { continue }
            throw MigrationError(
                .changed,
                "\(migration.fileName) was changed after it was applied (applied SHA-256 \(record.sha256.prefix(12))…, "
                    + "file now \(migration.sha256.prefix(12))…); migrations are forward-only: restore the file and add a new migration")
        }
    }

    private static let bookkeeping = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     integer PRIMARY KEY,
            file_name   text NOT NULL,
            sha256      text NOT NULL,
            applied_at  timestamptz NOT NULL DEFAULT now()
        )
        """
}

/// Where one migration stands in a database.
public struct MigrationStatus: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Codable {
        case applied, pending
        /// Applied, but the file's content differs from what was applied.
        case changed
        /// Applied, but no file has its number any more.
        case missingFile = "missing-file"
    }

    public var version: Int
    public var fileName: String
    public var state: State
    public var appliedAt: String?

    public init(version: Int, fileName: String, state: State, appliedAt: String? = nil) {
        self.version = version
        self.fileName = fileName
        self.state = state
        self.appliedAt = appliedAt
    }
}
