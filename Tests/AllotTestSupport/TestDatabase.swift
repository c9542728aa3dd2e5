import Foundation
import Logging
import Postgres

/// A throwaway database for one test, on the server named by `ALLOT_TEST_DATABASE_URL` (a libpq URL or key=value
/// string; the Makefile always sets it).
///
/// `TestDatabase.with { db in … }` creates `allot_test_<random>` through a connection to the URL's database,
/// hands over a client connected to the new database (the URL with `dbname` overridden), and drops the database
/// afterwards, so tests run in parallel and in any order.
public struct TestDatabase: Sendable {
    public static let urlVariable = "ALLOT_TEST_DATABASE_URL"
    /// The suite's log (``TestLog``), or nowhere; library code always takes the logger it is given.
    public static let logger = Logger(label: "allot.tests", factory: TestLog.handler)

    /// The fresh database's name.
    public let name: String
    /// Configuration reaching the fresh database, for opening extra clients.
    public let configuration: PostgresConfiguration
    /// A pool connected to the fresh database.
    public let client: PostgresClient

    struct NotConfigured: Error, CustomStringConvertible {
        var description: String {
            "\(TestDatabase.urlVariable) is not set. Database tests need PostgreSQL 15+: run `make test`, or start "
                + "a server and export \(TestDatabase.urlVariable)='postgresql:///postgres?host=/tmp/pg&user=postgres'."
        }
    }

    /// The server URL from the environment; throws (failing the test) when it is missing.
    public static func serverURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment[urlVariable], !url.isEmpty else {
            throw NotConfigured()
        }
        return url
    }

    /// Runs `body` with a fresh database and a client of `maxConnections` connections to it.
    public static func with<Value>(
        maxConnections: Int = 4,
        _ body: (TestDatabase) async throws -> Value
    ) async throws -> Value {
        let url = try serverURL()
        let name = "allot_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = PostgresClient(configuration: .init(connectionString: url, maxConnections: 1), logger: logger)
        do {
            // The name is generated above from hex digits only, so it is safe to put into the statement.
            try await admin.execute("CREATE DATABASE \(name)")
        } catch {
            await admin.close()
            throw error
        }
        let configuration = PostgresConfiguration(
            connectionString: url,
            database: name,
            maxConnections: maxConnections,
            applicationName: "allot-tests"
        )
        let database = TestDatabase(
            name: name,
            configuration: configuration,
            client: PostgresClient(configuration: configuration, logger: logger)
        )
        let result: Result<Value, any Error>
        do {
            result = .success(try await body(database))
        } catch {
            result = .failure(error)
        }
        await database.client.close()
        _ = try? await admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        await admin.close()
        return try result.get()
    }

    /// Opens a second, independent client on the same database (e.g. to terminate the first one's backends), as
    /// `user` when given, else as the role ``client`` uses.
    public func makeClient(maxConnections: Int = 1, user: String? = nil) -> PostgresClient {
        PostgresClient(configuration: configuration(maxConnections: maxConnections, user: user), logger: Self.logger)
    }

    /// The configuration of ``client``, with another pool size and, when given, another role.
    public func configuration(maxConnections: Int, user: String? = nil) -> PostgresConfiguration {
        var configuration = configuration
        configuration.maxConnections = maxConnections
        if let user { configuration.user = user }
        return configuration
    }
}

extension TestDatabase {
    /// A libpq connection string for database `name` on the test server, for child processes (`allot …`), as
    /// `user` when given (else as the server URL's role).
    public static func connectionString(database name: String, user: String? = nil) throws -> String {
        let server = try serverURL()
        if server.contains("://"), var components = URLComponents(string: server) {
            components.path = "/" + name
            if let user { components.user = user }
            return components.string ?? server
        }
        // key=value: a later keyword wins.
        return server + " dbname=" + name + (user.map { " user=" + $0 } ?? "")
    }
}
