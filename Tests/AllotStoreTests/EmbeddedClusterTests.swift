import AllotStore
import AllotTestSupport
import Foundation
import Postgres
import Testing

@Suite struct EmbeddedClusterTests {
    @Test func startsFromAnEmptyDirectoryStopsAndKeepsItsData() async throws {
        // A short path: the server's socket lives in the data directory.
        let home = "/tmp/allot-embedded-" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let cluster = try EmbeddedCluster(home: home)
        #expect(try cluster.status().initialized == false)

        try cluster.start()
        #expect(try cluster.status().running == true)
        try await withClient(cluster) { client in
            try await client.execute("CREATE TABLE kept (note text)")
            try await client.execute("INSERT INTO kept VALUES ($1)", ["still here"])
        }
        try cluster.start()  // already running: a no-op
        try cluster.stop()
        #expect(try cluster.status() .running == false)

        try cluster.start()
        let note = try await withClient(cluster) { client in
            try await client.query("SELECT note FROM kept").first?.decode(String.self, "note")
        }
        #expect(note == "still here")
        try cluster.stop()
        // Socket only: the server was told to listen on no TCP address.
        let configuration = try String(contentsOfFile: cluster.dataDirectory + "/postgresql.conf", encoding: .utf8)
        #expect(configuration.contains("listen_addresses = ''"))
    }

    private func withClient<Value>(_ cluster: EmbeddedCluster, _ body: (PostgresClient) async throws -> Value)
        async throws -> Value
    {
        let client = PostgresClient(
            configuration: PostgresConfiguration(connectionString: cluster.connectionString, maxConnections: 1),
            logger: TestDatabase.logger)
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
