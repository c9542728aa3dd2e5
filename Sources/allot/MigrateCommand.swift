import AllotStore
import ArgumentParser
import Foundation
import Postgres

/// `allot migrate [--status]`.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending schema migrations (each in one transaction), or list them with --status."
    )

    @OptionGroup var options: GlobalOptions

    @Flag(help: "List applied and pending migrations instead of applying them.")
    var status = false

    @Option(
        name: .customLong("owner-database-url"),
        help: "libpq connection string of the owner role, for an external database; default: $ALLOT_OWNER_DATABASE_URL, else --database-url.")
    var ownerDatabaseURL: String?

    /// The owner's connection string for an external database, when one is given apart from --database-url.
    var ownerURL: String? {
        if let ownerDatabaseURL, !ownerDatabaseURL.isEmpty { return ownerDatabaseURL }
        if let url = options.environment["ALLOT_OWNER_DATABASE_URL"], !url.isEmpty { return url }
        return nil
    }

    func run() async throws {
        let migrations = try Migration.load(directory: try options.migrationsDirectory())
        // Migrations create and alter tables: they run as the owner role, never as the application's.
        try await options.withClient(maxConnections: 1, role: .owner, url: ownerURL) { client, logger in
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
            try await client.withConnection { connection in
                guard try await DatabaseRoles.applicationRoleExists(on: connection) else {
                    print(
                        "warning: the role \(DatabaseRole.application) does not exist, so nothing was granted to it; "
                            + "create it as README \"Security model\" shows and migrate again")
                    return
                }
                try await DatabaseRoles.grantPrivileges(on: connection)
            }
            if applied.isEmpty {
                print("migrations: up to date (\(migrations.count) applied)")
            } else {
                print("migrations: applied \(applied.map(\.fileName).joined(separator: ", "))")
            }
        }
    }
}
