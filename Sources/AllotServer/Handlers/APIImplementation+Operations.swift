import AllotAPI
import AllotStore
import Logging
import OpenAPIRuntime
import Postgres

/// `/healthz`, `/readyz`, `/metrics`: no token needed.
extension APIImplementation {
    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        .ok(.init(body: .json(.init(status: .ok))))
    }

    func getReadiness(_ input: Operations.GetReadiness.Input) async throws -> Operations.GetReadiness.Output {
        let migrator = Migrator(client: client, migrations: configuration.migrations, logger: logger)
        let current: Bool
        do {
            current = try await migrator.isCurrent()
        } catch {
            logger.warning("readiness: the database is not reachable", metadata: ["error": "\(error)"])
            throw APIProblem.unavailable("the database is not reachable")
        }
        guard current else {
            throw APIProblem.unavailable("migrations are pending or changed; run `allot migrate`")
        }
        return .ok(.init(body: .json(.init(status: .ready, database: .ok, migrations: .current))))
    }

    func getMetrics(_ input: Operations.GetMetrics.Input) async throws -> Operations.GetMetrics.Output {
        .ok(.init(body: .plainText(HTTPBody(metrics.exposition(pool: client.statistics)))))
    }
}
