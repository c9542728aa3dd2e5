import AllotStore
import ArgumentParser
import Foundation

/// `allot status`: which database, its schema state, and what it holds.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the database in use, its migrations and what it holds."
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let migrations = try Migration.load(directory: try options.migrationsDirectory())
        try await options.withClient(maxConnections: 1) { client, logger in
            let summary = try await DatabaseSummary.read(from: client)
            let states = try await Migrator(client: client, migrations: migrations, logger: logger).status()
            let pending = states.filter { $0.state != .applied }
            print("database:   \(options.configuredURL == nil ? "embedded, \(options.home)" : "external (--database-url)")")
            print("server:     PostgreSQL \(summary.serverVersion)")
            print("migrations: \(states.count - pending.count) applied, \(pending.count) pending or changed")
            for table in summary.tables {
                print("  \(table.label.padding(toLength: 24, withPad: " ", startingAt: 0)) \(table.rows)")
            }
            let roles = try await RoleCheck.read(from: client)
            print("role:       \(roles.role)")
            for warning in roles.warnings { print("warning: \(warning)") }
        }
    }
}
