import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The private PostgreSQL cluster Allot uses when no database URL is configured.
///
/// It lives under the data directory (`./.allot` by default): `initdb` on first use, started on
/// demand, reachable only through a unix socket in a directory only its owner can enter (no TCP
/// port). PostgreSQL refuses to run as root, so when Allot runs as root the server runs as the
/// `postgres` user and the cluster directory is owned by it. Two processes starting the cluster at
/// once serialise on a file lock, so it is never initialised or started twice.
public struct EmbeddedCluster: Sendable {
    /// The data directory (`ALLOT_HOME`).
    public let home: String
    /// Where the cluster lives: `<home>/postgres`, or a directory the `postgres` user can reach
    /// when `home` is not (root only; then `<home>/postgres` is a symbolic link to it).
    public let root: String
    let binaries: PostgresBinaries
    let runAsPostgres: Bool

    /// The database and superuser the embedded cluster is created with. The superuser only sets the roles up
    /// (``prepareRoles(logger:)``); commands connect as ``DatabaseRole/application``, migrations as the owner.
    public static let databaseName = "allot"

    public var dataDirectory: String { root + "/data" }
    public var socketDirectory: String { root }
    var logFile: String { root + "/server.log" }

    public init(home: String) throws(EmbeddedClusterError) {
        let home = URL(fileURLWithPath: home).standardizedFileURL.path
        self.home = home
        self.binaries = try PostgresBinaries.locate()
        self.runAsPostgres = geteuid() == 0
        self.root = try EmbeddedCluster.chooseRoot(home: home, runAsPostgres: runAsPostgres)
    }

    /// A libpq connection string for the cluster's `allot` database over its socket, as the application's role.
    public var connectionString: String { connectionString(user: DatabaseRole.application.name) }

    /// A libpq connection string for the cluster's `allot` database over its socket, as `role`.
    public func connectionString(role: DatabaseRole) -> String { connectionString(user: role.name) }

    func connectionString(user: String) -> String {
        "host=\(EmbeddedCluster.quote(socketDirectory)) dbname=\(EmbeddedCluster.databaseName) user=\(EmbeddedCluster.quote(user))"
    }

    /// Initialises the cluster if needed and starts it unless it already runs. Idempotent.
    public func start() throws(EmbeddedClusterError) {
        try withLock { () throws(EmbeddedClusterError) in
            if !isInitialized { try initialize() }
            if runAsPostgres { try fixOwnership() }
            guard try !isRunning() else { return }
            let result = try run(binaries.pgCtl, ["-D", dataDirectory, "-l", logFile, "-w", "-t", "60", "start"])
            guard result.status == 0 else {
                throw EmbeddedClusterError(.startFailed, "pg_ctl start failed: \(result.output)\(tail(of: logFile))")
            }
        }
    }

    /// Stops the cluster if it runs (fast shutdown: open sessions are rolled back).
    public func stop() throws(EmbeddedClusterError) {
        try withLock { () throws(EmbeddedClusterError) in
            guard isInitialized, try isRunning() else { return }
            let result = try run(binaries.pgCtl, ["-D", dataDirectory, "-m", "fast", "-w", "stop"])
            guard result.status == 0 else { throw EmbeddedClusterError(.stopFailed, "pg_ctl stop failed: \(result.output)") }
        }
    }

    /// Whether the cluster exists and whether its server runs.
    public func status() throws(EmbeddedClusterError) -> EmbeddedClusterStatus {
        let initialized = isInitialized
        return EmbeddedClusterStatus(
            initialized: initialized,
            running: initialized ? try isRunning() : false,
            dataDirectory: dataDirectory,
            socketDirectory: socketDirectory,
            binaries: binaries.directory
        )
    }

    var isInitialized: Bool { FileManager.default.fileExists(atPath: dataDirectory + "/PG_VERSION") }

    func isRunning() throws(EmbeddedClusterError) -> Bool {
        // pg_ctl status: 0 running, 3 not running, 4 no accessible data directory.
        try run(binaries.pgCtl, ["-D", dataDirectory, "status"]).status == 0
    }

    private func initialize() throws(EmbeddedClusterError) {
        try createDirectory(root, owner: runAsPostgres)
        let initdb = try run(binaries.initdb, [
            "-D", dataDirectory, "-U", EmbeddedCluster.databaseName, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8",
        ])
        guard initdb.status == 0 else { throw EmbeddedClusterError(.initFailed, "initdb failed: \(initdb.output)") }
        // Socket only, in the cluster directory, reachable by its owner alone.
        let settings = """

            # Allot embedded cluster
            listen_addresses = ''
            unix_socket_directories = \(EmbeddedCluster.quote(socketDirectory))
            unix_socket_permissions = 0700
            max_connections = 200

            """
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: dataDirectory + "/postgresql.conf"))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(settings.utf8))
            try handle.close()
        } catch {
            throw EmbeddedClusterError(.initFailed, "cannot configure \(dataDirectory)/postgresql.conf: \(error)")
        }
        if runAsPostgres { try fixOwnership() }
        let start = try run(binaries.pgCtl, ["-D", dataDirectory, "-l", logFile, "-w", "-t", "60", "start"])
        guard start.status == 0 else {
            throw EmbeddedClusterError(.startFailed, "pg_ctl start failed: \(start.output)\(tail(of: logFile))")
        }
        let createdb = try run(binaries.createdb, [
            "-h", socketDirectory, "-U", EmbeddedCluster.databaseName, EmbeddedCluster.databaseName,
        ])
        guard createdb.status == 0 else { throw EmbeddedClusterError(.initFailed, "createdb failed: \(createdb.output)") }
    }

    private func fixOwnership() throws(EmbeddedClusterError) {
        let result = try run("/bin/chown", ["-R", "postgres:postgres", root], asPostgres: false)
        guard result.status == 0 else { throw EmbeddedClusterError(.permission, "chown \(root): \(result.output)") }
    }

    /// Holds an exclusive `flock` on `<home>/cluster.lock` while `body` runs.
    private func withLock<T>(_ body: () throws(EmbeddedClusterError) -> T) throws(EmbeddedClusterError) -> T {
        // The server's user must be able to pass through the home to reach its own directory.
        try createDirectory(home, owner: false, mode: runAsPostgres ? 0o711 : 0o700)
        let path = home + "/cluster.lock"
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw EmbeddedClusterError(.permission, "cannot open \(path): errno \(errno)") }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { throw EmbeddedClusterError(.permission, "cannot lock \(path)") }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    private func tail(of path: String) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "" }
        return "\n--- \(path) (last lines) ---\n" + text.split(separator: "\n").suffix(15).joined(separator: "\n")
    }

    /// Quotes a value for a libpq or postgresql.conf string: `'…'` with `'` and `\` escaped.
    static func quote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
