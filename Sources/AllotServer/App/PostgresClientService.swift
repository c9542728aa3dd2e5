import Postgres
import ServiceLifecycle

/// Runs the database pool as a service: it does nothing until graceful shutdown, then closes the pool (waiting
/// for the connections still leased). Placed first in the service group, it is shut down last, after the
/// server has finished its requests and the ingests their work.
public struct PostgresClientService: Service {
    public let client: PostgresClient

    public init(_ client: PostgresClient) {
        self.client = client
    }

    public func run() async throws {
        try? await gracefulShutdown()
        await client.close()
    }
}
