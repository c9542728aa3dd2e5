import AllotTestSupport
import Foundation
import Postgres
import Testing

@Suite struct ConnectionTests {
    /// The same server reached through a `key=value` string built from what the server reports about itself.
    @Test func keyValueConnectionStringsWork() async throws {
        try await TestDatabase.with { db in
            let row = try #require(
                try await db.client.query(
                    """
                    SELECT host(inet_server_addr()), inet_server_port(), current_setting('port'),
                           split_part(current_setting('unix_socket_directories'), ',', 1), current_user
                    """
                ).first
            )
            let host = try row.decode(String?.self, at: 0) ?? row.decode(String.self, at: 3)
            let port = try row.decode(Int?.self, at: 1) ?? Int(row.decode(String.self, at: 2)) ?? 5432
            let user = try row.decode(String.self, at: 4)
            var keyValue = "host='\(host)' port=\(port) user='\(user)' dbname='\(db.name)'"
            if let password = URLComponents(string: try TestDatabase.serverURL())?.password {
                keyValue += " password='\(password)'"
            }
            let client = PostgresClient(configuration: .init(connectionString: keyValue), logger: TestDatabase.logger)
            let name = try await client.query("SELECT current_database()").singleValue(String.self)
            await client.close()
            #expect(name == db.name)
        }
    }

    @Test func optionsFromTheConnectionStringAreKeptAlongsideOurs() async throws {
        try await TestDatabase.with { db in
            var configuration = db.configuration
            let url = configuration.connectionString
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                configuration.connectionString += (url.contains("?") ? "&" : "?") + "options=-c%20statement_timeout%3D1234"
            } else {
                configuration.connectionString += " options='-c statement_timeout=1234'"
            }
            let client = PostgresClient(configuration: configuration, logger: TestDatabase.logger)
            let row = try #require(
                try await client.query("SELECT current_setting('statement_timeout'), current_setting('TimeZone')").first
            )
            await client.close()
            #expect(try row.decode(String.self, at: 0) == "1234ms")
            #expect(try row.decode(String.self, at: 1) == "UTC")
        }
    }

    @Test func serverNoticesDoNotDisturbQueries() async throws {
        try await TestDatabase.with { db in
            // Produces a NOTICE ("table does not exist, skipping"), routed to the logger, not stderr.
            try await db.client.executeScript("DROP TABLE IF EXISTS nothing_here; CREATE TABLE t (a int)")
            #expect(try await db.client.execute("INSERT INTO t SELECT generate_series(1, 5)") == 5)
            #expect(try await db.client.execute("UPDATE t SET a = a + 1 WHERE a > $1", [3]) == 2)
            #expect(try await db.client.execute("DELETE FROM t") == 5)
        }
    }

    @Test func withConnectionReturnsTheBodysValueAndTheConnection() async throws {
        try await TestDatabase.with { db in
            let rows = try await db.client.withConnection { conn in
                try await conn.query("SELECT $1::text", ["still open"])
            }
            #expect(try rows.singleValue(String.self) == "still open")
            #expect(db.client.statistics.idle == 1)
        }
    }

    @Test func nulCharactersAreRejectedBeforeSending() async throws {
        try await TestDatabase.with { db in
            let error = try await #require(throws: PostgresError.self) {
                try await db.client.query("SELECT $1::text", ["a\u{0}b"])
            }
            #expect(error.code == .encoding)
            #expect(error.message.contains("$1"))
            #expect(!error.description.contains("a\u{0}b"))
        }
    }
}
