import AllotStore
import ArgumentParser
import Foundation
import Logging
import Postgres

/// Options every database-using subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "libpq connection string (URL or key=value); default: $ALLOT_DATABASE_URL, else the embedded cluster.")
    var databaseURL: String?

    @Option(name: .long, help: "Data directory for the embedded cluster; default: $ALLOT_HOME, else ./.allot.")
    var dataDir: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .warning

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// Who runs the command, for the records it writes: `$USER`, `$LOGNAME`, else the name of the process's user.
    var operatorName: String {
        if let name = environment["USER"] ?? environment["LOGNAME"], !name.isEmpty { return name }
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return "uid \(getuid())" }
        return String(cString: name)
    }

    /// Who did it, in the audit log and on issued documents: `cli:<operator>`.
    var actor: String { "cli:" + operatorName }

    /// The data directory: the flag, then ALLOT_HOME, then `./.allot`.
    var home: String {
        dataDir ?? environment["ALLOT_HOME"] ?? FileManager.default.currentDirectoryPath + "/.allot"
    }

    /// The configured connection string, or nil when the embedded cluster is meant.
    var configuredURL: String? {
        if let databaseURL, !databaseURL.isEmpty { return databaseURL }
        if let url = environment["ALLOT_DATABASE_URL"], !url.isEmpty { return url }
        return nil
    }

    func makeLogger() -> Logger {
        var logger = Logger(label: "allot")
        logger.logLevel = logLevel
        return logger
    }

    /// Connects to the configured database, starting the embedded cluster first when that is the one used.
    ///
    /// - Parameters:
    ///   - role: whom to connect as on the embedded cluster (whose roles are set up first, README "Security model");
    ///     an external database's role is the URL's.
    ///   - url: a connection string that takes precedence over the configured one (`allot migrate --owner-database-url`).
    func connect(
        logger: Logger, maxConnections: Int = 4, role: DatabaseRole = .application, url: String? = nil
    ) async throws -> PostgresClient {
        let connectionString: String
        if let external = url ?? configuredURL {
            connectionString = external
        } else {
            let cluster = try EmbeddedCluster(home: home)
            try await Blocking.run { try cluster.start() }
            try await cluster.prepareRoles(logger: logger)
            connectionString = cluster.connectionString(role: role)
        }
        return PostgresClient(
            configuration: PostgresConfiguration(connectionString: connectionString, maxConnections: maxConnections),
            logger: logger)
    }

    /// Runs `body` with a connected client and closes the client afterwards, also when `body` throws.
    func withClient<Value>(
        maxConnections: Int = 4, role: DatabaseRole = .application, url: String? = nil,
        _ body: (PostgresClient, Logger) async throws -> Value
    ) async throws -> Value {
        let logger = makeLogger()
        let client = try await connect(logger: logger, maxConnections: maxConnections, role: role, url: url)
        do {
            let value = try await body(client, logger)
            await client.close()
            return value
        } catch {
            await client.close()
            throw error
        }
    }

    /// The migrations directory: $ALLOT_MIGRATIONS, ./migrations, or the `migrations` folder of the
    /// project the executable was built in (found by walking up from the executable).
    func migrationsDirectory() throws -> String {
        if let explicit = environment["ALLOT_MIGRATIONS"] { return explicit }
        let files = FileManager.default
        var candidates = [files.currentDirectoryPath + "/migrations"]
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            candidates.append(directory.appendingPathComponent("migrations").path)
            directory.deleteLastPathComponent()
        }
        guard let found = candidates.first(where: { files.fileExists(atPath: $0 + "/0001_organizations_accounts.sql") }) else {
            throw ValidationError("cannot find the migrations directory; set ALLOT_MIGRATIONS")
        }
        return found
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
