import AllotStore
import ArgumentParser
import Foundation

/// `allot db start|stop|status|url`: the embedded PostgreSQL cluster.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Manage the embedded PostgreSQL cluster under the data directory.",
        subcommands: [Start.self, Stop.self, Status.self, URL.self]
    )

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Initialise (first time) and start the cluster.")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let cluster = try EmbeddedCluster(home: options.home)
            try await Blocking.run { try cluster.start() }
            try await cluster.prepareRoles(logger: options.makeLogger())
            print("embedded database running: \(cluster.connectionString)")
        }
    }

    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the cluster (open sessions are rolled back).")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let cluster = try EmbeddedCluster(home: options.home)
            try await Blocking.run { try cluster.stop() }
            print("embedded database stopped")
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Say whether the cluster exists and runs.")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let cluster = try EmbeddedCluster(home: options.home)
            let status = try await Blocking.run { try cluster.status() }
            let state = !status.initialized ? "not initialised" : status.running ? "running" : "stopped"
            print("""
                embedded database: \(state)
                  data directory:  \(status.dataDirectory)
                  socket:          \(status.socketDirectory)
                  binaries:        \(status.binaries)
                """)
            if status.initialized && !status.running { throw ExitCode(3) }
            if !status.initialized { throw ExitCode(4) }
        }
    }

    struct URL: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the cluster's libpq connection string (as the application's role, which every command but migrate uses).")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            print(try EmbeddedCluster(home: options.home).connectionString)
        }
    }
}
