import AllotServer
import AllotStore
import ArgumentParser
import Foundation
import Logging
import Metrics
import NIOCore
import Postgres
import Prometheus
import ServiceLifecycle
import UnixSignals

/// `allot serve`: the HTTP API (schemas/openapi.yaml, docs/api.md).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API until SIGTERM or SIGINT.",
        discussion: """
            Every /v1 path needs a bearer token (allot tokens create). On SIGTERM or SIGINT the server stops \
            accepting connections, lets requests in flight and running ingests finish (at most --shutdown-timeout \
            seconds), then closes the database pool. The first line on standard output names the address it serves \
            on (with --port 0 the system picks a free port). Request logs go to standard error (info level unless \
            --log-level says otherwise): method, path, status, duration and token name, never the token.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port).")
    var port = 8080

    @Option(help: "Directory under which POST /v1/deliveries may name files, directories and manifests; none: uploads only.")
    var importRoot: String?

    @Option(help: "Largest CUR file an upload may be, in bytes.")
    var maxUploadBytes: Int64 = 4 << 30

    @Option(help: "Where uploads are spooled before they are ingested; default <data dir>/spool.")
    var spoolDir: String?

    @Option(help: "Seconds POST /v1/deliveries waits for its ingest before answering 202 and letting it go on.")
    var answerWithin: Double = 10

    @Option(help: "Database connections in the pool.")
    var maxConnections = 8

    @Option(help: "Seconds a graceful shutdown may take before what is left is cancelled.")
    var shutdownTimeout: Double = 30

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0–65535") }
        guard maxUploadBytes > 0 else { throw ValidationError("--max-upload-bytes must be positive") }
        guard answerWithin >= 0, shutdownTimeout > 0 else { throw ValidationError("--answer-within and --shutdown-timeout must be positive") }
        guard maxConnections >= 2 else { throw ValidationError("--max-connections must be at least 2") }
    }

    func run() async throws {
        var logger = options.makeLogger()
        // A server's request log is at info; --log-level, when given, still decides.
        if !CommandLine.arguments.contains(where: { $0.hasPrefix("--log-level") }) { logger.logLevel = .info }
        let migrations = try Migration.load(directory: try options.migrationsDirectory())
        let metrics = ServerMetrics()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics.registry))
        let configuration = ServerConfiguration(
            host: host, port: port, importRoot: importRoot, spoolDirectory: spoolDir ?? options.home + "/spool",
            maxUploadBytes: maxUploadBytes, answerWithin: .milliseconds(Int64(answerWithin * 1000)), migrations: migrations)
        let client = try await options.connect(logger: logger, maxConnections: maxConnections)
        let host = self.host
        let app: AllotApplication
        do {
            app = try buildApplication(configuration: configuration, client: client, metrics: metrics, logger: logger) { address in
                let port = address?.port ?? 0
                // Written straight to the file descriptor (not buffered), so a script reading the line gets it at once.
                let line = "allot: serving on http://\(host.contains(":") ? "[\(host)]" : host):\(port)\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        } catch {
            await client.close()
            throw ValidationError("\(error)")
        }
        var group = ServiceGroupConfiguration(
            services: [PostgresClientService(client), app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = .milliseconds(Int64(shutdownTimeout * 1000))
        group.maximumCancellationDuration = .seconds(5)
        try await ServiceGroup(configuration: group).run()
    }
}
