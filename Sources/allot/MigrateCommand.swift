import AllotStore
import ArgumentParser

/// `allot migrate [--status]`.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending schema migrations (each in one transaction), or list them with --status."
    )

    @OptionGroup var options: GlobalOptions

    @Flag(help: "List applied and pending migrations instead of applying them.")
    var status = false

    func run() async throws {
        let migrations = try Migration.load(directory: try options.migrationsDirectory())
        try await options.withClient(maxConnections: 1) { client, logger in
            let migrator = Migrator(client: client, migrations: migrations, logger: logger)
            if status {
                let states = try await migrator.status()
                for state in states {
                    let name = state.state.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)
                    print("\(name)\(state.fileName)\(state.appliedAt.map { "  (applied \($0) UTC)" } ?? "")")
                }
                if states.contains(where: { $0.state == .changed || $0.state == .missingFile }) { throw ExitCode(1) }
                return
            }
            let applied = try await migrator.migrate()
            if applied.isEmpty {
                print("migrations: up to date (\(migrations.count) applied)")
            } else {
                print("migrations: applied \(applied.map(\.fileName).joined(separator: ", "))")
            }
        }
    }
}
