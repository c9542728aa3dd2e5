import AllotCore
import ArgumentParser

/// `allot`: the single executable. Subcommands parse flags and the environment, then call the libraries.
@main
struct AllotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allot",
        abstract: "Billing and commitment allocation across AWS Organizations.",
        discussion: """
            Without --database-url (or ALLOT_DATABASE_URL), allot uses a private PostgreSQL cluster under \
            its data directory (--data-dir, ALLOT_HOME, default ./.allot), created and started on demand.
            """,
        subcommands: [
            DatabaseCommand.self,
            MigrateCommand.self,
            StatusCommand.self,
            IngestCommand.self,
            DeliveriesCommand.self,
            ApplyCommand.self,
            RulesCommand.self,
            AllocateCommand.self,
            AllocationsCommand.self,
            LedgerCommand.self,
            InvoiceCommand.self,
            CloseCommand.self,
            AdjustmentsCommand.self,
            CommitmentsCommand.self,
            ReconcileCommand.self,
            GenerateCommand.self,
            ServeCommand.self,
            TokensCommand.self,
            AuditCommand.self,
        ]
    )

    /// Runs the command, saying a library error's remedy as the command that does it.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let error as any RemediableError {
            exit(withError: CommandLineError(description: error.advice.forCommandLine))
        } catch {
            exit(withError: error)
        }
    }
}

/// A library error as the command line says it.
struct CommandLineError: Error, CustomStringConvertible {
    var description: String
}
